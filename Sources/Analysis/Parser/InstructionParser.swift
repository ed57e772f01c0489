/// Maps offsets in the buffer that an instruction line is parsed from to source offsets.
///
/// A line without continuations is parsed straight from the source buffer, so the map is the
/// identity and nothing is copied. A joined line is parsed from a scratch buffer whose pieces
/// record where each part came from.
struct LineMap {
  /// The pieces of the joined line in order, or none for the identity map.
  let pieces: UnsafeBufferPointer<LogicalText.Piece>
  /// The end of the parsed buffer, which ends the last piece.
  let end: Int

  /// Maps an offset to the source. An offset at the boundary between two pieces maps to the
  /// start of the later piece, as `LogicalText.sourceOffset` does.
  @inline(__always)
  func sourceOffset(_ offset: Int) -> Int {
    if pieces.isEmpty { return offset }
    return joinedSourceOffset(offset)
  }

  private func joinedSourceOffset(_ offset: Int) -> Int {
    guard let first = pieces.first else { return offset }
    let last = pieces.countOfLeading(keyAtMost: offset) { $0.logicalStart } - 1
    let piece = last < 0 ? first : pieces[last]
    return piece.sourceStart + (offset - piece.logicalStart)
  }

  /// Maps a range as `LogicalText.sourceRange` does, mapping the end from the last byte inside.
  @inline(__always)
  func sourceRange(_ range: Range<Int>) -> Range<Int> {
    let start = sourceOffset(range.lowerBound)
    if range.isEmpty { return start..<start }
    let end = sourceOffset(range.upperBound - 1) + 1
    return start..<max(start, end)
  }

  /// Copies `range` of `bytes` into a logical text whose pieces start at 0, the same value that
  /// `LogicalText.slice` gives for the joined line.
  func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> LogicalText {
    if range.isEmpty { return .empty(at: sourceOffset(range.lowerBound)) }
    let copied = Array(UnsafeBufferPointer(rebasing: bytes[range]))
    if pieces.count <= 1 {
      return LogicalText(bytes: copied, sourceStart: sourceOffset(range.lowerBound))
    }
    var first: LogicalText.Piece?
    var later: [LogicalText.Piece] = []
    later.reserveCapacity(pieces.count - 1)
    for index in 0..<pieces.count {
      let piece = pieces[index]
      let pieceEnd = index + 1 < pieces.count ? pieces[index + 1].logicalStart : end
      if pieceEnd <= range.lowerBound || piece.logicalStart >= range.upperBound { continue }
      let start = max(piece.logicalStart, range.lowerBound)
      let rebased = LogicalText.Piece(
        logicalStart: start - range.lowerBound, sourceStart: piece.sourceStart + (start - piece.logicalStart))
      if let first {
        later.append(LogicalText.Piece(logicalStart: rebased.logicalStart, sourceStart: rebased.sourceStart - first.sourceStart))
      } else {
        first = rebased
      }
    }
    guard let first else { return LogicalText(bytes: copied, pieces: []) }
    return LogicalText(bytes: copied, firstPiece: first, relativeLaterPieces: later)
  }
}

/// Turns one logical instruction line (continuations already joined) into an `Instruction`,
/// following BuildKit's `splitCommand` and its per-instruction line parsers. Heredoc bodies and
/// embedded comments are added by the caller, which owns the physical lines.
enum InstructionParser {
  /// Parses `bounds` of `bytes`, which is the whole line or, for ONBUILD, its arguments. The
  /// instruction's `range` is left at `argumentsRange` for the caller to set.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, map: LineMap, bounds: Range<Int>, escape: UInt8) -> Instruction {
    let trimmed = GoText.trimSpaces(bytes, bounds)
    var keywordEnd = trimmed.lowerBound
    while keywordEnd < trimmed.upperBound && !GoText.isTokenSpace(bytes[keywordEnd]) { keywordEnd += 1 }
    let keywordLogical = trimmed.lowerBound..<keywordEnd
    let kind: InstructionKind
    let keyword: String
    switch keywordKind(bytes, keywordLogical) {
    case .known(let match, let isUpperCase):
      kind = match
      // The usual spelling reuses a constant instead of decoding a new string.
      keyword = isUpperCase ? upperCaseKeyword(match) : String(decoding: UnsafeBufferPointer(rebasing: bytes[keywordLogical]), as: UTF8.self)
    case .unknownASCII:
      kind = .unknown
      keyword = String(decoding: UnsafeBufferPointer(rebasing: bytes[keywordLogical]), as: UTF8.self)
    case .notASCII:
      keyword = String(decoding: UnsafeBufferPointer(rebasing: bytes[keywordLogical]), as: UTF8.self)
      kind = InstructionKind(keyword: keyword)
    }

