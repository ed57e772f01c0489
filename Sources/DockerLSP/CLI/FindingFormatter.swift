import Analysis
import Foundation

/// The output formats of `docker-lsp lint`.
enum OutputFormat: String, CaseIterable {
  case tty, json
}

/// Renders lint results in an output format.
enum FindingFormatter {
  static func format(_ results: [LintCommand.FileResult], as format: OutputFormat, color: Bool) -> String {
    switch format {
    case .tty: return tty(results, color: color)
    case .json: return json(results)
    }
  }

  /// A finding's 1-based line and column (columns count Unicode scalars) and its end.
  struct Location {
    var line, column, endLine, endColumn: Int

    init(_ finding: Finding, in source: SourceText) {
      let range = source.positionRange(of: finding.range, encoding: .utf32)
      line = range.start.line + 1
      column = range.start.character + 1
      endLine = range.end.line + 1
      endColumn = range.end.character + 1
    }
  }

  /// hadolint's tty layout: `FILE:LINE CODE LEVEL: MESSAGE`.
  static func tty(_ results: [LintCommand.FileResult], color: Bool) -> String {
    var output = ""
    for result in results {
      guard let source = result.source else { continue }
      for finding in result.findings {
        let location = Location(finding, in: source)
        let level = color ? colored(finding.severity) : finding.severity.rawValue
        output += "\(result.path):\(location.line) \(finding.ruleID) \(level): \(finding.message)\n"
      }
    }
    return output
  }

  static func colored(_ severity: Severity) -> String {
    let code: String
    switch severity {
    case .error: code = "31"
    case .warning: code = "33"
    case .info: code = "32"
    case .style: code = "36"
    }
    return "\u{1B}[\(code)m\(severity.rawValue)\u{1B}[0m"
  }

  /// A JSON array with hadolint's fields plus the end of each range.
  static func json(_ results: [LintCommand.FileResult]) -> String {
    var items: [String] = []
    for result in results {
      guard let source = result.source else { continue }
      for finding in result.findings {
        let location = Location(finding, in: source)
        items.append(
          "{\"code\":\(quote(finding.ruleID)),\"column\":\(location.column),\"endColumn\":\(location.endColumn),"
            + "\"endLine\":\(location.endLine),\"file\":\(quote(result.path)),\"level\":\(quote(finding.severity.rawValue)),"
            + "\"line\":\(location.line),\"message\":\(quote(finding.message))}")
      }
    }
    return "[" + items.joined(separator: ",") + "]\n"
  }

  /// Quotes a string as a JSON string literal.
  static func quote(_ string: String) -> String {
    var output = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20: output += String(format: "\\u%04x", scalar.value)
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output + "\""
  }
}
