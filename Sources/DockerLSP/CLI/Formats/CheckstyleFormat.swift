import Analysis

/// Checkstyle 4.3 XML, which Jenkins and many CI dashboards read: one `<file>` per input.
enum CheckstyleFormat {
  static func render(_ report: LintReport) -> String {
    var output = #"<?xml version="1.0" encoding="UTF-8"?><checkstyle version="4.3">"#
    for file in report.files {
      let name = FindingFormatter.xmlEscaped(file.path)
      if file.findings.isEmpty {
        output += #"<file name="\#(name)"/>"#
        continue
      }
      output += #"<file name="\#(name)">"#
      for finding in file.findings {
        let location = FindingFormatter.Location(finding, in: file.source)
        output += #"<error column="\#(location.column)" line="\#(location.line)" "#
        output += #"message="\#(FindingFormatter.xmlEscaped(finding.message))" severity="\#(finding.severity.rawValue)" "#
        output += #"source="\#(finding.ruleID)"/>"#
      }
      output += "</file>"
    }
    return output + "</checkstyle>\n"
  }
}
