/// Reports `COPY --from` naming the stage it is in.
struct DL3023: Rule {
  static let id = "DL3023"
  static let title = "Do not copy from the current stage"
  static let defaultSeverity = Severity.error
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    `COPY --from` copies from another stage's file system. A stage cannot copy from itself, \
    since it is not built yet, and BuildKit fails with a circular dependency. To copy within \
    a stage, use `RUN cp`.

    The stage is matched by name, compared without case as BuildKit does, or by index \
    (`--from=0` in the first stage). hadolint 2.15.1 matches only the exact name.

    ## Example
    ```dockerfile
    FROM alpine:3.20 AS app
    COPY --from=app /etc/os-release /os-release
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20 AS app
    RUN cp /etc/os-release /os-release
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let stages = context.model.stages
    for (index, instruction) in context.instructions.enumerated() where instruction.kind == .copy {
      guard let flag = instruction.flag("from"), let value = flag.value,
        let current = context.model.stageIndexOfInstruction[index],
        StageReferences.stageIndex(referencedBy: value, in: stages, before: current) == current
      else { continue }
      findings.append(finding(flag.valueRange ?? flag.range, "`COPY --from=\(value)` refers to the stage it is in"))
    }
  }
}
