import Analysis

/// Code Climate issues: `codeclimate` writes each issue followed by a NUL byte, as the Code
/// Climate engine specification asks; `gitlab_codeclimate` writes one JSON array whose issues
/// carry the fingerprint that GitLab's Code Quality report needs.
enum CodeClimateFormat {
  static func render(_ report: LintReport) -> String {
    report.entries.map { file, finding in FindingFormatter.jsonText(issue(finding, in: file)) + "\u{0}" }.joined()
  }

  static func renderGitLab(_ report: LintReport) -> String {
    let issues: [JSONValue] = report.entries.map { file, finding in
      let plain = issue(finding, in: file)
      // The fingerprint hashes the issue's JSON without the fingerprint, as hadolint does, so
      // the values match hadolint's for the same finding and GitLab tracks them across tools.
      let fingerprint = SHA1.hexDigest(JSONSerializer.serialize(plain))
      guard case .object(var object) = plain else { return plain }
      var withFingerprint = JSONObject()
      for (key, value) in object.entries {
        withFingerprint[key] = value
        if key == "description" { withFingerprint["fingerprint"] = .string(fingerprint) }
      }
      object = withFingerprint
      return .object(object)
    }
    return FindingFormatter.jsonText(.array(issues)) + "\n"
  }

  /// One issue with its keys in hadolint's (alphabetical) order.
  static func issue(_ finding: Finding, in file: LintReport.File) -> JSONValue {
    let location = FindingFormatter.Location(finding, in: file.source)
    return [
      "categories": ["Bug Risk"],
      "check_name": .string(finding.ruleID),
      "description": .string(finding.message),
      "location": ["lines": ["begin": .int(location.line), "end": .int(location.endLine)], "path": .string(file.path)],
      "severity": .string(severity(finding.severity)),
      "type": "issue",
    ]
  }

  static func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: return "blocker"
    case .warning: return "major"
    case .info: return "info"
    case .style: return "minor"
    }
  }
}