    var scannedFlags: [ScannedFlag] = []
    var argumentsLogical = trimmed.upperBound..<trimmed.upperBound
    if keywordEnd < trimmed.upperBound {
      var restStart = keywordEnd
      while restStart < trimmed.upperBound && GoText.isTokenSpace(bytes[restStart]) { restStart += 1 }
      var argumentsStart = restStart
      // The flag scanner also skips Latin-1 spaces, which the loop above leaves in place.
      if bytes[restStart] == UInt8(ascii: "-") || GoText.isLatin1Space(bytes[restStart]) {
        let scan = FlagScanner.scan(bytes, from: restStart, to: trimmed.upperBound)
        scannedFlags = scan.flags
        argumentsStart = scan.argumentsStart
      }
      argumentsLogical = GoText.trimSpaces(bytes, argumentsStart..<trimmed.upperBound)
    }

    let argumentsRange: Range<Int>
    if argumentsLogical.isEmpty {
      let end = trimmed.isEmpty ? map.sourceOffset(trimmed.lowerBound) : map.sourceOffset(trimmed.upperBound - 1) + 1
      argumentsRange = end..<end
    } else {
      argumentsRange = map.sourceRange(argumentsLogical)
    }

    var execForm: ExecForm?
    var trigger: OnbuildTrigger?
    var errors: [SyntaxError] = []
    switch kind {
    case .run, .cmd, .entrypoint, .shell, .add, .copy, .volume:
      if !argumentsLogical.isEmpty {
        execForm = readExecForm(bytes, map: map, argumentsLogical, errors: &errors)
      }
    case .healthcheck:
      var separator = argumentsLogical.lowerBound
      while separator < argumentsLogical.upperBound && !GoText.isLatin1Space(bytes[separator]) { separator += 1 }
      var commandStart = separator
      while commandStart < argumentsLogical.upperBound && GoText.isLatin1Space(bytes[commandStart]) { commandStart += 1 }
      if separator > argumentsLogical.lowerBound && commandStart < argumentsLogical.upperBound {
        execForm = readExecForm(bytes, map: map, commandStart..<argumentsLogical.upperBound, errors: &errors)
      }
    case .env, .label:
      if let error = BuildKitWords.nameValueError(bytes, argumentsLogical, escape: escape, keyword: kind == .env ? "ENV" : "LABEL") {
        errors.append(SyntaxError(range: map.sourceRange(error.range), message: error.message, isFatal: true))
      }
    case .onbuild:
      if !argumentsLogical.isEmpty {
        var inner = parse(bytes, map: map, bounds: argumentsLogical, escape: escape)
        errors.append(contentsOf: inner.errors)
        inner.range = argumentsRange
        trigger = OnbuildTrigger(inner)
      }
    case .unknown:
      let errorRange = keywordLogical.isEmpty ? argumentsRange : map.sourceRange(keywordLogical)
      errors.append(SyntaxError(range: errorRange, message: "unknown instruction: \(keyword)"))
    case .arg, .expose, .from, .maintainer, .stopsignal, .user, .workdir:
      break
    }

