extension LintCache {
  /// Returns the last lint's semantic model, with its stage graph when that is still valid, if
  /// the edit since then cannot have changed them; nil otherwise. Call after `compare`.
  ///
  /// The model holds the stages and the shell of each instruction, which only FROM and SHELL
  /// instructions and `# hadolint shell=` comments shape. It stays when the document has as many
  /// syntax nodes and instructions as before, every FROM and SHELL, before and after the edit,
  /// kept its bytes, and no `#` is on the changed lines. The graph stays when, in addition, every changed instruction reads from the same
  /// stages as before (`COPY --from`, `RUN --mount=from=`).
  func reusableModel(tree: SyntaxTree, instructions: [Instruction], source: [UInt8]) -> (model: SemanticModel, graph: StageGraph?)? {
    guard let last = lastModel, last.nodeCount == tree.nodes.count, last.instructions.count == instructions.count,
      !changedLinesContainHash(source)
    else { return nil }
    var changed: [Int] = []
    let oldInstructions = last.instructions
    // Buffers let the loop read two fields of each instruction without copying it.
    let isReusable = instructions.withUnsafeBufferPointer { new in
      oldInstructions.withUnsafeBufferPointer { old in
        for index in new.indices {
          let kept = unchanged.oldRange(of: new[index].range) == old[index].range
          if Self.shapesModel(new[index].kind) || Self.shapesModel(old[index].kind) {
            guard kept else { return false }
          } else if !kept {
            changed.append(index)
          }
        }
        return true
      }
    }
    guard isReusable else { return nil }
    guard let graph = last.graph else { return (last.model, nil) }
    let stages = last.model.stages
    for index in changed {
      guard let stageIndex = last.model.stageIndexOfInstruction[index] else { continue }
      let stage = stages[stageIndex]
      if StageGraph.sourceStages(of: instructions[index], stage: stage, stages: stages)
        != StageGraph.sourceStages(of: oldInstructions[index], stage: stage, stages: stages) {
        return (last.model, nil)
      }
    }
    return (last.model, graph)
  }

  private static func shapesModel(_ kind: InstructionKind) -> Bool {
    kind == .from || kind == .shell
  }

  /// Whether the lines around the changed bytes, before or after the edit, contain a `#`.
  private func changedLinesContainHash(_ source: [UInt8]) -> Bool {
    let newEnd = unchanged.count - unchanged.suffix
    // The bytes before the change are the same in both texts, and so are those after it.
    var lineStart = unchanged.prefix
    while lineStart > 0 && source[lineStart - 1] != 0x0A && source[lineStart - 1] != 0x0D { lineStart -= 1 }
    var newLineEnd = newEnd
    while newLineEnd < source.count && source[newLineEnd] != 0x0A && source[newLineEnd] != 0x0D { newLineEnd += 1 }
    let oldLineEnd = newLineEnd - unchanged.delta
    let hash = UInt8(ascii: "#")
    return source[lineStart..<newLineEnd].contains(hash) || previousSource[lineStart..<oldLineEnd].contains(hash)
  }
}
