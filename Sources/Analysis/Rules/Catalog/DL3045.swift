/// Reports `COPY` to a relative destination in a stage that has not set `WORKDIR`.
struct DL3045: Rule {
  static let id = "DL3045"
  static let title = "Set WORKDIR before COPY to a relative destination"
  static let defaultSeverity = Severity.warning
  static let documentation = """
    ## Why
    A relative `COPY` destination is resolved against the working directory. Before any \
    `WORKDIR` in the Dockerfile, that directory comes from the base image: `/` for many \
    images, something else for others, and it can change when the base image is updated. \
    Setting `WORKDIR` first, or writing an absolute destination, makes the target explicit.

    A `WORKDIR` counts from where it appears to the end of its stage, and in every stage \
    built on that stage (`FROM build`). Destinations that start with a variable or are \
    Windows paths (`C:\\app`) are not reported. Every stage is checked.

    ## Example
    ```dockerfile
    FROM node:20
    COPY package.json .
    ```

    ## Use instead
    ```dockerfile
    FROM node:20
    WORKDIR /app
    COPY package.json .
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    // Whether a WORKDIR is in effect at the end of each stage seen so far.
    var stageHasWorkdir: [Bool] = []
    for (index, instruction) in context.instructions.enumerated() {
      guard let stageIndex = context.model.stageIndexOfInstruction[index] else { continue }
      if instruction.kind == .from {
        let stage = context.model.stages[stageIndex]
        stageHasWorkdir.append(stage.baseStageIndex.map { stageHasWorkdir[$0] } ?? false)
      } else if instruction.kind == .workdir {
        stageHasWorkdir[stageIndex] = true
      } else if instruction.kind == .copy, !stageHasWorkdir[stageIndex] {
        let tokens = instruction.argumentTokens
        guard tokens.count >= 2, let destination = tokens.last, !Self.isAbsolute(destination.unquoted) else { continue }
        findings.append(finding(destination.range, "`COPY` to relative destination `\(destination.unquoted)` without a `WORKDIR` set in this stage"))
      }
    }
  }

  /// Returns whether `path` is absolute, starts with a variable or is a Windows path.
  static func isAbsolute(_ path: String) -> Bool {
    if path.hasPrefix("/") || path.hasPrefix("$") { return true }
    let rest = path.dropFirst()
    return rest.hasPrefix(":\\") || rest.hasPrefix(":/")
  }
}
