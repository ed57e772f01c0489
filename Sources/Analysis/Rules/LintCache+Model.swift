extension LintCache {
  /// Returns the last lint's semantic model, with its stage graph when that is still valid, if
  /// the edit since then cannot have changed them, and nil otherwise. Call it after `compare`.
  ///
  /// The model contains the stages and the shell of each instruction, which only FROM and SHELL
  /// instructions and `# hadolint shell=` comments shape. It stays when the document has as many
  /// syntax nodes and instructions as before, every FROM and SHELL, before and after the edit,
  /// kept its bytes, and no `#` is on the changed lines. The graph stays when, in
  /// addition, every changed instruction reads from the same stages as before (`COPY --from`,
  /// `RUN --mount=from=`).
  func reusableModel(tree: SyntaxTree, instructions: [Instruction], source: [UInt8]) -> (model: SemanticModel, graph: StageGraph?)? {
    guard let last = lastModel, last.nodeCount == tree.nodes.count, last.shapes.count == instructions.count,
      !changedLinesContainHash(source)
    else { return nil }
    var changed: [Int] = []
    // A buffer lets the loop read two fields of each instruction without copying it.
    let isReusable = instructions.withUnsafeBufferPointer { new in
      for index in new.indices {
        let old = last.shapes[index]
        let isUnchanged = unchanged.oldRange(of: new[index].range) == old.range
        if Self.shapesModel(new[index].kind) || Self.shapesModel(old.kind) {
          guard isUnchanged else { return false }
        } else if !isUnchanged {
          changed.append(index)
        }
      }
      return true
    }
    guard isReusable else { return nil }
    guard let graph = last.graph else { return (last.model, nil) }
    let stages = last.model.stages
    for index in changed {
      guard let stageIndex = last.model.stageIndexOfInstruction[index] else { continue }
      let stage = stages[stageIndex]
      let oldSources = last.flagged[index].map { StageGraph.sourceStages(of: $0, stage: stage, stages: stages) } ?? []
      if StageGraph.sourceStages(of: instructions[index], stage: stage, stages: stages) != oldSources {
        return (last.model, nil)
      }
    }
    return (last.model, graph)
  }

  /// The state `reusableModel` compares the next lint with: the model and graph of a lint, its
  /// number of syntax nodes, each instruction's kind and range, and the instructions with flags,
  /// the only ones that can read from other stages.
  struct ModelSnapshot {
    let model: SemanticModel
    let graph: StageGraph?
    let nodeCount: Int
    let shapes: [(kind: InstructionKind, range: Range<Int>)]
    let flagged: [Int: Instruction]

    init(model: SemanticModel, graph: StageGraph?, tree: SyntaxTree, instructions: [Instruction]) {
      self.model = model
      self.graph = graph
      self.nodeCount = tree.nodes.count
      var shapes: [(kind: InstructionKind, range: Range<Int>)] = []
      shapes.reserveCapacity(instructions.count)
      var flagged: [Int: Instruction] = [:]
      instructions.withUnsafeBufferPointer { instructions in
        for index in instructions.indices {
          shapes.append((instructions[index].kind, instructions[index].range))
          if !instructions[index].flags.isEmpty { flagged[index] = instructions[index] }
        }
      }
      self.shapes = shapes
      self.flagged = flagged
    }
  }

  private static func shapesModel(_ kind: InstructionKind) -> Bool {
    kind == .from || kind == .shell
  }

  /// Returns whether the lines around the changed bytes, before or after the edit, contain a `#`.
  private func changedLinesContainHash(_ source: [UInt8]) -> Bool {
    let newEnd = unchanged.count - unchanged.suffix
    // The bytes before the change are the same in both texts, and so are those after it.
    // Only `\n` ends a line for the parser: a lone `\r` stays inside a comment line.
    var lineStart = unchanged.prefix
    while lineStart > 0 && source[lineStart - 1] != 0x0A { lineStart -= 1 }
    var newLineEnd = newEnd
    while newLineEnd < source.count && source[newLineEnd] != 0x0A { newLineEnd += 1 }
    let oldLineEnd = newLineEnd - unchanged.delta
    let hash = UInt8(ascii: "#")
    return source[lineStart..<newLineEnd].contains(hash) || previousSource[lineStart..<oldLineEnd].contains(hash)
  }
}
