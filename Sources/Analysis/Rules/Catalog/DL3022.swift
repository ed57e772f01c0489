/// Reports `COPY --from` naming no earlier stage.
struct DL3022: Rule {
  static let id = "DL3022"
  static let title = "Copy only from an earlier stage or an image"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    `COPY --from=<name>` copies from the earlier stage of that name. When no earlier stage has \
    the name, BuildKit pulls an image called `<name>` instead, so a misspelt stage name or a \
    reference to a later stage silently copies from an unrelated image, or fails to pull.

    These values are accepted: the name of an earlier stage (compared without case, as \
    BuildKit does), the index of an earlier stage (`--from=0`), an image reference with a tag, \
    digest or path (`nginx:1.27`, `docker.io/library/nginx`), and values with a variable \
    (`--from=$BUILDER`), whose value is unknown. A reference to the stage itself is DL3023's. \
    A named build context given with `docker buildx build --build-context <name>=…` cannot \
    be told from a misspelt stage name, so it is reported too.

    hadolint 2.15.1 also reports `docker.io/library/nginx`, variables, and names that differ \
    from the stage name only in case.

    ## Example
    ```dockerfile
    FROM golang:1.22 AS build
    RUN go build -o /app .
    FROM alpine:3.20
    COPY --from=biuld /app /app
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS build
    RUN go build -o /app .
    FROM alpine:3.20
    COPY --from=build /app /app
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let stages = context.model.stages
    for (index, instruction) in context.instructions.enumerated() where instruction.kind == .copy {
      guard let flag = instruction.flag("from"), let value = flag.value,
        let current = context.model.stageIndexOfInstruction[index]
      else { continue }
      if value.isEmpty || value.contains("$") || value.contains(":") || value.contains("/") || value.contains("@") { continue }
      if StageReferences.stageIndex(referencedBy: value, in: stages, before: current) != nil { continue }
      let range = flag.valueRange ?? flag.range
      findings.append(finding(range, "`\(value)` is neither an earlier stage nor an image with a tag"))
    }
  }
}
