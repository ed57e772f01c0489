/// Reports an image that lacks a label that the label schema requires.
struct DL3049: Rule {
  static let id = "DL3049"
  static let title = "Add the labels the schema requires"
  static let defaultSeverity = Severity.info
  static let exampleSettings = RuleSettings(labelSchema: ["org.opencontainers.image.authors": .email])
  static let documentation = """
    ## Why
    A label schema lists the labels every image of a project must carry, such as its source, \
    version or owner, so that registries and scanners can find them. An image without them is \
    harder to trace back to its code and team.

    The rule reads the label schema (the `label-schema` setting, as in hadolint's \
    configuration); with an empty schema it finds nothing. A stage is checked when no \
    later stage is built on it or copies from it, so it may be built as an image, and labels \
    of the stages it is built on (`FROM <stage>`) count. Labels of the base image are not \
    known and do not count. hadolint 2.15.1 also reports a stage that a named stage is built \
    on.

    The examples assume the schema `org.opencontainers.image.authors: email`.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache curl
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    LABEL org.opencontainers.image.authors="team@example.com"
    RUN apk add --no-cache curl
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let required = context.settings.labelSchema.keys.sorted()
    guard !required.isEmpty else { return }
    var keysByStage: [Int: Set<String>] = [:]
    for (index, entry) in LabelSchemaChecks.labels(context) {
      guard let stage = context.model.stageIndexOfInstruction[index] else { continue }
      keysByStage[stage, default: []].insert(entry.key)
    }
    let graph = StageReferences(context)
    for stage in context.model.stages where !graph.isUsedByLaterStage[stage.index] {
      let present = graph.ancestry(of: stage.index).reduce(into: Set<String>()) { $0.formUnion(keysByStage[$1] ?? []) }
      let from = context.instructions[stage.fromInstructionIndex]
      for label in required where !present.contains(label) {
        findings.append(finding(StageReferences.headerRange(of: from), "The image built by this stage has no `\(label)` label"))
      }
    }
  }
}
