/// Turns one logical instruction line (continuations already joined) into an `Instruction`,
/// following BuildKit's `splitCommand` and its per-instruction line parsers. Heredoc bodies are
/// read by the caller, which owns the physical lines.
enum InstructionParser {
  /// The parts of an instruction that its logical line determines.
  struct Command {
    var kind: InstructionKind
    var keyword: String
    var keywordRange: Range<Int>
    var flags: [Flag]
    var flagWords: [String]
    var arguments: LogicalText
    var argumentsRange: Range<Int>
    var execForm: ExecForm?
    var trigger: OnbuildTrigger?
    var errors: [SyntaxError]

    /// Whether BuildKit looks for heredocs: in RUN, COPY and ADD (also wrapped in ONBUILD) when
    /// they are not in exec form.
    var acceptsHeredocs: Bool {
      if let trigger { return trigger.instruction.kind.allowsHeredocs && trigger.instruction.execForm == nil }
      return kind.allowsHeredocs && execForm == nil
    }

    /// Builds the instruction from these parts; the caller adds what lies outside the line.
    func makeInstruction(
      range: Range<Int>, logicalLine: LogicalText, heredocs: [Heredoc], embeddedComments: [Comment], extraErrors: [SyntaxError]
    ) -> Instruction {
      Instruction(
        range: range, kind: kind, keyword: keyword, keywordRange: keywordRange, flags: flags, arguments: arguments,
        argumentsRange: argumentsRange, execForm: execForm, heredocs: heredocs, onbuildTrigger: trigger,
        embeddedComments: embeddedComments, errors: extraErrors.isEmpty ? errors : errors + extraErrors,
        logicalLine: logicalLine, flagWords: flagWords)
    }
  }

  /// Parses a whole logical line.
  static func parse(line: LogicalText, escape: UInt8) -> Command {
    line.bytes.withUnsafeBufferPointer { bytes in
      parse(bytes, line: line, bounds: 0..<bytes.count, escape: escape)
    }
  }

  /// Parses `bounds` of `line`, which is the whole line or, for ONBUILD, its arguments.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, line: LogicalText, bounds: Range<Int>, escape: UInt8) -> Command {
    let trimmed = GoText.trimSpaces(bytes, bounds)
    var keywordEnd = trimmed.lowerBound
    while keywordEnd < trimmed.upperBound && !GoText.isTokenSpace(bytes[keywordEnd]) { keywordEnd += 1 }
    let keywordLogical = trimmed.lowerBound..<keywordEnd
    let keyword = String(decoding: UnsafeBufferPointer(rebasing: bytes[keywordLogical]), as: UTF8.self)
    let kind = keywordKind(bytes, keywordLogical) ?? InstructionKind(keyword: keyword)

    var scannedFlags: [ScannedFlag] = []
    var argumentsLogical = trimmed.upperBound..<trimmed.upperBound
    if keywordEnd < trimmed.upperBound {
      var restStart = keywordEnd
      while restStart < trimmed.upperBound && GoText.isTokenSpace(bytes[restStart]) { restStart += 1 }
      let scan = FlagScanner.scan(bytes, from: restStart, to: trimmed.upperBound)
      scannedFlags = scan.flags
      argumentsLogical = GoText.trimSpaces(bytes, scan.argumentsStart..<trimmed.upperBound)
    }

    let argumentsRange: Range<Int>
    if argumentsLogical.isEmpty {
      let end = trimmed.isEmpty ? line.sourceOffset(trimmed.lowerBound) : line.sourceOffset(trimmed.upperBound - 1) + 1
      argumentsRange = end..<end
    } else {
      argumentsRange = line.sourceRange(argumentsLogical)
    }

