/// Scanning of words into parts: quotes, escapes, expansions and substitutions.
extension ShellScanner {
  enum WordMode {
    /// An ordinary word, ended by an unquoted metacharacter.
    case unquoted
    /// The argument of `${name op argument}`, ended by an unquoted `}`; blanks are part of it.
    case braceArgument
  }

  /// Collects the parts of one word and its value after quote removal.
  struct WordBuilder {
    var parts: [ShellWordPart] = []
    var value: [UInt8] = []
    var hasExpansion = false
    var isQuoted = false
    var literal: [UInt8] = []
    var literalStart: Int?

    mutating func appendLiteral(_ byte: UInt8, start: Int) {
      if literalStart == nil { literalStart = start }
      literal.append(byte)
      value.append(byte)
    }

    /// Ends the current literal part at `end`.
    mutating func flushLiteral(end: Int) {
      guard let start = literalStart else { return }
      if !literal.isEmpty {
        parts.append(.literal(String(decoding: literal, as: UTF8.self), range: start..<end))
      }
      literal.removeAll(keepingCapacity: true)
      literalStart = nil
    }

    mutating func append(_ part: ShellWordPart, value text: [UInt8]? = nil) {
      parts.append(part)
      if let text {
        value += text
      } else {
        hasExpansion = true
      }
    }

    func word(_ range: Range<Int>) -> ShellWord {
      ShellWord(range: range, parts: parts, literalValue: hasExpansion ? nil : String(decoding: value, as: UTF8.self),
                isQuoted: isQuoted)
    }
  }

  /// Scans one word at the cursor. The result is empty when no word starts there.
  func scanWord(mode: WordMode = .unquoted) -> ShellWord {
    let start = pos
    guard enterNesting() else { return ShellWord(range: start..<pos, parts: [], literalValue: nil) }
    defer { leaveNesting() }
    var builder = WordBuilder()
    if mode == .unquoted, let part = scanProcessSubstitution() {
      builder.append(part)
    }
    while pos < bytes.count {
      let byte = bytes[pos]
      if (mode == .unquoted && ShellScanner.isMetacharacter(byte))
        || (mode == .unquoted && byte == UInt8(ascii: "`") && backquoteDepth > 0)
        || (mode == .braceArgument && byte == UInt8(ascii: "}")) {
        break
      }
      switch byte {
      case UInt8(ascii: "\\"):
        if let length = lineContinuationLength(at: pos) {
          if builder.literalStart == nil { builder.literalStart = pos }
          pos += length
        } else if pos + 1 < bytes.count {
          builder.isQuoted = true
          builder.appendLiteral(bytes[pos + 1], start: pos)
          pos += 2
        } else {
          builder.appendLiteral(byte, start: pos)
          pos += 1
        }
      case UInt8(ascii: "'"):
        builder.flushLiteral(end: pos)
        builder.isQuoted = true
        let (part, value) = scanSingleQuoted()
        builder.append(part, value: value)
      case UInt8(ascii: "\""):
        builder.flushLiteral(end: pos)
        builder.isQuoted = true
        let (part, value) = scanDoubleQuoted(start: pos, openLength: 1)
        builder.append(part, value: value)
      case UInt8(ascii: "$"):
        builder.flushLiteral(end: pos)
        scanDollar(into: &builder, inDoubleQuotes: false)
      case UInt8(ascii: "`"):
        builder.flushLiteral(end: pos)
        builder.append(.commandSubstitution(scanBackquote()))
      case UInt8(ascii: "*"), UInt8(ascii: "?"):
        builder.flushLiteral(end: pos)
        builder.append(.glob(byte == UInt8(ascii: "*") ? "*" : "?", range: pos..<pos + 1), value: [byte])
        pos += 1
      case UInt8(ascii: "["):
        if let end = bracketExpressionEnd(mode: mode) {
          builder.flushLiteral(end: pos)
          let range = pos..<end
          builder.append(.glob(text(range), range: range), value: Array(bytes[range]))
          pos = end
        } else {
          builder.appendLiteral(byte, start: pos)
          pos += 1
        }
      case UInt8(ascii: "~") where pos == start && mode == .unquoted:
        let range = tildeRange()
        builder.append(.tilde(user: text(range.lowerBound + 1..<range.upperBound), range: range),
                       value: Array(bytes[range]))
        pos = range.upperBound
      default:
        builder.appendLiteral(byte, start: pos)
        pos += 1
      }
    }
    builder.flushLiteral(end: pos)
    return builder.word(start..<pos)
  }

