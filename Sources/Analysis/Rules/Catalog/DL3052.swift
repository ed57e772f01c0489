/// Reports a value of a `url` label of the label schema that is not an absolute URL.
struct DL3052: Rule {
  static let id = "DL3052"
  static let title = "Use a valid URL in URL labels"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let exampleSettings = RuleSettings(labelSchema: ["org.opencontainers.image.source": .url])
  static let documentation = """
    ## Why
    Tools open URL labels, such as the source or documentation of an image, as links. A value \
    without a scheme, or with spaces, cannot be opened. The value must be an absolute URI by \
    RFC 3986: a scheme such as `https:`, then only characters allowed in URIs.

    \(LabelSchemaChecks.valueRuleNotes(kind: "url"))

    The examples assume the schema `org.opencontainers.image.source: url`.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.source="github.com/example/app"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.source="https://github.com/example/app"
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    LabelSchemaChecks.checkValues(self, type: .url, problem: "is not an absolute URL", context: context, into: &findings)
  }
}
