/// Reports a value of a `semver` label of the label schema that is not a semantic version.
struct DL3056: Rule {
  static let id = "DL3056"
  static let title = "Use semantic versions in version labels"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let exampleSettings = RuleSettings(labelSchema: ["org.opencontainers.image.version": .semver])
  static let documentation = """
    ## Why
    Tools compare version labels to order images and find updates. Semantic Versioning \
    2.0.0 gives the order a meaning: `MAJOR.MINOR.PATCH`, optionally followed by \
    `-prerelease` and `+build`, with no leading `v` and no leading zeros.

    \(LabelSchemaChecks.valueRuleNotes(kind: "semver"))

    The examples assume the schema `org.opencontainers.image.version: semver`.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.version="v1.4"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.version="1.4.0"
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    LabelSchemaChecks.checkValues(self, type: .semver, problem: "is not a semantic version", context: context, into: &findings)
  }
}
