import Analysis

extension LanguageServer {
  /// Handles `textDocument/hover`: returns markdown for the rule or instruction under the
  /// position, or null.
  func hover(params: JSONValue?) throws -> JSONValue {
    let reader = ParamsReader(params)
    let uri = try reader["textDocument"]["uri"].string()
    let position = try reader["position"].position()

    guard let entry = documents[uri] else {
      // A client can close a document while its requests are in flight, so this is no error.
      logger.info("server", "Hover requested for \(uri), which is not open")
      return .null
    }
    if hasQueuedChange(for: uri) {
      throw ResponseError.contentModified("\(uri) has a newer change queued")
    }

    let converter = converter(for: entry.document.source)
    let offset = converter.offset(position)
    let findings = self.findings(for: uri)
    guard let content = analysis.hover(offset, entry.document, findings) else { return .null }
    return [
      "contents": ["kind": "markdown", "value": .string(content.markdown)],
      "range": converter.range(content.range),
    ]
  }
}
