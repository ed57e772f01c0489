import Analysis

/// The GNU error-message layout that editors such as Emacs jump from:
/// `docker-lsp:FILE:LINE: CODE LEVEL: MESSAGE`.
enum GNUFormat {
  static func render(_ report: LintReport) -> String {
    var output = ""
    for (file, finding) in report.entries {
      let location = FindingFormatter.Location(finding, in: file.source)
      output += "docker-lsp:\(TTYFormat.printable(file.path)):\(location.line): \(finding.ruleID) \(finding.severity.rawValue): \(TTYFormat.printable(finding.message))\n"
    }
    return output
  }
}
