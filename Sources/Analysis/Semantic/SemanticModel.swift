/// Facts derived from the syntax tree that rules share: the build stages and the shell that
/// runs each shell-form instruction.
public struct SemanticModel: Sendable {
  public private(set) var stages: [Stage] = []
  /// Index into `stages` for each instruction; nil for instructions before the first FROM.
  public private(set) var stageIndexOfInstruction: [Int?] = []
  /// The shell command in effect for each instruction: the exec form of the last SHELL, or the
  /// shell that a `# hadolint shell=…` comment names, which applies until the next SHELL and also
  /// in later stages.
  public private(set) var shellOfInstruction: [[String]] = []

  public static let defaultShell = ["/bin/sh", "-c"]

  public init(tree: SyntaxTree, instructions: [Instruction]) {
    var shell = SemanticModel.defaultShell
    var stageStartShell = SemanticModel.defaultShell
    // The latest stage of each name: a FROM that names an earlier stage finds it without
    // scanning all earlier stages, which was quadratic in the number of stages.
    var stageIndexByName: [String: Int] = [:]
    stageIndexOfInstruction.reserveCapacity(instructions.count)
    shellOfInstruction.reserveCapacity(instructions.count)
    let pragmaShells = SemanticModel.shellPragmas(tree)

    for (index, instruction) in instructions.enumerated() {
      if let pragma = pragmaShells[index] {
        shell = pragma
        stageStartShell = pragma
      }
      if instruction.kind == .from {
        let stage = Stage(index: stages.count, fromInstructionIndex: index, from: instruction) { stageIndexByName[$0] }
        if let name = stage.name { stageIndexByName[name] = stage.index }
        // A stage built on an earlier stage starts with that stage's SHELL.
        shell = stage.baseStageIndex.map { stages[$0].finalShell } ?? stageStartShell
        stages.append(stage)
      }
      if instruction.kind == .shell, let exec = instruction.execForm, !exec.values.isEmpty {
        shell = exec.values
      }
      if !stages.isEmpty {
        stages[stages.count - 1].instructionIndices = stages[stages.count - 1].fromInstructionIndex..<(index + 1)
        stages[stages.count - 1].finalShell = shell
      }
      stageIndexOfInstruction.append(stages.isEmpty ? nil : stages.count - 1)
      shellOfInstruction.append(shell)
    }
  }

  /// Creates the model of `model`'s instructions at `indices`, in that order, for rules that read
  /// only the shell of each instruction. The shells are copied, and no stage is known.
  init(shellsOf model: SemanticModel, at indices: [Int]) {
    shellOfInstruction = indices.map { model.shellOfInstruction[$0] }
    stageIndexOfInstruction = Array(repeating: nil, count: indices.count)
  }

  /// Creates the model of `model`'s instructions at `indices` (ascending, every FROM among them),
  /// for rules that read some stages in full and only the FROM of the others. The stages keep
  /// their indices, names and bases, and their instruction ranges shrink to the instructions
  /// given. Each instruction keeps the shell the whole document gives it.
  init(window model: SemanticModel, at indices: [Int]) {
    var windowIndex: [Int: Int] = [:]
    for (position, index) in indices.enumerated() { windowIndex[index] = position }
    shellOfInstruction = indices.map { model.shellOfInstruction[$0] }
    stageIndexOfInstruction = indices.map { model.stageIndexOfInstruction[$0] }
    stages = model.stages.map { stage in
      var windowStage = stage
      let start = windowIndex[stage.fromInstructionIndex]!
      let last = stage.instructionIndices.reversed().first { windowIndex[$0] != nil }!
      windowStage.fromInstructionIndex = start
      windowStage.instructionIndices = start..<(windowIndex[last]! + 1)
      return windowStage
    }
  }

  /// Returns the shells named by `# hadolint shell=…` comments, keyed by the index of the
  /// instruction that follows each.
  static func shellPragmas(_ tree: SyntaxTree) -> [Int: [String]] {
    var result: [Int: [String]] = [:]
    var instructionIndex = 0
    for node in tree.nodes {
      switch node {
      case .comment(let comment):
        if case .shell(let name) = Pragma.parse(Substring(comment.text)) {
          result[instructionIndex] = isPOSIXShell([name]) ? [name, "-c"] : [name]
        }
      case .instruction: instructionIndex += 1
      default: break
      }
    }
    return result
  }

  /// Returns whether `shell` is a POSIX-compatible shell (sh, bash, dash, ash, ksh, zsh, busybox sh),
  /// whose `-c` argument this tool can read as a POSIX shell script.
  public static func isPOSIXShell(_ shell: [String]) -> Bool {
    guard let program = shell.first else { return false }
    // Rules ask once per RUN, and nearly every RUN runs under the default shell.
    if program == "/bin/sh" { return true }
    let name = program.split(separator: "/").last.map(String.init) ?? program
    return ["sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "busybox"].contains(name)
  }
}

/// One build stage: a FROM instruction and the instructions up to the next FROM.
public struct Stage: Sendable {
  public let index: Int
  /// The name after `AS`, lower-cased as BuildKit compares names.
  public let name: String?
  public internal(set) var fromInstructionIndex: Int
  /// Indices into the instruction list, from the FROM to the stage's last instruction.
  public internal(set) var instructionIndices: Range<Int>
  /// The image text after FROM's flags, as written (variables not expanded).
  public let baseImageText: String
  /// The parsed base image, or nil when the base is an earlier stage or `scratch`.
  public let baseImage: ImageReference?
  /// The earlier stage this one is built on, when FROM names one.
  public let baseStageIndex: Int?
  /// The SHELL in effect at the end of the stage.
  public internal(set) var finalShell: [String] = SemanticModel.defaultShell

  /// `earlierStage` returns the latest earlier stage with a given (lower-cased) name.
  init(index: Int, fromInstructionIndex: Int, from instruction: Instruction, earlierStage: (String) -> Int?) {
    self.index = index
    self.fromInstructionIndex = fromInstructionIndex
    self.instructionIndices = fromInstructionIndex..<(fromInstructionIndex + 1)

    let words = Stage.leadingWords(instruction.arguments.text)
    self.baseImageText = words.first ?? ""
    if words.count >= 3, words[1].lowercased() == "as" {
      self.name = words[2].lowercased()
    } else {
      self.name = nil
    }
    let lowered = baseImageText.lowercased()
    self.baseStageIndex = earlierStage(lowered)
    self.baseImage = (baseStageIndex != nil || lowered == "scratch") ? nil : ImageReference(baseImageText)
  }

  /// Returns the first three words of FROM's arguments, split at spaces and tabs.
  private static func leadingWords(_ text: String) -> [String] {
    var text = text
    // Splitting `Character`s is slow, and for ASCII text splitting bytes gives the same words.
    let ascii = text.withUTF8 { bytes -> [String]? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      var words: [String] = []
      var start: Int?
      for index in 0...bytes.count where words.count < 3 {
        let isSeparator = index == bytes.count || bytes[index] == 0x20 || bytes[index] == 0x09
        if isSeparator {
          if let wordStart = start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<index]), as: UTF8.self)) }
          start = nil
        } else if start == nil {
          start = index
        }
      }
      return words
    }
    return ascii ?? Array(text.split(whereSeparator: { $0 == " " || $0 == "\t" }).prefix(3).map(String.init))
  }
}
