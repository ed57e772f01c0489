import Foundation
import Analysis

/// GitHub Actions workflow commands, which show each finding as an annotation on the pull
/// request: `::warning file=F,line=L,col=C,endLine=L,endColumn=C,title=CODE::MESSAGE`.
enum GitHubFormat {
  static func render(_ report: LintReport) -> String {
    var output = ""
    for (file, finding) in report.entries {
      let location = FindingFormatter.Location(finding, in: file.source)
      let properties = [
        "file=\(escapeProperty(file.path))", "line=\(location.line)", "col=\(location.column)",
        "endLine=\(location.endLine)", "endColumn=\(location.endColumn)", "title=\(escapeProperty(finding.ruleID))",
      ]
      output += "::\(command(finding.severity)) \(properties.joined(separator: ","))::\(escapeData(finding.message))\n"
    }
    return output
  }

  /// GitHub has error, warning and notice annotations; info and style findings become notices.
  static func command(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .info, .style: return "notice"
    }
  }

  /// Escapes a message as the workflow command syntax requires.
  static func escapeData(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  /// Escapes a property value, in which `:` and `,` are also separators.
  static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }
}
