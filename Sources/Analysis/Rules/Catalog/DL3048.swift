/// Reports label keys that do not follow Docker's key format.
struct DL3048: Rule {
  static let id = "DL3048"
  static let title = "Use valid label keys"
  static let defaultSeverity = Severity.style
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    Docker recommends label keys in reverse-DNS form made of lower-case letters, digits, `.` \
    and `-`, starting with a letter and ending with a letter or digit, without `..` or `--`. \
    The namespaces `com.docker.`, `io.docker.` and `org.dockerproject.` are reserved for \
    Docker itself. Keys in this form are read the same way by every tool that queries labels.

    Each invalid key of every stage is reported, with the first rule it breaks. Keys with a \
    variable are skipped, since their value is known only at build time. `LABEL` inside \
    `ONBUILD` is not checked. hadolint 2.15.1 reports the whole `LABEL` once.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL Maintainer="team@example.com"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.authors="team@example.com"
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for (_, entry) in LabelSchemaChecks.labels(context) where !entry.keyHasExpansion {
      guard let problem = LabelValues.keyProblem(entry.key) else { continue }
      findings.append(finding(entry.keyRange, "Label key `\(entry.key)` \(problem)"))
    }
  }
}
