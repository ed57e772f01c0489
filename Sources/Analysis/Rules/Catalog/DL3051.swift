/// Reports a schema label with an empty value.
struct DL3051: Rule {
  static let id = "DL3051"
  static let title = "Give schema labels a value"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let exampleSettings = RuleSettings(labelSchema: ["org.opencontainers.image.revision": .hash])
  static let documentation = """
    ## Why
    A schema label is required so that tools can read its value. An empty value satisfies the \
    schema in form only, often because a build argument was not passed.

    The rule reads the label schema (the `label-schema` setting, as in hadolint's \
    configuration) and checks the labels it lists; with an empty schema it finds \
    nothing. Every `LABEL` of every stage is checked; `LABEL` inside `ONBUILD` is not.

    The examples assume the schema `org.opencontainers.image.revision: hash`.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.revision=""
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    ARG GIT_COMMIT
    LABEL org.opencontainers.image.revision="${GIT_COMMIT}"
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let schema = context.settings.labelSchema
    guard !schema.isEmpty else { return }
    for (_, entry) in LabelSchemaChecks.labels(context) where schema[entry.key] != nil && entry.value == "" {
      let end = entry.valueRange?.upperBound ?? entry.keyRange.upperBound
      findings.append(finding(entry.keyRange.lowerBound..<end, "Label `\(entry.key)` is empty"))
    }
  }
}
