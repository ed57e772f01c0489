/// Reports a value of a `rfc3339` label of the label schema that is not an RFC 3339 date and time.
struct DL3053: Rule {
  static let id = "DL3053"
  static let title = "Use RFC 3339 times in time labels"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let exampleSettings = RuleSettings(labelSchema: ["org.opencontainers.image.created": .rfc3339])
  static let documentation = """
    ## Why
    Tools sort and compare time labels, such as the creation time of an image. RFC 3339 \
    (`2024-05-01T12:30:00Z`, or with an offset such as `+02:00`) is the one form they all \
    read. A date alone, a space in place of `T` or an impossible date is not accepted.

    \(LabelSchemaChecks.valueRuleNotes(kind: "rfc3339"))

    The examples assume the schema `org.opencontainers.image.created: rfc3339`.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.created="2024-05-01 12:30"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.created="2024-05-01T12:30:00Z"
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    LabelSchemaChecks.checkValues(self, type: .rfc3339, problem: "is not an RFC 3339 date and time", context: context, into: &findings)
  }
}
