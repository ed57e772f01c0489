/// Reports labels outside the label schema when strict labels are on.
struct DL3050: Rule {
  static let id = "DL3050"
  static let title = "Use only the labels of the schema"
  static let defaultSeverity = Severity.info
  static let scope = RuleScope.instruction
  static let exampleSettings = RuleSettings(labelSchema: ["org.opencontainers.image.version": .semver], strictLabels: true)
  static let documentation = """
    ## Why
    With strict labels, a project allows only the labels of its schema, so that every image \
    carries the same, documented set. A label outside it is often a misspelt schema label.

    The rule runs only when strict labels are on (the `strict-labels` setting, as in \
    hadolint's configuration) and reads the label schema (`label-schema`). Each label outside the schema is reported, in every stage; `LABEL` \
    inside `ONBUILD` and keys with a variable are not checked. With an empty schema the rule \
    finds nothing, since then no schema is configured. hadolint 2.15.1 reports every label \
    in that case, and reports the whole `LABEL` once.

    The examples assume strict labels and the schema `org.opencontainers.image.version: semver`.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.version="1.4.0" version="1.4.0"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.version="1.4.0"
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let schema = context.settings.labelSchema
    guard context.settings.strictLabels, !schema.isEmpty else { return }
    for (_, entry) in LabelSchemaChecks.labels(context) where schema[entry.key] == nil && !entry.keyHasExpansion {
      findings.append(finding(entry.keyRange, "Label `\(entry.key)` is not in the label schema"))
    }
  }
}