  /// Returns the end of a bracket expression `[…]` starting at the cursor. Returns nil when no
  /// `]` closes it before the word ends, because the `[` is then literal.
  private func bracketExpressionEnd(mode: WordMode) -> Int? {
    // A failed scan stops at the first byte that ends the expression, and a later `[` before
    // that byte would stop there too, so it fails without scanning again. This keeps a long
    // run of `[` linear.
    if pos < unclosedBracketScanEnd { return nil }
    var index = pos + 1
    if index < bytes.count && (bytes[index] == UInt8(ascii: "!") || bytes[index] == UInt8(ascii: "^")) { index += 1 }
    // A `]` right after the opening bracket is part of the set.
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") { index += 1 }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "]") { return index + 1 }
      if ShellScanner.isMetacharacter(byte) || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"")
        || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "\\")
        || (mode == .braceArgument && byte == UInt8(ascii: "}")) {
        unclosedBracketScanEnd = index
        return nil
      }
      index += 1
    }
    unclosedBracketScanEnd = index
    return nil
  }

  /// Returns the range of a leading `~` and the user name after it, up to `/` or the end of the word.
  private func tildeRange() -> Range<Int> {
    var index = pos + 1
    while index < bytes.count {
      let byte = bytes[index]
      let isUserByte = ShellScanner.isNameByte(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        || byte == UInt8(ascii: "+")
      guard isUserByte else { break }
      index += 1
    }
    return pos..<index
  }

  /// Scans bash's `<(…)` or `>(…)` at the cursor, or returns nil without moving.
  private func scanProcessSubstitution() -> ShellWordPart? {
    guard isAtProcessSubstitution() else { return nil }
    let start = pos
    let style: ShellCommandSubstitution.Style = bytes[pos] == UInt8(ascii: "<") ? .processInput : .processOutput
    pos += 2
    let list = parseSubstitutionList()
    if peek() == UInt8(ascii: ")") {
      pos += 1
    } else {
      addError("missing ')' to close '\(text(start..<start + 2))'", start..<start + 2)
    }
    return .commandSubstitution(ShellCommandSubstitution(style: style, list: list, range: start..<pos))
  }

  /// Parses the list inside `$(…)` or a process substitution, where backquotes of an
  /// enclosing backquote substitution do not apply.
  private func parseSubstitutionList() -> ShellList {
    let savedBackquoteDepth = backquoteDepth
    backquoteDepth = 0
    let list = parseList()
    backquoteDepth = savedBackquoteDepth
    return list
  }

  /// Scans `'…'` at the cursor and returns the part and its value.
  private func scanSingleQuoted() -> (ShellWordPart, [UInt8]) {
    let start = pos
    var index = pos + 1
    while index < bytes.count && bytes[index] != UInt8(ascii: "'") { index += 1 }
    let content = Array(bytes[start + 1..<index])
    if index < bytes.count {
      pos = index + 1
    } else {
      addError("unterminated single-quoted string", start..<bytes.count)
      pos = bytes.count
    }
    return (.singleQuoted(String(decoding: content, as: UTF8.self), range: start..<pos), content)
  }

  /// Scans `"…"` (or `$"…"` when `openLength` is 2) starting at `start`. The value is nil
  /// when the string contains expansions.
  private func scanDoubleQuoted(start: Int, openLength: Int) -> (ShellWordPart, [UInt8]?) {
    pos = start + openLength
    guard enterNesting() else { return (.doubleQuoted([], range: start..<pos), nil) }
    defer { leaveNesting() }
    let (builder, isClosed) = scanExpandingText(closingQuote: true)
    if isClosed {
      pos += 1
    } else if pos >= bytes.count {
      addError("unterminated double-quoted string", start..<bytes.count)
    } else {
      // A backquote closes an enclosing substitution before the quotes were closed.
      addError("unterminated double-quoted string", start..<pos)
    }
    return (.doubleQuoted(builder.parts, range: start..<pos), builder.hasExpansion ? nil : builder.value)
  }

  /// Scans the body of a here-document with an unquoted delimiter from the cursor to the end of
  /// the bytes, which the caller cuts at the end of the body.
  func scanHereDocumentBody() -> [ShellWordPart] {
    scanExpandingText(closingQuote: false).builder.parts
  }

  /// Scans text where `$` and backquote expansions apply but blanks and other quotes are
  /// literal: the inside of double quotes up to the closing `"`, or a here-document body to
  /// the end of the bytes. Returns whether a closing `"` was found; the cursor is left on it.
  private func scanExpandingText(closingQuote: Bool) -> (builder: WordBuilder, isClosed: Bool) {
    var builder = WordBuilder()
    while pos < bytes.count {
      let byte = bytes[pos]
      if closingQuote && byte == UInt8(ascii: "\"") {
        builder.flushLiteral(end: pos)
        return (builder, true)
      }
      switch byte {
      case UInt8(ascii: "\\"):
        if let length = lineContinuationLength(at: pos) {
          if builder.literalStart == nil { builder.literalStart = pos }
          pos += length
        } else if pos + 1 < bytes.count, ShellScanner.isEscapableInDoubleQuotes(bytes[pos + 1]),
                  closingQuote || bytes[pos + 1] != UInt8(ascii: "\"") {
          // In a here-document body `\"` keeps its backslash, unlike inside double quotes.
          builder.appendLiteral(bytes[pos + 1], start: pos)
          pos += 2
        } else {
          builder.appendLiteral(byte, start: pos)
          pos += 1
        }
      case UInt8(ascii: "$"):
        builder.flushLiteral(end: pos)
        scanDollar(into: &builder, inDoubleQuotes: true)
      case UInt8(ascii: "`"):
        builder.flushLiteral(end: pos)
        if backquoteDepth > 0 { return (builder, false) }
        builder.append(.commandSubstitution(scanBackquote()))
      default:
        builder.appendLiteral(byte, start: pos)
        pos += 1
      }
    }
    builder.flushLiteral(end: pos)
    return (builder, false)
  }

  static func isEscapableInDoubleQuotes(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "$") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
  }

  /// Scans what follows a `$` at the cursor into `builder`: a parameter, a substitution, an
  /// arithmetic expansion, bash's `$'…'` and `$"…"` outside double quotes, or a literal `$`.
  // NOTE: a line continuation right after `$` (`$\` newline `name`) leaves a literal `$`,
  // although sh removes the continuation first and expands `$name`.
  private func scanDollar(into builder: inout WordBuilder, inDoubleQuotes: Bool) {
    let start = pos
    guard let next = peek(1) else {
      builder.appendLiteral(UInt8(ascii: "$"), start: pos)
      pos += 1
      return
    }
    switch next {
    case UInt8(ascii: "("):
      if peek(2) == UInt8(ascii: "(") {
        switch arithmeticEnd(from: pos + 3) {
        case .closed(let end):
          pos = end + 2
          builder.append(.arithmeticExpansion(expression: start + 3..<end, range: start..<pos))
          return
        case .unterminated:
          addError("missing '))' to close '$(('", start..<start + 3)
          pos = bytes.count
          builder.append(.arithmeticExpansion(expression: start + 3..<pos, range: start..<pos))
          return
        case .notArithmetic:
          break
        }
      }
      pos += 2
      let list = parseSubstitutionList()
      if peek() == UInt8(ascii: ")") {
        pos += 1
      } else {
        addError("missing ')' to close '$('", start..<start + 2)
      }
      builder.append(.commandSubstitution(ShellCommandSubstitution(style: .dollarParenthesis, list: list, range: start..<pos)))
    case UInt8(ascii: "{"):
      builder.append(.parameterExpansion(scanBracedParameter()))
    case UInt8(ascii: "["):
      // bash's obsolete `$[expression]` arithmetic expansion.
      var end = pos + 2
      var depth = 0
      while end < bytes.count {
        if bytes[end] == UInt8(ascii: "[") { depth += 1 }
        if bytes[end] == UInt8(ascii: "]") {
          if depth == 0 { break }
          depth -= 1
        }
        end += 1
      }
      if end < bytes.count {
        pos = end + 1
      } else {
        addError("missing ']' to close '$['", start..<start + 2)
        pos = bytes.count
      }
      builder.append(.arithmeticExpansion(expression: start + 2..<end, range: start..<pos))
    case UInt8(ascii: "'") where !inDoubleQuotes:
      builder.isQuoted = true
      let (part, value) = scanANSICQuoted()
      builder.append(part, value: value)
    case UInt8(ascii: "\"") where !inDoubleQuotes:
      builder.isQuoted = true
      let (part, value) = scanDoubleQuoted(start: start, openLength: 2)
      builder.append(part, value: value)
    default:
      let nameEnd: Int
      if ShellScanner.isNameStart(next) {
        var index = pos + 2
        while index < bytes.count && ShellScanner.isNameByte(bytes[index]) { index += 1 }
        nameEnd = index
      } else if ShellScanner.isDigit(next) || ShellScanner.isSpecialParameter(next) {
        nameEnd = pos + 2
      } else {
        builder.appendLiteral(UInt8(ascii: "$"), start: pos)
        pos += 1
        return
      }
      let nameRange = pos + 1..<nameEnd
      pos = nameEnd
      builder.append(.parameterExpansion(ShellParameterExpansion(
        name: text(nameRange), nameRange: nameRange, isBraced: false, range: start..<pos)))
    }
  }

  static func isSpecialParameter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "@"), UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: "-"),
         UInt8(ascii: "$"), UInt8(ascii: "!"):
      return true
    default:
      return false
    }
  }

  /// Parameter expansion operators, longest first so that `:-` wins over `:`. A trailing `@` or
  /// `*` is bash's `${!prefix@}` and `${!prefix*}`, and `@` also starts `${name@Q}`.
  private static let parameterOperators: [[UInt8]] = [
    ":-", ":=", ":?", ":+", "##", "%%", "//", "/#", "/%", "^^", ",,",
    "-", "=", "?", "+", "#", "%", "/", "^", ",", ":", "@", "*",
  ].map { Array($0.utf8) }

  /// Scans `${…}` at the cursor.
  private func scanBracedParameter() -> ShellParameterExpansion {
    let start = pos
    pos += 2

    var prefix: String?
    if let byte = peek(), byte == UInt8(ascii: "#") || byte == UInt8(ascii: "!"),
       let next = peek(1), next != UInt8(ascii: "}"), ShellScanner.isNameByte(next) || ShellScanner.isSpecialParameter(next) {
      prefix = byte == UInt8(ascii: "#") ? "#" : "!"
      pos += 1
    }

    let nameStart = pos
    if let byte = peek() {
      if ShellScanner.isNameStart(byte) {
        while let next = peek(), ShellScanner.isNameByte(next) { pos += 1 }
      } else if ShellScanner.isDigit(byte) {
        while let next = peek(), ShellScanner.isDigit(next) { pos += 1 }
      } else if ShellScanner.isSpecialParameter(byte) {
        pos += 1
      }
    }
    let nameRange = nameStart..<pos
    var expansion = ShellParameterExpansion(name: text(nameRange), nameRange: nameRange, isBraced: true,
                                            prefix: prefix, range: start..<pos)
    if nameRange.isEmpty {
      addError("bad substitution: expected a parameter name after '${'", start..<start + 2)
    }

    if peek() == UInt8(ascii: "[") {
      let subscriptStart = pos + 1
      var index = subscriptStart
      while index < bytes.count && bytes[index] != UInt8(ascii: "]") && bytes[index] != UInt8(ascii: "}") { index += 1 }
      if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
        expansion.arraySubscript = text(subscriptStart..<index)
        pos = index + 1
      }
    }

    if !isAtEnd && peek() != UInt8(ascii: "}") {
      if let op = ShellScanner.parameterOperators.first(where: { matchesBytes($0) }) {
        let opRange = pos..<pos + op.count
        expansion.op = text(opRange)
        expansion.opRange = opRange
        pos = opRange.upperBound
        expansion.argument = scanWord(mode: .braceArgument)
      } else if !nameRange.isEmpty {
        addError("bad substitution: unexpected '\(text(pos..<min(pos + 1, bytes.count)))' in '${…}'", start..<min(pos + 1, bytes.count))
        _ = scanWord(mode: .braceArgument)
      } else {
        _ = scanWord(mode: .braceArgument)
      }
    }

    if peek() == UInt8(ascii: "}") {
      pos += 1
    } else {
      addError("missing '}' to close '${'", start..<start + 2)
    }
    expansion.range = start..<pos
    return expansion
  }

  private func matchesBytes(_ candidate: [UInt8]) -> Bool {
    guard pos + candidate.count <= bytes.count else { return false }
    for index in 0..<candidate.count where bytes[pos + index] != candidate[index] {
      return false
    }
    return true
  }

  /// Scans a backquote substitution at the cursor. Backslash escapes inside are read as they
  /// would be outside backquotes.
  // NOTE: sh removes `\$`, `\\` and `` \` `` escapes before parsing the inner script; nested
  // escaped backquotes are kept as literal text here.
  private func scanBackquote() -> ShellCommandSubstitution {
    let start = pos
    pos += 1
    backquoteDepth += 1
    let list = parseList()
    backquoteDepth -= 1
    if peek() == UInt8(ascii: "`") {
      pos += 1
    } else {
      addError("unterminated backquote substitution", start..<start + 1)
    }
    return ShellCommandSubstitution(style: .backquote, list: list, range: start..<pos)
  }

  /// Scans bash's `$'…'` at the cursor and decodes its escapes.
  private func scanANSICQuoted() -> (ShellWordPart, [UInt8]) {
    let start = pos
    pos += 2
    var value: [UInt8] = []
    var isClosed = false
    while pos < bytes.count {
      let byte = bytes[pos]
      if byte == UInt8(ascii: "'") {
        isClosed = true
        pos += 1
        break
      }
      if byte == UInt8(ascii: "\\") && pos + 1 < bytes.count {
        decodeANSICEscape(into: &value)
      } else {
        value.append(byte)
        pos += 1
      }
    }
    if !isClosed {
      addError("unterminated $'…' string", start..<bytes.count)
    }
    return (.ansiCQuoted(String(decoding: value, as: UTF8.self), range: start..<pos), value)
  }

  /// Decodes the escape at the cursor (a backslash and at least one more byte).
  private func decodeANSICEscape(into value: inout [UInt8]) {
    let escaped = bytes[pos + 1]
    pos += 2
    switch escaped {
    case UInt8(ascii: "n"): value.append(0x0A)
    case UInt8(ascii: "t"): value.append(0x09)
    case UInt8(ascii: "r"): value.append(0x0D)
    case UInt8(ascii: "a"): value.append(0x07)
    case UInt8(ascii: "b"): value.append(0x08)
    case UInt8(ascii: "e"), UInt8(ascii: "E"): value.append(0x1B)
    case UInt8(ascii: "f"): value.append(0x0C)
    case UInt8(ascii: "v"): value.append(0x0B)
    case UInt8(ascii: "x"):
      value.append(UInt8(truncatingIfNeeded: readNumber(radix: 16, maximumDigits: 2) ?? 0x78))
    case UInt8(ascii: "u"), UInt8(ascii: "U"):
      let scalarValue = readNumber(radix: 16, maximumDigits: escaped == UInt8(ascii: "u") ? 4 : 8) ?? 0xFFFD
      let scalar = Unicode.Scalar(UInt32(clamping: scalarValue)) ?? "\u{FFFD}"
      value += Array(String(Character(scalar)).utf8)
    case UInt8(ascii: "0")...UInt8(ascii: "7"):
      pos -= 1
      value.append(UInt8(truncatingIfNeeded: readNumber(radix: 8, maximumDigits: 3) ?? 0))
    default:
      // `\\`, `\'`, `\"`, `\?` and unknown escapes give the escaped byte; bash keeps the
      // backslash for unknown ones, which matters little to a linter.
      value.append(escaped)
    }
  }

  /// Reads up to `maximumDigits` digits in `radix` at the cursor; nil when there are none.
  private func readNumber(radix: Int, maximumDigits: Int) -> Int? {
    var result = 0
    var count = 0
    while count < maximumDigits, let byte = peek() {
      let digit: Int
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - 0x30)
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte - 0x61) + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - 0x41) + 10
      default: digit = radix
      }
      guard digit < radix else { break }
      result = result * radix + digit
      count += 1
      pos += 1
    }
    return count > 0 ? result : nil
  }
}
