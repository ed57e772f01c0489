/// The stage names and build variables of a Dockerfile, with every place that declares or uses
/// them. It backs go to definition, references, rename and highlights.
///
/// Scoping follows BuildKit: an ARG before the first FROM is global and is visible only in FROM
/// lines, or inside a stage after an `ARG` of the same name redeclares it there. That ARG joins
/// the global symbol, so a rename keeps them together. ARG and ENV declared in a stage are visible
/// after their instruction; a stage built on an earlier stage inherits its ENV, not its ARG.
/// References in an instruction resolve before that instruction's own declarations, as in
/// `ENV PATH=$PATH:/opt/bin`.
public struct SymbolIndex: Sendable {
  public enum Kind: Sendable, Hashable {
    case stage
    case variable
  }

  /// One stage name or variable; declarations and uses of it are `occurrences`.
  public struct Symbol: Sendable, Hashable {
    public var kind: Kind
    /// The name as first declared (stage names compare without case).
    public var name: String
    /// The range of the first declaration.
    public var declarationRange: Range<Int>
  }

  /// One place that names a symbol.
  public struct Occurrence: Sendable, Hashable {
    public var range: Range<Int>
    /// Index into `symbols`.
    public var symbol: Int
    public var isDeclaration: Bool
    /// The declaration that this occurrence resolves to: itself for a first declaration, the
    /// global ARG for a redeclaration inside a stage.
    public var target: Range<Int>
  }

  public private(set) var symbols: [Symbol] = []
  /// All occurrences, sorted by start offset.
  public private(set) var occurrences: [Occurrence] = []

  public init(_ document: Document) {
    let instructions = document.tree.instructions
    let model = SemanticModel(tree: document.tree, instructions: instructions)
    let escape = document.tree.escapeCharacter
    let source = document.source.bytes

    var globals: [String: (symbol: Int, range: Range<Int>)] = [:]
    var scope: [String: (symbol: Int, range: Range<Int>)] = [:]
    var stageEnv: [[String: (symbol: Int, range: Range<Int>)]] = []
    var stageSymbols: [(name: String, symbol: Int)] = []
    var currentEnv: [String: (symbol: Int, range: Range<Int>)] = [:]
    var symbols: [Symbol] = []
    var occurrences: [Occurrence] = []

    func newSymbol(_ kind: Kind, _ name: String, _ range: Range<Int>) -> Int {
      symbols.append(Symbol(kind: kind, name: name, declarationRange: range))
      return symbols.count - 1
    }
    func add(_ range: Range<Int>, _ symbol: Int, declaration: Bool, target: Range<Int>) {
      occurrences.append(Occurrence(range: range, symbol: symbol, isDeclaration: declaration, target: target))
    }

    func closeStage() {
      if !stageEnv.isEmpty { stageEnv[stageEnv.count - 1] = currentEnv }
    }

    for (index, instruction) in instructions.enumerated() {
      let inStage = model.stageIndexOfInstruction[index] != nil
      if instruction.kind == .from {
        closeStage()
        let stage = model.stages[model.stageIndexOfInstruction[index]!]
        // Only the global ARGs are in scope in a FROM line.
        SymbolIndex.scanVariables(of: instruction, source: source, escape: escape) { name, range in
          if let found = globals[name] { add(range, found.symbol, declaration: false, target: found.range) }
        }
        let words = instruction.arguments.blankSeparatedWordRanges()
        if let first = words.first, stage.baseStageIndex != nil,
          let symbol = stageSymbols.last(where: { $0.name == stage.baseImageText.lowercased() })?.symbol {
          add(instruction.arguments.sourceRange(first), symbol, declaration: false, target: symbols[symbol].declarationRange)
        }
        currentEnv = stage.baseStageIndex.map { stageEnv[$0] } ?? [:]
        scope = currentEnv
        stageEnv.append([:])
        if let nameRange = StageReferences.nameRange(of: instruction), let name = stage.name {
          let symbol = newSymbol(.stage, String(decoding: source[nameRange], as: UTF8.self), nameRange)
          add(nameRange, symbol, declaration: true, target: nameRange)
          stageSymbols.append((name, symbol))
        }
        continue
      }

      // Stage references in `--from=` and `--mount=…,from=…`.
      if inStage {
        for range in SymbolIndex.stageReferenceRanges(of: instruction) {
          let name = String(decoding: source[range], as: UTF8.self).lowercased()
          if let symbol = stageSymbols.last(where: { $0.name == name })?.symbol,
            symbols[symbol].declarationRange.lowerBound < instruction.range.lowerBound {
            add(range, symbol, declaration: false, target: symbols[symbol].declarationRange)
          }
        }
      }

      let visible = inStage ? scope : globals
      SymbolIndex.scanVariables(of: instruction, source: source, escape: escape) { name, range in
        if let found = visible[name] { add(range, found.symbol, declaration: false, target: found.range) }
      }

      guard instruction.kind == .arg || instruction.kind == .env else { continue }
      for entry in KeyValueArguments.entries(of: instruction, escape: escape) where !entry.keyHasExpansion && !entry.keyRange.isEmpty {
        let name = entry.key
        let range = entry.keyRange
        if !inStage {
          if let existing = globals[name] {
            add(range, existing.symbol, declaration: true, target: existing.range)
          } else {
            let symbol = newSymbol(.variable, name, range)
            add(range, symbol, declaration: true, target: range)
            globals[name] = (symbol, range)
          }
          continue
        }
        let resolved: (symbol: Int, range: Range<Int>)
        if let existing = scope[name] {
          add(range, existing.symbol, declaration: true, target: existing.range)
          resolved = (existing.symbol, range)
        } else if instruction.kind == .arg, let global = globals[name] {
          add(range, global.symbol, declaration: true, target: global.range)
          resolved = (global.symbol, range)
        } else {
          let symbol = newSymbol(.variable, name, range)
          add(range, symbol, declaration: true, target: range)
          resolved = (symbol, range)
        }
        scope[name] = resolved
        if instruction.kind == .env { currentEnv[name] = resolved }
      }
    }
    closeStage()
    occurrences.sort { $0.range.lowerBound < $1.range.lowerBound }
    self.symbols = symbols
    self.occurrences = occurrences

  }

