import Analysis

/// hadolint's default layout, one line per finding: `FILE:LINE CODE LEVEL: MESSAGE`.
enum TTYFormat {
  static func render(_ report: LintReport, color: Bool) -> String {
    var output = ""
    for (file, finding) in report.entries {
      let location = FindingFormatter.Location(finding, in: file.source)
      let level = color ? colored(finding.severity) : finding.severity.rawValue
      output += "\(printable(file.path)):\(location.line) \(finding.ruleID) \(level): \(printable(finding.message))\n"
    }
    return output
  }

  /// Replaces control characters with `\u{…}` escapes, so that a hostile Dockerfile quoted in a
  /// message cannot send escape sequences to the user's terminal.
  static func printable(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if isControl(scalar) {
        result += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// Returns the level in hadolint's colours: bold red errors, bold yellow warnings, green infos, cyan styles.
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
