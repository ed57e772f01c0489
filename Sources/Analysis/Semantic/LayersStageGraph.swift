/// How the build stages relate: which stage is the final one, which stages each copies from, and
/// which stages end up in the shipped image.
public struct StageGraph: Sendable {
  /// The index of the last stage, which `docker build` ships when no `--target` is given; nil
  /// when the file has no FROM.
  public let finalStageIndex: Int?
  /// For each stage, the earlier stages it reads files from (`COPY --from`, `ADD --from`,
  /// `RUN --mount=from=`), by index. External images named in `--from` are not listed.
  public let copiesFrom: [Set<Int>]
  /// For each stage, whether a later stage copies its whole filesystem (`COPY --from=x / /`).
  public let isCopiedWhole: [Bool]
  /// For each stage, whether a later stage is built on it (`FROM x`).
  public let isBase: [Bool]
  /// The stages whose files are in the final image: the final stage, the stages it is built on,
  /// and the stages whose whole filesystem one of those copies. A builder stage that is only
  /// copied from (a binary, a directory) is not in the set.
  public let shippedStages: Set<Int>

  public init(model: SemanticModel, instructions: [Instruction]) {
    let stages = model.stages
    var copiesFrom = Array(repeating: Set<Int>(), count: stages.count)
    var copiesWholeFrom = Array(repeating: Set<Int>(), count: stages.count)
    var isCopiedWhole = Array(repeating: false, count: stages.count)
    var isBase = Array(repeating: false, count: stages.count)

    for stage in stages {
      if let base = stage.baseStageIndex { isBase[base] = true }
      for index in stage.instructionIndices {
        let instruction = instructions[index]
        for source in StageGraph.sourceStages(of: instruction, stage: stage, stages: stages) {
          copiesFrom[stage.index].insert(source.stage)
          if source.isWholeFilesystem {
            copiesWholeFrom[stage.index].insert(source.stage)
            isCopiedWhole[source.stage] = true
          }
        }
      }
    }

    var shipped = Set<Int>()
    if let last = stages.indices.last {
      var pending = [last]
      while let index = pending.popLast() {
        guard shipped.insert(index).inserted else { continue }
        if let base = stages[index].baseStageIndex { pending.append(base) }
        pending.append(contentsOf: copiesWholeFrom[index])
      }
    }

    self.finalStageIndex = stages.indices.last
    self.copiesFrom = copiesFrom
    self.isCopiedWhole = isCopiedWhole
    self.isBase = isBase
    self.shippedStages = shipped
  }

  /// Returns whether the files of `stageIndex` end up in the final image.
  public func isShipped(_ stageIndex: Int?) -> Bool {
    stageIndex.map(shippedStages.contains) ?? false
  }

  /// An earlier stage that an instruction reads files from.
  struct StageSource: Equatable {
    var stage: Int
    /// `COPY --from=x / <dest>`: every file of the stage.
    var isWholeFilesystem: Bool
  }

  /// Returns the earlier stages `instruction` reads from, resolving names and numeric indices as
  /// BuildKit does (a number refers to a stage by position).
  static func sourceStages(of instruction: Instruction, stage: Stage, stages: [Stage]) -> [StageSource] {
    var result: [StageSource] = []
    func resolve(_ reference: String) -> Int? {
      let lowered = reference.lowercased()
      if let number = Int(lowered), number >= 0, number < stage.index { return number }
      return stages[..<stage.index].last(where: { $0.name == lowered })?.index
    }
    switch instruction.kind {
    case .copy, .add:
      guard let from = instruction.flag("from")?.value, let source = resolve(from) else { break }
      let paths = CopyArguments(instruction)
      let whole = paths.sources.contains { $0 == "/" || $0 == "/." || $0 == "." || $0 == "./" }
      result.append(StageSource(stage: source, isWholeFilesystem: whole))
    case .run:
      for flag in instruction.flags where flag.name == "mount" {
        guard let value = flag.value else { continue }
        for field in value.split(separator: ",") {
          let parts = field.split(separator: "=", maxSplits: 1)
          if parts.count == 2, parts[0] == "from", let source = resolve(String(parts[1])) {
            result.append(StageSource(stage: source, isWholeFilesystem: false))
          }
        }
      }
    default:
      break
    }
    return result
  }
}

/// The sources and destination of a COPY or ADD, as BuildKit splits them (exec form or words
/// separated by blanks).
public struct CopyArguments: Sendable, Hashable {
  public var sources: [String]
  public var destination: String?

  public init(_ instruction: Instruction) {
    var words: [String]
    if let exec = instruction.execForm {
      words = exec.values
    } else {
      words = instruction.arguments.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }
    // A heredoc source (`COPY <<EOF /file`) is not a path of the context.
    words.removeAll { $0.hasPrefix("<<") }
    destination = words.count >= 1 && !instruction.heredocs.isEmpty ? words.last : (words.count >= 2 ? words.last : nil)
    sources = Array(words.dropLast())
  }
}
