import Analysis

/// A JSON array of findings with hadolint's fields, plus the end of each range.
enum JSONFormat {
  static func render(_ report: LintReport) -> String {
    let items: [JSONValue] = report.entries.map { file, finding in
      let location = FindingFormatter.Location(finding, in: file.source)
      return [
        "code": .string(finding.ruleID), "column": .int(location.column),
        "endColumn": .int(location.endColumn), "endLine": .int(location.endLine),
        "file": .string(file.path), "level": .string(finding.severity.rawValue), "line": .int(location.line),
        "message": .string(finding.message),
      ]
    }
    return FindingFormatter.jsonText(.array(items)) + "\n"
  }
}
