/// Reports a value of a `spdx` label of the label schema that is not an SPDX license expression.
struct DL3054: Rule {
  static let id = "DL3054"
  static let title = "Use SPDX license expressions in license labels"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let exampleSettings = RuleSettings(labelSchema: ["org.opencontainers.image.licenses": .spdx])
  static let documentation = """
    ## Why
    License scanners read license labels as SPDX license expressions: identifiers from the \
    SPDX License List, such as `Apache-2.0`, optionally joined with `AND`, `OR` and `WITH` \
    an exception. A free-form name such as `Apache License` cannot be matched.

    \(LabelSchemaChecks.valueRuleNotes(kind: "spdx"))

    Identifiers and operators are case-sensitive, as in their canonical spelling. The rule \
    knows the identifiers of SPDX License List 3.29 and its exceptions, without the \
    deprecated ones such as `GPL-2.0`, and accepts `LicenseRef-…` identifiers. hadolint 2.15.1 accepts a single listed \
    identifier only, so it reports expressions such as `MIT OR Apache-2.0` and \
    `LicenseRef-…` identifiers.

    The examples assume the schema `org.opencontainers.image.licenses: spdx`.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.licenses="Apache License"
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.licenses="Apache-2.0"
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    LabelSchemaChecks.checkValues(self, type: .spdx, problem: "is not an SPDX license expression", context: context, into: &findings)
  }
}
