import Analysis

/// hadolint's default layout, one line per finding: `FILE:LINE CODE LEVEL: MESSAGE`.
enum TTYFormat {
  static func render(_ report: LintReport, color: Bool) -> String {
    var output = ""
    for (file, finding) in report.entries {
      let location = FindingFormatter.Location(finding, in: file.source)
      let level = color ? colored(finding.severity) : finding.severity.rawValue
      output += "\(file.path):\(location.line) \(finding.ruleID) \(level): \(finding.message)\n"
    }
    return output
  }

  /// The level in hadolint's colours: bold red errors, bold yellow warnings, green infos, cyan styles.
  static func colored(_ severity: Severity) -> String {
    let code: String
    switch severity {
    case .error: code = "\u{1B}[1m\u{1B}[91m"
    case .warning: code = "\u{1B}[1m\u{1B}[93m"
    case .info: code = "\u{1B}[92m"
    case .style: code = "\u{1B}[96m"
    }
    return "\(code)\(severity.rawValue)\u{1B}[0m"
  }
}