  /// Returns the occurrence whose range contains `offset`, or ends at it (a cursor right after a
  /// name still names it).
  public func occurrence(at offset: Int) -> Occurrence? {
    var low = 0
    var high = occurrences.count
    while low < high {
      let mid = (low + high) / 2
      if occurrences[mid].range.upperBound < offset { low = mid + 1 } else { high = mid }
    }
    guard low < occurrences.count, occurrences[low].range.lowerBound <= offset else { return nil }
    return occurrences[low]
  }

  /// Returns every occurrence of `symbol`, in source order.
  public func occurrences(of symbol: Int) -> [Occurrence] {
    occurrences.filter { $0.symbol == symbol }
  }

  /// Returns the range of the declaration that the name at `offset` refers to.
  public func definition(at offset: Int) -> Range<Int>? {
    occurrence(at: offset)?.target
  }

  /// Returns the ranges of the stage names in `--from=<name>` (COPY, ADD) and in the `from=`
  /// field of `--mount` (RUN).
  static func stageReferenceRanges(of instruction: Instruction) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    for flag in instruction.flags {
      guard let valueRange = flag.valueRange, let value = flag.value, !valueRange.isEmpty else { continue }
      if flag.name == "from", instruction.kind == .copy || instruction.kind == .add, value.utf8.count == valueRange.count {
        if !value.allSatisfy(\.isASCIIDecimalDigit) { ranges.append(valueRange) }
      } else if flag.name == "mount", instruction.kind == .run, value.utf8.count == valueRange.count {
        var fieldStart = valueRange.lowerBound
        for field in value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
          let length = field.count
          if field.starts(with: "from=".utf8), length > 5 {
            ranges.append((fieldStart + 5)..<(fieldStart + length))
          }
          fieldStart += length + 1
        }
      }
    }
    return ranges
  }

  /// Calls `body` with the name and source range of each `$NAME` and `${NAME…}` in the
  /// instruction's flag values and arguments, outside single quotes and not escaped.
  static func scanVariables(of instruction: Instruction, source: [UInt8], escape: UInt8, _ body: (String, Range<Int>) -> Void) {
    for flag in instruction.flags {
      guard let valueRange = flag.valueRange else { continue }
      VariableScanner.scan(source, valueRange, escape: escape) { body($0, $1) }
    }
    // Exec form is not expanded for RUN, CMD and ENTRYPOINT.
    if instruction.execForm != nil && [.run, .cmd, .entrypoint].contains(instruction.kind) { return }
    let arguments = instruction.arguments
    VariableScanner.scan(arguments.bytes, 0..<arguments.bytes.count, escape: escape) { name, range in
      body(name, arguments.sourceRange(range))
    }
    // A RUN heredoc is a script, so the shell expands ARG and ENV values in it unless the
    // delimiter is quoted. The shell's escape character is always a backslash.
    guard instruction.kind == .run else { return }
    for heredoc in instruction.heredocs where !heredoc.isQuoted && !heredoc.bodyRange.isEmpty {
      let end = max(heredoc.bodyRange.lowerBound, min(heredoc.bodyRange.upperBound, heredoc.terminatorRange.lowerBound))
      VariableScanner.scan(source, heredoc.bodyRange.lowerBound..<end, escape: UInt8(ascii: "\\")) { body($0, $1) }
    }
  }
}

/// Finds variable expansions in Dockerfile words.
enum VariableScanner {
  static func isNameStart(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
  }

  static func isNameByte(_ byte: UInt8) -> Bool {
    isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  /// Calls `body` with each expanded name and its range in `bytes`. The range of `${NAME:-x}`
  /// is that of `NAME`.
  static func scan(_ bytes: [UInt8], _ range: Range<Int>, escape: UInt8, _ body: (String, Range<Int>) -> Void) {
    scanRanges(bytes, range, escape: escape) { _, name in
      body(String(decoding: bytes[name], as: UTF8.self), name)
    }
  }

  /// Calls `body` with the offset of each expansion's `$` and the range of its name, without
  /// allocating.
  static func scanRanges(_ bytes: [UInt8], _ range: Range<Int>, escape: UInt8, _ body: (Int, Range<Int>) -> Void) {
    var index = range.lowerBound
    var inSingle = false
    var inDouble = false
    while index < range.upperBound {
      let byte = bytes[index]
      if inSingle {
        if byte == UInt8(ascii: "'") { inSingle = false }
        index += 1
        continue
      }
      if byte == escape {
        index += 2
        continue
      }
      if byte == UInt8(ascii: "'") && !inDouble {
        inSingle = true
      } else if byte == UInt8(ascii: "\"") {
        inDouble.toggle()
      } else if byte == UInt8(ascii: "$"), index + 1 < range.upperBound {
        var start = index + 1
        if bytes[start] == UInt8(ascii: "{") { start += 1 }
        var end = start
        if end < range.upperBound, isNameStart(bytes[end]) {
          while end < range.upperBound && isNameByte(bytes[end]) { end += 1 }
          body(index, start..<end)
          index = end
          continue
        }
      }
      index += 1
    }
  }
}
