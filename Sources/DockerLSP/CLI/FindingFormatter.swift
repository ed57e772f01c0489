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

  /// Renders a JSON array with hadolint's fields plus the end of each range.
  static func json(_ results: [LintCommand.FileResult]) -> String {
    var items: [JSONValue] = []
    for result in results {
      guard let source = result.source else { continue }
      for finding in result.findings {
        let location = Location(finding, in: source)
        items.append([
          "file": .string(result.path), "line": .int(location.line), "column": .int(location.column),
          "endLine": .int(location.endLine), "endColumn": .int(location.endColumn),
          "level": .string(finding.severity.rawValue), "code": .string(finding.ruleID), "message": .string(finding.message),
        ])
      }
    }
    return String(decoding: JSONSerializer.serialize(.array(items)), as: UTF8.self) + "\n"
  }
}
