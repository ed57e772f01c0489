/// Parses shell scripts as `/bin/sh -c` runs them, accepting common bash syntax.
public enum ShellParser {
  /// Parses `bytes` into a syntax tree with exact byte ranges. Any input gives a tree: malformed
  /// input gives a best-effort tree and `errors`, and nesting deeper than 100 levels is left
  /// unparsed with an error. Random-input tests check that it never traps.
  public static func parse(_ bytes: [UInt8]) -> ShellScript {
    let first = ShellScanner(bytes: bytes[...], knownHereDocuments: [:])
    let body = first.parseScript()
    if first.readHereDocuments.isEmpty {
      return ShellScript(body: body, comments: first.comments, errors: first.errors, bytes: bytes)
    }
    // Redirections are built before their here-document bodies are read, so a second pass
    // over the same bytes attaches the bodies that the first pass found.
    let second = ShellScanner(bytes: bytes[...], knownHereDocuments: first.readHereDocuments)
    let completeBody = second.parseScript()
    // Comments inside here-document bodies are found when the redirection is parsed, before
    // the rest of its line.
    second.comments.sort { $0.lowerBound < $1.lowerBound }
    return ShellScript(body: completeBody, comments: second.comments, errors: second.errors, bytes: bytes)
  }

  public static func parse(_ text: String) -> ShellScript {
    parse(Array(text.utf8))
  }
}

extension ShellScanner {
  /// Parses the whole input. A token that closes nothing at the top level (`)`, `fi`, `;;`, a
  /// stray backquote) is reported and skipped, and parsing goes on after it.
  func parseScript() -> ShellList {
    var items: [ShellListItem] = []
    while true {
      let list = parseList()
      items += list.items
      if isAtEnd { break }
      let start = pos
      if let op = controlOperator() {
        pos += op.length
      } else if let word = reservedWord() {
        pos += word.utf8.count
      } else {
        pos += 1
      }
      addError("unexpected '\(text(start..<pos))'", start..<pos)
    }
    // Here-documents still pending have no body in the input; their redirections keep a nil
    // body range.
    pendingHereDocuments = []
    return makeList(items, emptyAt: 0)
  }

  func makeList(_ items: [ShellListItem], emptyAt offset: Int) -> ShellList {
    guard let first = items.first, let last = items.last else { return ShellList(items: [], range: offset..<offset) }
    let end = last.separatorRange?.upperBound ?? last.andOr.range.upperBound
    return ShellList(items: items, range: first.andOr.range.lowerBound..<end)
  }

  /// Returns whether the cursor is at a token that ends every list: the end, `)`, a case item
  /// terminator, a closing reserved word, or the backquote that closes a substitution.
  func isAtListEnd() -> Bool {
    guard let byte = peek() else { return true }
    if byte == UInt8(ascii: "`") && backquoteDepth > 0 { return true }
    if let op = controlOperator() {
      return op == .closeParenthesis || op.isCaseTerminator
    }
    if let word = reservedWord() {
      return ShellScanner.closingReservedWords.contains(word)
    }
    return false
  }

  /// Parses and-or lists with their separators until a token that ends the list. Leading and
  /// trailing newlines and comments are consumed.
  func parseList() -> ShellList {
    guard enterNesting() else { return ShellList(items: [], range: pos..<pos) }
    defer { leaveNesting() }
    var items: [ShellListItem] = []
    let start = pos
    skipLinebreaks()
    while true {
      skipBlanks()
      if isAtListEnd() { break }
      if let op = controlOperator(), op != .openParenthesis {
        // A separator or pipe with no command before it.
        let operatorStart = pos
        pos += op.length
        addError("unexpected '\(op.rawValue == "\n" ? "newline" : op.rawValue)' with no command before it",
                 operatorStart..<pos)
        skipLinebreaks()
        continue
      }
      let before = pos
      guard let andOr = parseAndOr() else {
        if pos == before {
          addError("unexpected '\(text(pos..<pos + 1))'", pos..<pos + 1)
          pos += 1
        }
        continue
      }
      skipBlanks()
      var separator: ShellSeparator?
      var separatorRange: Range<Int>?
      switch controlOperator() {
      case .semicolon?:
        separator = .semicolon
        separatorRange = pos..<pos + 1
        pos += 1
      case .background?:
        separator = .background
        separatorRange = pos..<pos + 1
        pos += 1
      case .newline?:
        separator = .newline
        separatorRange = pos..<pos + 1
        consumeNewline()
      default:
        break
      }
      items.append(ShellListItem(andOr: andOr, separator: separator, separatorRange: separatorRange))
      skipLinebreaks()
      if separator == nil && !isAtListEnd() {
        if let op = controlOperator(), op != .openParenthesis {
          continue
        }
        addError("expected ';' or a newline before '\(text(pos..<min(pos + 1, bytes.count)))'", pos..<min(pos + 1, bytes.count))
      }
      if pos == before { break }
    }
    return makeList(items, emptyAt: start)
  }

