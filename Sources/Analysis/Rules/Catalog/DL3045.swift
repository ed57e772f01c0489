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
    built on that stage (`FROM build`). A base chosen by a variable (`FROM build-$VARIANT`) \
    counts as built on every earlier stage whose name fits it. hadolint \
    tracks stages by image name, so a second `FROM debian:12` inherits the `WORKDIR` of the \
    first; here each stage starts without one unless it builds on an earlier stage. Destinations that start with a variable or are \
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
    // Most files copy only to absolute paths, so no stage's WORKDIR needs working out.
    var relativeDestinations: [Int: ArgumentToken] = [:]
    for (index, instruction) in context.instructions.enumerated() where instruction.kind == .copy {
      let tokens = instruction.argumentTokens
      guard tokens.count >= 2, let destination = tokens.last, !Self.isAbsolute(destination.unquoted) else { continue }
      relativeDestinations[index] = destination
    }
    guard !relativeDestinations.isEmpty else { return }
    let images = Dictionary(context.fromImages().map { ($0.stage.index, $0) }, uniquingKeysWith: { first, _ in first })
    let stagesByName = Dictionary(grouping: context.model.stages.filter { $0.name != nil }.map(\.index)) {
      context.model.stages[$0].name!
    }
    // Whether a WORKDIR is in effect at the end of each stage seen so far.
    var stageHasWorkdir: [Bool] = []
    for (index, instruction) in context.instructions.enumerated() {
      guard let stageIndex = context.model.stageIndexOfInstruction[index] else { continue }
      if instruction.kind == .from {
        let stage = context.model.stages[stageIndex]
        stageHasWorkdir.append(inheritsWorkdir(
          stage, image: images[stageIndex], context: context, stagesByName: stagesByName, stageHasWorkdir: stageHasWorkdir))
      } else if instruction.kind == .workdir {
        stageHasWorkdir[stageIndex] = true
      } else if let destination = relativeDestinations[index], !stageHasWorkdir[stageIndex] {
        findings.append(finding(destination.range, "`COPY` to relative destination `\(destination.unquoted)` without a `WORKDIR` set in this stage"))
      }
    }
  }

  /// Returns whether the stage starts from an earlier stage that has set `WORKDIR`. A base
  /// with a variable of unknown value (`FROM build-$VARIANT`) may be any earlier stage whose
  /// name fits, so one such stage with a `WORKDIR` is enough.
  func inheritsWorkdir(
    _ stage: Stage, image: FromImage?, context: RuleContext, stagesByName: [String: [Int]], stageHasWorkdir: [Bool]
  ) -> Bool {
    if let base = stage.baseStageIndex { return stageHasWorkdir[base] }
    guard let image else { return false }
    let pattern = image.resolved.lowercased().split(separator: FromImage.unknown, omittingEmptySubsequences: false)
    if pattern.count == 1 {
      // A name without variables matches only itself: look it up instead of scanning every
      // earlier stage, which was quadratic in the number of stages.
      return (stagesByName[String(pattern[0])] ?? []).contains { $0 < stage.index && stageHasWorkdir[$0] }
    }
    return context.model.stages[..<stage.index].contains { earlier in
      guard let name = earlier.name, stageHasWorkdir[earlier.index] else { return false }
      return Self.matches(name, pattern)
    }
  }

  /// Returns whether `name` is the parts of `pattern` joined by any text.
  static func matches(_ name: String, _ pattern: [Substring]) -> Bool {
    guard let first = pattern.first, let last = pattern.last, name.hasPrefix(first) else { return false }
    guard pattern.count > 1 else { return name == first }
    var rest = Substring(name.dropFirst(first.count))
    for part in pattern.dropFirst().dropLast() {
      guard let found = rest.firstRange(of: part) else { return false }
      rest = rest[found.upperBound...]
    }
    return rest.hasSuffix(last)
  }

  /// Returns whether `path` is absolute, starts with a variable or is a Windows path.
  static func isAbsolute(_ path: String) -> Bool {
    if path.hasPrefix("/") || path.hasPrefix("$") { return true }
    let rest = path.dropFirst()
    return rest.hasPrefix(":\\") || rest.hasPrefix(":/")
  }
}
