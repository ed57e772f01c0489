import Analysis

extension LanguageServer {
  /// Handles `textDocument/didOpen`: stores the document and publishes its diagnostics.
  func didOpen(params: JSONValue?) throws {
    let textDocument = try ParamsReader(params)["textDocument"].object()
    let uri = try textDocument["uri"].string()
    let version = try textDocument["version"].int()
    let text = try textDocument["text"].string()

    if documents[uri] != nil {
      logger.error("server", "Opened \(uri) again while it was open; replacing it")
    }
    documents.open(uri: uri, version: version, document: Document(text: text))
    logger.info("server", "Opened \(uri) version \(version)")
    publishDiagnostics(for: uri)
  }
}