    var execForm: ExecForm?
    var trigger: OnbuildTrigger?
    var errors: [SyntaxError] = []
    switch kind {
    case .run, .cmd, .entrypoint, .shell, .add, .copy, .volume:
      if !argumentsLogical.isEmpty {
        execForm = readExecForm(bytes, line: line, argumentsLogical, errors: &errors)
      }
    case .healthcheck:
      var separator = argumentsLogical.lowerBound
      while separator < argumentsLogical.upperBound && !GoText.isLatin1Space(bytes[separator]) { separator += 1 }
      var commandStart = separator
      while commandStart < argumentsLogical.upperBound && GoText.isLatin1Space(bytes[commandStart]) { commandStart += 1 }
      if separator > argumentsLogical.lowerBound && commandStart < argumentsLogical.upperBound {
        execForm = readExecForm(bytes, line: line, commandStart..<argumentsLogical.upperBound, errors: &errors)
      }
    case .env, .label:
      if let error = BuildKitWords.nameValueError(bytes, argumentsLogical, escape: escape, keyword: kind.keyword) {
        errors.append(SyntaxError(range: line.sourceRange(error.range), message: error.message, isFatal: true))
      }
    case .onbuild:
      if !argumentsLogical.isEmpty {
        let inner = parse(bytes, line: line, bounds: argumentsLogical, escape: escape)
        errors.append(contentsOf: inner.errors)
        trigger = OnbuildTrigger(inner.makeInstruction(
          range: argumentsRange, logicalLine: line.slice(argumentsLogical), heredocs: [], embeddedComments: [], extraErrors: []))
      }
    case .unknown:
      let errorRange = keywordLogical.isEmpty ? argumentsRange : line.sourceRange(keywordLogical)
      errors.append(SyntaxError(range: errorRange, message: "unknown instruction: \(keyword)"))
    case .arg, .expose, .from, .maintainer, .stopsignal, .user, .workdir:
      break
    }

    return Command(
      kind: kind, keyword: keyword,
      keywordRange: keywordLogical.isEmpty ? argumentsRange.lowerBound..<argumentsRange.lowerBound : line.sourceRange(keywordLogical),
      flags: scannedFlags.map { FlagScanner.makeFlag($0, line: line) },
      flagWords: scannedFlags.map { String(decoding: $0.text, as: UTF8.self) },
      arguments: line.slice(argumentsLogical), argumentsRange: argumentsRange, execForm: execForm, trigger: trigger,
      errors: errors)
  }

  /// The keywords in lower case, for matching ASCII keywords without allocating.
  private static let lowercaseKeywords: [(bytes: [UInt8], kind: InstructionKind)] =
    InstructionKind.allCases.filter { $0 != .unknown }.map { (Array($0.rawValue.utf8), $0) }

  /// Classifies an ASCII keyword in any letter case; returns nil for a keyword with other bytes,
  /// which goes through Unicode lowercasing as Go's `strings.ToLower` does.
  private static func keywordKind(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> InstructionKind? {
    guard range.count >= 3 && range.count <= 11 else {
      return range.allSatisfy { bytes[$0] < 0x80 } ? .unknown : nil
    }
    for index in range where bytes[index] >= 0x80 { return nil }
    for (keyword, kind) in lowercaseKeywords where keyword.count == range.count {
      var matches = true
      for (offset, expected) in keyword.enumerated() where bytes[range.lowerBound + offset] | 0x20 != expected {
        matches = false
        break
      }
      if matches { return kind }
    }
    return .unknown
  }

  /// Reads `range` as a JSON array the way `parseMaybeJSON` does. Returns the exec form, or
  /// records the error for an array that contains something other than strings.
  private static func readExecForm(
    _ bytes: UnsafeBufferPointer<UInt8>, line: LogicalText, _ range: Range<Int>, errors: inout [SyntaxError]
  ) -> ExecForm? {
    switch ExecFormParser.parse(bytes, from: range.lowerBound, to: range.upperBound) {
    case .notJSON:
      return nil
    case .strings(let arrayRange, let elements):
      let mapped = elements.map { ExecElement(value: $0.value, range: line.sourceRange($0.range)) }
      return ExecForm(range: line.sourceRange(arrayRange), elements: mapped)
    case .notAllStrings(let offender):
      let message = "when using JSON array syntax, arrays must be comprised of strings only"
      errors.append(SyntaxError(range: line.sourceRange(offender), message: message, isFatal: true))
      return nil
    }
  }
}
