import Analysis

/// Writes a `textDocument/publishDiagnostics` notification straight to JSON bytes.
///
/// A file can have thousands of findings, and building a `JSONValue` tree for each on every
/// keystroke costs more than the linting, so this writes the same JSON as
/// `LSPConverter.diagnostic` without the tree. A test keeps the two outputs equal.
struct DiagnosticsEncoder {
  let converter: LSPConverter

  func notificationBody(uri: String, version: Int?, findings: [Finding]) -> [UInt8] {
    // About 200 bytes of fixed text per diagnostic plus its message, so the buffer rarely grows.
    let capacity = findings.reduce(128 + uri.utf8.count) { $0 + 224 + $1.message.utf8.count }
    var writer = JSONSerializer(reservingCapacity: capacity)
    writer.append(#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#)
    writer.writeString(uri)
    if let version {
      writer.append(#","version":"#)
      writer.writeInt(version)
    }
    writer.append(#","diagnostics":["#)
    for (index, finding) in findings.enumerated() {
      if index > 0 { writer.append(",") }
      write(finding, to: &writer)
    }
    writer.append("]}}")
    return writer.bytes
  }

  private func write(_ finding: Finding, to writer: inout JSONSerializer) {
    writer.append(#"{"range":"#)
    writeRange(finding.range, to: &writer)
    writer.append(#","severity":"#)
    writer.writeInt(LSPConverter.severity(finding.severity))
    writer.append(#","code":"#)
    writer.writeString(finding.ruleID)
    if finding.ruleID.hasPrefix("DL") {
      writer.append(#","codeDescription":{"href":"#)
      writer.writeString(LSPConverter.ruleDocumentationURL(finding.ruleID))
      writer.append("}")
    }
    writer.append(#","source":"docker-lsp","message":"#)
    writer.writeString(finding.message)
    writer.append("}")
  }

  private func writeRange(_ range: Range<Int>, to writer: inout JSONSerializer) {
    converter.writeRange(range, to: &writer)
  }
}
