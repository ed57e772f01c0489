/// Finds instructions of one kind that appear more than once in a stage, where only the last
/// one takes effect (CMD, ENTRYPOINT, HEALTHCHECK).
enum DuplicateInstructions {
  /// The maximum number of earlier instructions that one fix deletes.
  static let maximumRemovedInstructions = 32

  /// Reports each instruction of `kind` that follows another of the same kind in its stage, with
  /// a fix that deletes the lines of the earlier ones.
  static func check<R: Rule>(
    _ rule: R, kind: InstructionKind, message: String, fixTitle: String, context: RuleContext, into findings: inout [Finding]
  ) {
    var earlier: [Int] = []
    var stage: Int?
    for (index, instruction) in context.instructions.enumerated() {
      let instructionStage = context.model.stageIndexOfInstruction[index]
      if instructionStage != stage {
        stage = instructionStage
        earlier = []
      }
      guard instruction.kind == kind else { continue }
      if !earlier.isEmpty {
        // Only the nearest earlier ones are removed, which keeps the edits of a stage with
        // thousands of duplicates linear. Applying the fix again removes the rest.
        let removed = earlier.suffix(maximumRemovedInstructions)
        let edits = removed.map { TextEdit(range: context.instructions[$0].range, newText: "") }
        let range = instruction.keywordRange.lowerBound..<max(instruction.keywordRange.upperBound, instruction.argumentsRange.upperBound)
        findings.append(rule.finding(range, message, fixes: [Fix(title: fixTitle, edits: edits)]))
      }
      earlier.append(index)
    }
  }
}
