/// The references between the stages of a Dockerfile: a stage is built on an earlier one with
/// `FROM <stage>`, and uses files of one with `COPY --from=<stage>` or `RUN --mount=from=<stage>`.
struct StageReferences {
  let stages: [Stage]
  /// For each stage, whether a later stage is built on it or uses its files. A stage that no
  /// other stage uses is a possible build target (`docker build --target`).
  private(set) var isUsedByLaterStage: [Bool]

  init(_ context: RuleContext) {
    stages = context.model.stages
    isUsedByLaterStage = Array(repeating: false, count: stages.count)
    for stage in stages {
      if let base = stage.baseStageIndex { isUsedByLaterStage[base] = true }
    }
    for (index, instruction) in context.instructions.enumerated() {
      guard let current = context.model.stageIndexOfInstruction[index] else { continue }
      for reference in StageReferences.stageReferences(of: instruction) {
        guard let source = StageReferences.stageIndex(referencedBy: reference, in: stages, before: current), source != current else { continue }
        isUsedByLaterStage[source] = true
      }
    }
  }

  /// Returns the `--from` value of a COPY and the `from=` values of a RUN's `--mount` flags.
  static func stageReferences(of instruction: Instruction) -> [String] {
    switch instruction.kind {
    case .copy:
      return instruction.flag("from")?.value.map { [$0] } ?? []
    case .run:
      return instruction.flags.filter { $0.name == "mount" }.compactMap { flag in
        flag.value?.split(separator: ",").first { $0.hasPrefix("from=") }.map { String($0.dropFirst("from=".count)) }
      }
    default:
      return []
    }
  }

  /// Returns the stage that a `--from` value names when used in stage `current`: a stage index
  /// (`--from=0`) or a stage name, compared without case as BuildKit does. A name resolves to the
  /// last stage of that name up to and including `current`; nil when nothing matches.
  static func stageIndex(referencedBy value: String, in stages: [Stage], before current: Int) -> Int? {
    if !value.isEmpty, value.allSatisfy(\.isASCIIDecimalDigit) {
      guard let index = Int(value), index <= current, index < stages.count else { return nil }
      return index
    }
    let name = value.lowercased()
    return stages[0...min(current, stages.count - 1)].last { $0.name == name }?.index
  }

  /// Returns the chain of stages that `index` is built on, itself first.
  func ancestry(of index: Int) -> [Int] {
    var chain = [index]
    while let base = stages[chain[chain.count - 1]].baseStageIndex, !chain.contains(base) {
      chain.append(base)
    }
    return chain
  }

  /// Returns the source range of the stage name after `AS` in a FROM instruction, or nil.
  static func nameRange(of from: Instruction) -> Range<Int>? {
    let words = from.arguments.blankSeparatedWordRanges()
    guard words.count >= 3, from.arguments.string(in: words[1]).lowercased() == "as" else { return nil }
    return from.arguments.sourceRange(words[2])
  }

  /// Returns the source range of an instruction from its keyword to the end of its arguments.
  static func headerRange(of instruction: Instruction) -> Range<Int> {
    instruction.keywordRange.lowerBound..<max(instruction.keywordRange.upperBound, instruction.argumentsRange.upperBound)
  }
}

extension Character {
  /// Whether the character is one of `0` to `9` (`isNumber` also accepts other scripts' digits).
  var isASCIIDecimalDigit: Bool { ("0"..."9").contains(self) }
}