  /// Parses pipelines joined by `&&` and `||`; nil when no command starts at the cursor.
  func parseAndOr() -> AndOrList? {
    guard let first = parsePipeline() else { return nil }
    var rest: [AndOrList.Link] = []
    var end = first.range.upperBound
    while true {
      skipBlanks()
      let op: AndOrOperator
      switch controlOperator() {
      case .and?: op = .and
      case .or?: op = .or
      default: return AndOrList(first: first, rest: rest, range: first.range.lowerBound..<end)
      }
      let opRange = pos..<pos + 2
      pos += 2
      skipLinebreaks()
      guard let pipeline = parsePipeline() else {
        addError("expected a command after '\(op.rawValue)'", opRange)
        return AndOrList(first: first, rest: rest, range: first.range.lowerBound..<end)
      }
      rest.append(AndOrList.Link(op: op, opRange: opRange, pipeline: pipeline))
      end = pipeline.range.upperBound
    }
  }

  /// Parses `[!] command [| command]…`; nil when no command or `!` starts at the cursor.
  func parsePipeline() -> Pipeline? {
    skipBlanks()
    let start = pos
    var isNegated = false
    while reservedWord() == "!" {
      isNegated.toggle()
      pos += 1
      skipBlanks()
    }
    guard let first = parseCommand() else {
      if isNegated {
        addError("expected a command after '!'", start..<start + 1)
        return Pipeline(isNegated: true, commands: [], range: start..<start + 1)
      }
      return nil
    }
    var commands = [first]
    while true {
      skipBlanks()
      let op = controlOperator()
      guard op == .pipe || op == .pipeBoth else { break }
      let opRange = pos..<pos + op!.length
      pos += op!.length
      skipLinebreaks()
      guard let command = parseCommand() else {
        addError("expected a command after '\(op!.rawValue)'", opRange)
        break
      }
      commands.append(command)
    }
    return Pipeline(isNegated: isNegated, commands: commands, range: start..<commands.last!.range.upperBound)
  }

  /// Parses one command; nil when the cursor is at a token that cannot start one.
  func parseCommand() -> ShellCommand? {
    skipBlanks()
    guard !isAtEnd, !isAtListEnd() else { return nil }
    if let op = controlOperator() {
      guard op == .openParenthesis else { return nil }
      return .compound(parseParenthesized())
    }
    if let word = reservedWord() {
      switch word {
      case "{": return .compound(parseGroup())
      case "if": return .compound(parseIf())
      case "for", "select": return .compound(parseFor(keyword: word))
      case "while", "until": return .compound(parseWhile(isUntil: word == "until"))
      case "case": return .compound(parseCase())
      case "function": return parseFunctionKeyword()
      case "[[": return .simple(parseConditionalCommand())
      default: break
      }
    }
    guard let simple = parseSimpleCommand() else { return nil }
    if let definition = parseFunctionDefinitionAfter(simple) {
      return .functionDefinition(definition)
    }
    return .simple(simple)
  }

  /// Parses assignments, words and redirections up to a control operator; nil when none.
  func parseSimpleCommand() -> SimpleCommand? {
    var assignments: [ShellAssignment] = []
    var words: [ShellWord] = []
    var redirections: [ShellRedirection] = []
    var start: Int?
    var end = pos
    while true {
      skipBlanks()
      guard !isAtEnd else { break }
      let before = pos
      if isAtRedirection() {
        let redirection = parseRedirection()
        redirections.append(redirection)
        end = redirection.range.upperBound
      } else if isAtWordStart() {
        if words.isEmpty, let assignment = parseAssignment() {
          assignments.append(assignment)
          end = assignment.range.upperBound
        } else {
          let word = scanWord()
          words.append(word)
          end = word.range.upperBound
        }
      } else {
        break
      }
      if start == nil { start = before }
      if pos == before { break }
    }
    guard let start else { return nil }
    return SimpleCommand(assignments: assignments, words: words, redirections: redirections, range: start..<end)
  }

  /// Parses `name=value`, `name+=value` or `name=(elements)` at the cursor, or returns nil
  /// without moving when the word is not an assignment.
  func parseAssignment() -> ShellAssignment? {
    guard let first = peek(), ShellScanner.isNameStart(first) else { return nil }
    var index = pos + 1
    while index < bytes.count && ShellScanner.isNameByte(bytes[index]) { index += 1 }
    let nameRange = pos..<index
    var isAppend = false
    if index + 1 < bytes.count && bytes[index] == UInt8(ascii: "+") && bytes[index + 1] == UInt8(ascii: "=") {
      isAppend = true
      index += 2
    } else if index < bytes.count && bytes[index] == UInt8(ascii: "=") {
      index += 1
    } else {
      return nil
    }
    let start = pos
    let name = text(nameRange)
    pos = index
    if peek() == UInt8(ascii: "(") {
      let elements = parseArrayElements()
      return ShellAssignment(name: name, nameRange: nameRange, isAppend: isAppend, value: nil,
                             arrayElements: elements, range: start..<pos)
    }
    guard isAtWordStart(), !isAtProcessSubstitution() else {
      return ShellAssignment(name: name, nameRange: nameRange, isAppend: isAppend, value: nil, range: start..<pos)
    }
    let value = scanWord()
    return ShellAssignment(name: name, nameRange: nameRange, isAppend: isAppend, value: value, range: start..<pos)
  }

