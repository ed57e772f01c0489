/// Reports a value of a `hash` label of the label schema that is not a git commit hash.
struct DL3055: Rule {
  static let id = "DL3055"
  static let title = "Use git commit hashes in hash labels"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let exampleSettings = RuleSettings(labelSchema: ["org.opencontainers.image.revision": .hash])
  static let documentation = """
    ## Why
    A revision label ties an image to the commit it was built from. The value must be a \
    commit hash in lower-case hex, 7 to 64 digits long: abbreviated, full SHA-1 (40) or full \
    SHA-256 (64). A branch or tag name can move to another commit.

    \(LabelSchemaChecks.valueRuleNotes(kind: "hash"))

    hadolint 2.15.1 accepts exactly 7 or 40 digits, so it reports abbreviations that git \
    lengthens to stay unique.

    The examples assume the schema `org.opencontainers.image.revision: hash`.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.revision="main"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.revision="4f2c9e1a7b3d5f60812a9c4e6b7d8f9012345678"
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    LabelSchemaChecks.checkValues(self, type: .hash, problem: "is not a git commit hash", context: context, into: &findings)
  }
}
