import Analysis

/// SonarQube's generic issue import format: `{"issues": [...]}`, with 0-based columns.
enum SonarQubeFormat {
  static func render(_ report: LintReport) -> String {
    let issues: [JSONValue] = report.entries.map { file, finding in
      let location = FindingFormatter.Location(finding, in: file.source)
      return [
        "engineId": "docker-lsp",
        "primaryLocation": [
          "filePath": .string(file.path),
          "message": .string(finding.message),
          "textRange": [
            "endColumn": .int(location.endColumn - 1), "endLine": .int(location.endLine),
            "startColumn": .int(location.column - 1), "startLine": .int(location.line),
          ],
        ],
        "ruleId": .string(finding.ruleID),
        "severity": .string(severity(finding.severity)),
        "type": .string(finding.severity == .error ? "BUG" : "CODE_SMELL"),
      ]
    }
    return FindingFormatter.jsonText(["issues": .array(issues)]) + "\n"
  }

  static func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: return "CRITICAL"
    case .warning: return "MAJOR"
    case .info: return "MINOR"
    case .style: return "INFO"
    }
  }
}