  /// Parses bash's `(a b c)` array value at the cursor.
  private func parseArrayElements() -> [ShellWord] {
    let open = pos
    pos += 1
    var elements: [ShellWord] = []
    while true {
      skipLinebreaks()
      if peek() == UInt8(ascii: ")") {
        pos += 1
        return elements
      }
      guard isAtWordStart() else {
        addError("missing ')' to close the array value", open..<open + 1)
        return elements
      }
      elements.append(scanWord())
    }
  }

  /// Parses a redirection at the cursor, which `isAtRedirection()` has confirmed.
  func parseRedirection() -> ShellRedirection {
    let start = pos
    var fileDescriptor: Int?
    while let byte = peek(), ShellScanner.isDigit(byte) {
      // Saturate instead of overflowing on absurd descriptor numbers.
      fileDescriptor = min((fileDescriptor ?? 0) * 10 + Int(byte - 0x30), 1_000_000_000)
      pos += 1
    }
    guard let (op, length) = redirectionOperator(at: pos) else {
      // Unreachable after isAtRedirection(); moving the cursor keeps every loop finite anyway.
      pos = max(pos, start + 1)
      return ShellRedirection(fileDescriptor: fileDescriptor, op: .output, opRange: start..<pos, target: nil, range: start..<pos)
    }
    let opRange = pos..<pos + length
    pos += length
    skipBlanks()
    guard isAtWordStart(), !isAtProcessSubstitution() || op == .input || op == .output else {
      addError("missing file or delimiter after '\(op.rawValue)'", opRange)
      return ShellRedirection(fileDescriptor: fileDescriptor, op: op, opRange: opRange, target: nil, range: start..<opRange.upperBound)
    }
    let target = scanWord()
    var hereDocument: ShellHereDocument?
    if op == .hereDocument || op == .hereDocumentStrippingTabs {
      let delimiter = hereDocumentDelimiter(target)
      pendingHereDocuments.append(PendingHereDocument(
        operatorStart: opRange.lowerBound, delimiter: delimiter, isQuoted: target.isQuoted,
        stripsTabs: op == .hereDocumentStrippingTabs))
      if var known = knownHereDocuments[opRange.lowerBound] {
        if !known.isQuoted, let bodyRange = known.bodyRange, !bodyRange.isEmpty {
          known.bodyParts = parseHereDocumentBody(bodyRange)
        }
        hereDocument = known
      } else {
        hereDocument = ShellHereDocument(delimiter: String(decoding: delimiter, as: UTF8.self), isQuoted: target.isQuoted,
                                         bodyRange: nil, delimiterLineRange: nil)
      }
    }
    return ShellRedirection(fileDescriptor: fileDescriptor, op: op, opRange: opRange, target: target,
                            hereDocument: hereDocument, range: start..<target.range.upperBound)
  }

  /// Parses the expansions in a here-document body with a scanner whose bytes end where the
  /// body ends, so a substitution cannot run into the delimiter line. Ranges stay valid because
  /// the bytes are a prefix of the input.
  private func parseHereDocumentBody(_ bodyRange: Range<Int>) -> [ShellWordPart] {
    let scanner = ShellScanner(bytes: bytes[..<bodyRange.upperBound], knownHereDocuments: [:])
    scanner.pos = bodyRange.lowerBound
    scanner.nestingDepth = nestingDepth
    let parts = scanner.scanHereDocumentBody()
    errors += scanner.errors
    comments += scanner.comments
    return parts
  }

  /// Returns the delimiter of a here-document: the target word with quotes and backslashes removed but
  /// `$` kept, as sh compares it without expanding it.
  private func hereDocumentDelimiter(_ word: ShellWord) -> [UInt8] {
    if let value = word.literalValue { return Array(value.utf8) }
    var result: [UInt8] = []
    var index = word.range.lowerBound
    while index < word.range.upperBound {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") && index + 1 < word.range.upperBound {
        result.append(bytes[index + 1])
        index += 2
        continue
      }
      if byte != UInt8(ascii: "'") && byte != UInt8(ascii: "\"") { result.append(byte) }
      index += 1
    }
    return result
  }
}
