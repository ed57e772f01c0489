/// Reports a stage named `scratch` or `context`, which BuildKit reserves.
struct DL3063: Rule {
  static let id = "DL3063"
  static let title = "Do not name a stage with a reserved word"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    `scratch` is the empty base image and `context` names the build context in \
    `--build-context` and `COPY --from`. A stage with one of these names makes `FROM scratch` \
    or `COPY --from=context` ambiguous to the reader, and BuildKit warns about it.

    Names are compared without regard to case, as BuildKit compares stage names, so \
    `AS Scratch` is reported too; hadolint 2.15.1 reports only the lower-case spelling.

    ## Example
    ```dockerfile
    FROM alpine:3.20 AS scratch
    RUN echo building
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20 AS builder
    RUN echo building
    ```
    """

  static let reservedNames: Set<String> = ["scratch", "context"]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for stage in context.model.stages {
      guard let name = stage.name, Self.reservedNames.contains(name) else { continue }
      let from = context.instructions[stage.fromInstructionIndex]
      let range = StageReferences.nameRange(of: from) ?? StageReferences.headerRange(of: from)
      findings.append(finding(range, "`\(name)` is a reserved word and should not name a stage"))
    }
  }
}
