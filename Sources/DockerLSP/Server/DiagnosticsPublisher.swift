extension LanguageServer {
  /// Lints the current version of `uri` and sends `textDocument/publishDiagnostics`.
  func publishDiagnostics(for uri: String) {
    let findings = self.findings(for: uri)
    guard let entry = documents[uri] else { return }
    let encoder = DiagnosticsEncoder(converter: converter(for: entry.document.source))
    connection.writer.send(body: encoder.notificationBody(uri: uri, version: entry.version, findings: findings, reusing: entry.diagnosticsMemo))
    logger.debug("server", "Published \(findings.count) diagnostics for \(uri) version \(entry.version)")
  }

  /// Clears the client's diagnostics for a document that is closed or no longer tracked.
  func publishEmptyDiagnostics(for uri: String) {
    connection.notify("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []])
  }
}
