import Analysis

extension LanguageServer {
  /// The editor feature requests beyond hover, code actions and document symbols, by method.
  /// `MessageDispatch` routes to this table so that adding a feature touches only its handler
  /// file and this list.
  static let featureRequestHandlers: [String: @Sendable (LanguageServer, JSONValue?) throws -> JSONValue] = [
    "textDocument/foldingRange": { try $0.foldingRange(params: $1) },
    "textDocument/definition": { try $0.definition(params: $1) },
    "textDocument/references": { try $0.references(params: $1) },
    "textDocument/documentHighlight": { try $0.documentHighlight(params: $1) },
    "textDocument/prepareRename": { try $0.prepareRename(params: $1) },
    "textDocument/rename": { try $0.rename(params: $1) },
    "textDocument/formatting": { try $0.formatting(params: $1) },
    "textDocument/rangeFormatting": { try $0.rangeFormatting(params: $1) },
    "textDocument/completion": { try $0.completion(params: $1) },
    "textDocument/semanticTokens/full": { try $0.semanticTokensFull(params: $1) },
    "textDocument/semanticTokens/range": { try $0.semanticTokensRange(params: $1) },
  ]

  /// Returns the open document that a feature request names, or nil when it is not open (a
  /// client can close a document while its requests are in flight, so that is no error). Throws
  /// content-modified when a newer change is queued, because the result would be stale.
  func documentForRequest(_ reader: ParamsReader, method: String) throws -> (uri: String, document: Document)? {
    let uri = try reader["textDocument"]["uri"].string()
    guard let entry = documents[uri] else {
      logger.info("server", "\(method) requested for \(uri), which is not open")
      return nil
    }
    if hasQueuedChange(for: uri) {
      throw ResponseError.contentModified("\(uri) has a newer change queued")
    }
    return (uri, entry.document)
  }
}
