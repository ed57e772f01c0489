extension LanguageServer {
  /// Handles `textDocument/didClose`: removes the document and clears its diagnostics.
  func didClose(params: JSONValue?) throws {
    let uri = try ParamsReader(params)["textDocument"]["uri"].string()
    guard documents.close(uri: uri) != nil else {
      logger.error("server", "Ignored close of \(uri), which is not open")
      return
    }
    logger.info("server", "Closed \(uri)")
    publishEmptyDiagnostics(for: uri)
  }
}