    return Instruction(
      range: argumentsRange, kind: kind, keyword: keyword,
      keywordRange: keywordLogical.isEmpty ? argumentsRange.lowerBound..<argumentsRange.lowerBound : map.sourceRange(keywordLogical),
      flags: scannedFlags.map { FlagScanner.makeFlag($0, map: map) },
      arguments: map.text(bytes, argumentsLogical), argumentsRange: argumentsRange, execForm: execForm,
      heredocs: [], onbuildTrigger: trigger, embeddedComments: [], errors: errors)
  }

  /// The outcome of matching a keyword against the known instructions.
  private enum KeywordMatch {
    case known(InstructionKind, isUpperCase: Bool)
    /// An ASCII word that names no instruction.
    case unknownASCII
    /// A keyword with bytes outside ASCII, which goes through Unicode lowercasing as Go's
    /// `strings.ToLower` does.
    case notASCII
  }

  /// Classifies a keyword in any letter case without allocating. The keyword is packed into two
  /// words with every letter folded to lower case, and the words are matched as constants.
  private static func keywordKind(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> KeywordMatch {
    guard range.count >= 3 && range.count <= 11 else {
      for index in range where bytes[index] >= 0x80 { return .notASCII }
      return .unknownASCII
    }
    var allBits: UInt8 = 0
    var isLetters = true
    var low: UInt64 = 0
    var high: UInt64 = 0
    var shift: UInt64 = 0
    for index in range {
      let byte = bytes[index]
      allBits |= byte
      let folded = byte | 0x20
      if folded < 0x61 || folded > 0x7A { isLetters = false }
      if shift < 64 {
        low |= UInt64(folded) &<< shift
      } else {
        high |= UInt64(folded) &<< (shift - 64)
      }
      shift += 8
    }
    if allBits >= 0x80 { return .notASCII }
    guard isLetters, let kind = knownKind(low: low, high: high) else { return .unknownASCII }
    // Among letters, only lower-case ones have the 0x20 bit set.
    return .known(kind, isUpperCase: allBits & 0x20 == 0)
  }

  /// Returns the instruction whose lower-case keyword packs into `low` and `high`, little-endian.
  private static func knownKind(low: UInt64, high: UInt64) -> InstructionKind? {
    switch low {
    case 0x646461: return high == 0x0 ? .add : nil  // add
    case 0x677261: return high == 0x0 ? .arg : nil  // arg
    case 0x646d63: return high == 0x0 ? .cmd : nil  // cmd
    case 0x79706f63: return high == 0x0 ? .copy : nil  // copy
    case 0x696f707972746e65: return high == 0x746e ? .entrypoint : nil  // entrypoint
    case 0x766e65: return high == 0x0 ? .env : nil  // env
    case 0x65736f707865: return high == 0x0 ? .expose : nil  // expose
    case 0x6d6f7266: return high == 0x0 ? .from : nil  // from
    case 0x686368746c616568: return high == 0x6b6365 ? .healthcheck : nil  // healthcheck
    case 0x6c6562616c: return high == 0x0 ? .label : nil  // label
    case 0x6e6961746e69616d: return high == 0x7265 ? .maintainer : nil  // maintainer
    case 0x646c6975626e6f: return high == 0x0 ? .onbuild : nil  // onbuild
    case 0x6e7572: return high == 0x0 ? .run : nil  // run
    case 0x6c6c656873: return high == 0x0 ? .shell : nil  // shell
    case 0x6e676973706f7473: return high == 0x6c61 ? .stopsignal : nil  // stopsignal
    case 0x72657375: return high == 0x0 ? .user : nil  // user
    case 0x656d756c6f76: return high == 0x0 ? .volume : nil  // volume
    case 0x7269646b726f77: return high == 0x0 ? .workdir : nil  // workdir
    default: return nil
    }
  }

  /// Returns the upper-case keyword as a constant string.
  private static func upperCaseKeyword(_ kind: InstructionKind) -> String {
    switch kind {
    case .add: return "ADD"
    case .arg: return "ARG"
    case .cmd: return "CMD"
    case .copy: return "COPY"
    case .entrypoint: return "ENTRYPOINT"
    case .env: return "ENV"
    case .expose: return "EXPOSE"
    case .from: return "FROM"
    case .healthcheck: return "HEALTHCHECK"
    case .label: return "LABEL"
    case .maintainer: return "MAINTAINER"
    case .onbuild: return "ONBUILD"
    case .run: return "RUN"
    case .shell: return "SHELL"
    case .stopsignal: return "STOPSIGNAL"
    case .user: return "USER"
    case .volume: return "VOLUME"
    case .workdir: return "WORKDIR"
    case .unknown: return ""
    }
  }

  /// Reads `range` as a JSON array the way `parseMaybeJSON` does. Returns the exec form, or
  /// records the error for an array that contains something other than strings.
  private static func readExecForm(
    _ bytes: UnsafeBufferPointer<UInt8>, map: LineMap, _ range: Range<Int>, errors: inout [SyntaxError]
  ) -> ExecForm? {
    switch ExecFormParser.parse(bytes, from: range.lowerBound, to: range.upperBound) {
    case .notJSON:
      return nil
    case .strings(let arrayRange, let elements):
      let mapped = elements.map { ExecElement(value: $0.value, range: map.sourceRange($0.range)) }
      return ExecForm(range: map.sourceRange(arrayRange), elements: mapped)
    case .notAllStrings(let offender):
      let message = "when using JSON array syntax, arrays must be comprised of strings only"
      errors.append(SyntaxError(range: map.sourceRange(offender), message: message, isFatal: true))
      return nil
    }
  }
}

extension Instruction {
  /// Whether BuildKit reads heredocs here: in RUN, COPY and ADD (also wrapped in ONBUILD) when
  /// they are not in exec form.
  var acceptsHeredocs: Bool {
    if let onbuildTrigger { return onbuildTrigger.instruction.kind.allowsHeredocs && onbuildTrigger.instruction.execForm == nil }
    return kind.allowsHeredocs && execForm == nil
  }
}
