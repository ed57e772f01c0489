/// Reports an image without HEALTHCHECK (off by default).
struct DL3057: Rule {
  static let id = "DL3057"
  static let title = "Add a HEALTHCHECK"
  static let defaultSeverity = Severity.info
  static let isEnabledByDefault = false
  static let documentation = """
    ## Why
    Without a `HEALTHCHECK`, Docker knows only whether the main process is running, not \
    whether it still serves. A health check lets Docker and orchestrators mark a hung \
    container unhealthy and replace it. Orchestrators such as Kubernetes use their own probes \
    instead, so the rule is off by default, as in hadolint, where its severity is `ignore`.

    A stage is checked when no later stage is built on it or copies from it, so it may be \
    built as an image (the final stage, or a `--target`). A `HEALTHCHECK` of a stage it is \
    built on counts, and so does `HEALTHCHECK NONE`, which turns an inherited check off on \
    purpose. hadolint 2.15.1 reports every stage without one, builder stages included.

    ## Example
    ```dockerfile
    FROM nginx:1.27
    COPY site/ /usr/share/nginx/html/
    ```

    ## Use instead
    ```dockerfile
    FROM nginx:1.27
    COPY site/ /usr/share/nginx/html/
    HEALTHCHECK CMD curl -f http://localhost/ || exit 1
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let graph = StageReferences(context)
    for stage in context.model.stages where !graph.isUsedByLaterStage[stage.index] {
      let hasHealthcheck = graph.ancestry(of: stage.index).contains { index in
        context.model.stages[index].instructionIndices.contains { context.instructions[$0].kind == .healthcheck }
      }
      guard !hasHealthcheck else { continue }
      let from = context.instructions[stage.fromInstructionIndex]
      findings.append(finding(StageReferences.headerRange(of: from), "The image built by this stage has no `HEALTHCHECK`"))
    }
  }
}
