import Analysis

/// Conversions from the analysis layer's byte ranges and findings to LSP JSON.
struct LSPConverter {
  let source: SourceText
  let encoding: PositionEncoding

  func position(_ offset: Int) -> JSONValue {
    let position = source.position(of: offset, encoding: encoding)
    return ["line": .int(position.line), "character": .int(position.character)]
  }

  func range(_ range: Range<Int>) -> JSONValue {
    ["start": position(range.lowerBound), "end": position(range.upperBound)]
  }

  /// Writes the same JSON text as `range(_:)` without building the value, for encoders of large
  /// results.
  func writeRange(_ range: Range<Int>, to writer: inout JSONSerializer) {
    let start = source.position(of: range.lowerBound, encoding: encoding)
    let end = source.position(of: range.upperBound, encoding: encoding)
    writer.append(#"{"start":{"line":"#)
    writer.writeInt(start.line)
    writer.append(#","character":"#)
    writer.writeInt(start.character)
    writer.append(#"},"end":{"line":"#)
    writer.writeInt(end.line)
    writer.append(#","character":"#)
    writer.writeInt(end.character)
    writer.append("}}")
  }

  /// Converts an LSP position to a byte offset, clamped to the text as LSP specifies.
  func offset(_ position: Position) -> Int {
    source.offset(of: position, encoding: encoding) ?? 0
  }

  /// Converts an LSP range to ordered byte offsets; a reversed range is swapped.
  func offsets(_ range: PositionRange) -> Range<Int> {
    let start = offset(range.start)
    let end = offset(range.end)
    return min(start, end)..<max(start, end)
  }

  func textEdit(_ edit: TextEdit) -> JSONValue {
    ["range": range(edit.range), "newText": .string(edit.newText)]
  }

  func diagnostic(_ finding: Finding) -> JSONValue {
    var object = JSONObject()
    object["range"] = range(finding.range)
    object["severity"] = .int(LSPConverter.severity(finding.severity))
    object["code"] = .string(finding.ruleID)
    if finding.ruleID.hasPrefix("DL") {
      object["codeDescription"] = ["href": .string(LSPConverter.ruleDocumentationURL(finding.ruleID))]
    }
    object["source"] = "docker-lsp"
    object["message"] = .string(finding.message)
    return .object(object)
  }

  /// Returns the hadolint wiki URL of a `DL` rule.
  static func ruleDocumentationURL(_ ruleID: String) -> String {
    "https://github.com/hadolint/hadolint/wiki/\(ruleID)"
  }

  /// Returns the LSP `DiagnosticSeverity`, in which style findings become hints.
  static func severity(_ severity: Severity) -> Int {
    switch severity {
    case .error: return 1
    case .warning: return 2
    case .info: return 3
    case .style: return 4
    }
  }
}
