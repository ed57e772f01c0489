/// Reports a value of a `email` label of the label schema that is not an email address.
struct DL3058: Rule {
  static let id = "DL3058"
  static let title = "Use email addresses in email labels"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let exampleSettings = RuleSettings(labelSchema: ["org.opencontainers.image.authors": .email])
  static let documentation = """
    ## Why
    An email label tells who to contact about an image. The value must be an address by \
    RFC 5322 (`team@example.com`); a name with the address in angle brackets is not \
    accepted.

    \(LabelSchemaChecks.valueRuleNotes(kind: "email"))

    The examples assume the schema `org.opencontainers.image.authors: email`.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.authors="Platform Team"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.authors="platform@example.com"
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    LabelSchemaChecks.checkValues(self, type: .email, problem: "is not an email address", context: context, into: &findings)
  }
}
