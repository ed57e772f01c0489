import Analysis

/// Codacy's tool output: one JSON object per finding, written back to back as hadolint does.
enum CodacyFormat {
  static func render(_ report: LintReport) -> String {
    let entries = report.entries
    if entries.isEmpty { return "" }
    return entries.map { file, finding in
      let location = FindingFormatter.Location(finding, in: file.source)
      return FindingFormatter.jsonText([
        "filename": .string(file.path), "line": .int(location.line), "message": .string(finding.message),
        "patternId": .string(finding.ruleID),
      ])
    }.joined() + "\n"
  }
}
