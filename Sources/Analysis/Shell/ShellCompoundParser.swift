/// The grammar of compound commands, function definitions and bash's `[[ … ]]`.
extension ShellScanner {
  /// Consumes the reserved word `word` after any newlines and comments, or records `message`
  /// at `range` and returns false without moving past other tokens.
  @discardableResult
  func expectReservedWord(_ word: String, message: String, range: Range<Int>) -> Bool {
    skipLinebreaks()
    if reservedWord() == word {
      pos += word.utf8.count
      return true
    }
    addError(message, range)
    return false
  }

  /// Parses a list that the grammar requires to have a command, such as the body after `then`.
  /// An empty one is reported at `range` unless the input ends or another error explains it.
  func parseRequiredList(after keyword: String, range: Range<Int>) -> ShellList {
    let errorCount = errors.count
    let list = parseList()
    if list.items.isEmpty && !isAtEnd && errors.count == errorCount {
      addError("expected a command after '\(keyword)'", range)
    }
    return list
  }

  /// Parses the redirections after a compound command, as in `done <input`.
  func parseTrailingRedirections() -> [ShellRedirection] {
    var redirections: [ShellRedirection] = []
    while true {
      skipBlanks()
      guard isAtRedirection() else { return redirections }
      redirections.append(parseRedirection())
    }
  }

  func makeCompound(_ kind: CompoundCommand.Kind, start: Int) -> CompoundCommand {
    let redirections = parseTrailingRedirections()
    let end = redirections.last?.range.upperBound ?? pos
    return CompoundCommand(kind: kind, range: start..<end, redirections: redirections)
  }

  /// The result of looking for the `))` that closes an arithmetic expression.
  enum ArithmeticEnd {
    /// The offset of the first `)` of the closing `))`.
    case closed(Int)
    /// A `)` at depth zero is not followed by another `)`, so the text is a subshell or command
    /// substitution that starts with `(`.
    case notArithmetic
    /// The input ends inside the expression.
    case unterminated
  }

  /// Looks for the `))` that closes an arithmetic expression starting at `start`.
  func arithmeticEnd(from start: Int) -> ArithmeticEnd {
    var depth = 0
    var index = start
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "("):
        depth += 1
      case UInt8(ascii: ")"):
        if depth == 0 {
          return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: ")") ? .closed(index) : .notArithmetic
        }
        depth -= 1
      case UInt8(ascii: "\\"):
        index += 1
      case UInt8(ascii: "'"), UInt8(ascii: "\""):
        let quote = bytes[index]
        index += 1
        while index < bytes.count && bytes[index] != quote {
          if quote == UInt8(ascii: "\"") && bytes[index] == UInt8(ascii: "\\") { index += 1 }
          index += 1
        }
      default:
        break
      }
      index += 1
    }
    return .unterminated
  }

  /// Parses `( list )` or bash's `(( expression ))` at the cursor.
  func parseParenthesized() -> CompoundCommand {
    let start = pos
    if peek(1) == UInt8(ascii: "(") {
      switch arithmeticEnd(from: pos + 2) {
      case .closed(let end):
        pos = end + 2
        return makeCompound(.arithmetic(start + 2..<end), start: start)
      case .unterminated:
        addError("missing '))' to close '(('", start..<start + 2)
        pos = bytes.count
        return makeCompound(.arithmetic(start + 2..<bytes.count), start: start)
      case .notArithmetic:
        break
      }
    }
    pos += 1
    let list = parseRequiredList(after: "(", range: start..<start + 1)
    if peek() == UInt8(ascii: ")") {
      pos += 1
    } else {
      addError("missing ')' to close '('", start..<start + 1)
    }
    return makeCompound(.subshell(list), start: start)
  }

  /// Parses `{ list; }` at the cursor.
  func parseGroup() -> CompoundCommand {
    let start = pos
    pos += 1
    let list = parseRequiredList(after: "{", range: start..<start + 1)
    expectReservedWord("}", message: "missing '}' to close '{'", range: start..<start + 1)
    return makeCompound(.group(list), start: start)
  }

  /// Parses `if … fi` at the cursor.
  func parseIf() -> CompoundCommand {
    let start = pos
    var keywordRange = pos..<pos + 2
    pos += 2
    var branches: [ShellIfClause.Branch] = []
    var elseBody: ShellList?
    while true {
      let condition = parseRequiredList(after: text(keywordRange), range: keywordRange)
      let thenRange = pos..<pos + 4
      let hasThen = expectReservedWord("then", message: "expected 'then' after the condition", range: keywordRange)
      let body = hasThen ? parseRequiredList(after: "then", range: thenRange) : parseList()
      branches.append(ShellIfClause.Branch(condition: condition, body: body))
      guard reservedWord() == "elif" else { break }
      keywordRange = pos..<pos + 4
      pos += 4
    }
    if reservedWord() == "else" {
      let elseRange = pos..<pos + 4
      pos += 4
      elseBody = parseRequiredList(after: "else", range: elseRange)
    }
    expectReservedWord("fi", message: "missing 'fi' to close 'if'", range: start..<start + 2)
    return makeCompound(.ifClause(ShellIfClause(branches: branches, elseBody: elseBody)), start: start)
  }

  /// Parses `for`, bash's `for (( … ))`, or bash's `select` at the cursor.
  func parseFor(keyword: String) -> CompoundCommand {
    let start = pos
    let keywordRange = pos..<pos + keyword.utf8.count
    pos = keywordRange.upperBound
    skipBlanks()
    var variable = ""
    var variableRange = pos..<pos
    var words: [ShellWord]?
    var arithmeticHeader: Range<Int>?
    if keyword == "for" && matches("((") {
      let headerStart = pos + 2
      if case .closed(let end) = arithmeticEnd(from: headerStart) {
        arithmeticHeader = headerStart..<end
        pos = end + 2
      } else {
        addError("missing '))' to close '(('", pos..<headerStart)
        arithmeticHeader = headerStart..<bytes.count
        pos = bytes.count
      }
      skipBlanks()
      if controlOperator() == .semicolon { pos += 1 }
    } else {
      if isAtWordStart() {
        let word = scanWord()
        variable = word.literalValue ?? text(word.range)
        variableRange = word.range
        if word.isQuoted || !ShellScanner.isName(Array(variable.utf8)) {
          addError("'\(variable)' is not a valid variable name", word.range)
        }
      } else {
        addError("expected a variable name after '\(keyword)'", keywordRange)
      }
      skipLinebreaks()
      if reservedWord() == "in" {
        pos += 2
        var list: [ShellWord] = []
        while true {
          skipBlanks()
          guard isAtWordStart() else { break }
          list.append(scanWord())
        }
        words = list
        switch controlOperator() {
        case .semicolon?: pos += 1
        case .newline?: consumeNewline()
        default: addError("expected ';' or a newline after the word list", keywordRange)
        }
      } else if controlOperator() == .semicolon {
        pos += 1
      }
    }
    skipLinebreaks()
    let doRange = pos..<pos + 2
    let hasDo = expectReservedWord("do", message: "expected 'do' in '\(keyword)' loop", range: keywordRange)
    let body = hasDo ? parseRequiredList(after: "do", range: doRange) : parseList()
    if hasDo {
      expectReservedWord("done", message: "missing 'done' to close '\(keyword)'", range: keywordRange)
    } else if reservedWord() == "done" {
      pos += 4
    }
    let loop = ShellForLoop(keyword: keyword, variable: variable, variableRange: variableRange, words: words,
                            arithmeticHeader: arithmeticHeader, body: body)
    return makeCompound(.forLoop(loop), start: start)
  }

  /// Parses `while … done` or `until … done` at the cursor.
  func parseWhile(isUntil: Bool) -> CompoundCommand {
    let start = pos
    let keyword = isUntil ? "until" : "while"
    let keywordRange = pos..<pos + 5
    pos += 5
    let condition = parseRequiredList(after: keyword, range: keywordRange)
    skipLinebreaks()
    let doRange = pos..<pos + 2
    let hasDo = expectReservedWord("do", message: "expected 'do' after the '\(keyword)' condition", range: keywordRange)
    let body = hasDo ? parseRequiredList(after: "do", range: doRange) : parseList()
    if hasDo {
      expectReservedWord("done", message: "missing 'done' to close '\(keyword)'", range: keywordRange)
    } else if reservedWord() == "done" {
      pos += 4
    }
    let loop = ShellWhileLoop(isUntil: isUntil, condition: condition, body: body)
    return makeCompound(.whileLoop(loop), start: start)
  }

  /// Parses `case word in … esac` at the cursor.
  func parseCase() -> CompoundCommand {
    let start = pos
    let keywordRange = pos..<pos + 4
    pos += 4
    skipBlanks()
    let subject: ShellWord
    if isAtWordStart() {
      subject = scanWord()
    } else {
      addError("expected a word after 'case'", keywordRange)
      subject = ShellWord(range: pos..<pos, parts: [], literalValue: "")
    }
    skipLinebreaks()
    if reservedWord() == "in" {
      pos += 2
    } else {
      addError("expected 'in' after the 'case' word", keywordRange)
    }
    var items: [ShellCaseClause.Item] = []
    var isClosed = false
    while true {
      skipLinebreaks()
      if reservedWord() == "esac" {
        pos += 4
        isClosed = true
        break
      }
      guard !isAtEnd else { break }
      let itemStart = pos
      if peek() == UInt8(ascii: "(") {
        pos += 1
        skipBlanks()
      }
      var patterns: [ShellWord] = []
      while true {
        skipBlanks()
        guard isAtWordStart(), !isAtProcessSubstitution() else { break }
        patterns.append(scanWord())
        skipBlanks()
        guard controlOperator() == .pipe else { break }
        pos += 1
      }
      guard peek() == UInt8(ascii: ")") else {
        addError("expected ')' after the case pattern", itemStart..<max(pos, itemStart + 1))
        break
      }
      if patterns.isEmpty {
        addError("expected a pattern before ')'", pos..<pos + 1)
      }
      pos += 1
      let body = parseList()
      skipBlanks()
      var terminator: String?
      if let op = controlOperator(), op.isCaseTerminator {
        terminator = op.rawValue
        pos += op.length
      }
      items.append(ShellCaseClause.Item(patterns: patterns, body: body, terminator: terminator, range: itemStart..<pos))
      if terminator == nil {
        skipLinebreaks()
        guard reservedWord() == "esac" else { break }
      }
    }
    if !isClosed {
      addError("missing 'esac' to close 'case'", keywordRange)
    }
    return makeCompound(.caseClause(ShellCaseClause(subject: subject, items: items)), start: start)
  }

  /// Parses bash's `function name [()] body` at the cursor.
  func parseFunctionKeyword() -> ShellCommand {
    let start = pos
    let keywordRange = pos..<pos + 8
    pos += 8
    skipBlanks()
    var name = ""
    var nameRange = pos..<pos
    if isAtWordStart() {
      let word = scanWord()
      name = word.literalValue ?? text(word.range)
      nameRange = word.range
    } else {
      addError("expected a function name after 'function'", keywordRange)
    }
    let afterName = pos
    skipBlanks()
    if peek() == UInt8(ascii: "(") {
      pos += 1
      skipBlanks()
      if peek() == UInt8(ascii: ")") {
        pos += 1
      } else {
        pos = afterName
      }
    }
    return .functionDefinition(parseFunctionBody(name: name, nameRange: nameRange, start: start))
  }

  /// Parses `()` and the body when `simple` is a lone word followed by `(` and `)`, as in
  /// `name() { …; }`; otherwise returns nil without moving.
  func parseFunctionDefinitionAfter(_ simple: SimpleCommand) -> ShellFunctionDefinition? {
    guard simple.assignments.isEmpty, simple.redirections.isEmpty, simple.words.count == 1,
          let name = simple.words[0].literalValue, !simple.words[0].isQuoted else { return nil }
    let saved = pos
    skipBlanks()
    guard peek() == UInt8(ascii: "(") else {
      pos = saved
      return nil
    }
    pos += 1
    skipBlanks()
    guard peek() == UInt8(ascii: ")") else {
      pos = saved
      return nil
    }
    pos += 1
    return parseFunctionBody(name: name, nameRange: simple.words[0].range, start: simple.range.lowerBound)
  }

  private func parseFunctionBody(name: String, nameRange: Range<Int>, start: Int) -> ShellFunctionDefinition {
    skipLinebreaks()
    let bodyStart = pos
    guard let body = parseCommand() else {
      addError("expected a function body after '\(name)()'", nameRange)
      let empty = CompoundCommand(kind: .group(ShellList(items: [], range: bodyStart..<bodyStart)),
                                  range: bodyStart..<bodyStart, redirections: [])
      return ShellFunctionDefinition(name: name, nameRange: nameRange, body: .compound(empty), range: start..<bodyStart)
    }
    if case .simple = body {
      addError("the body of function '\(name)' must be a compound command such as '{ …; }'", body.range)
    }
    return ShellFunctionDefinition(name: name, nameRange: nameRange, body: body, range: start..<body.range.upperBound)
  }

  /// Parses bash's `[[ … ]]` at the cursor as a simple command named `[[`. Operators inside,
  /// such as `&&`, `<` and `(`, become plain words, so they do not split the command.
  func parseConditionalCommand() -> SimpleCommand {
    let start = pos
    var words = [literalWord(pos..<pos + 2)]
    pos += 2
    while true {
      skipLinebreaks()
      if isAtEnd {
        addError("missing ']]' to close '[['", start..<start + 2)
        break
      }
      if reservedWord() == "]]" {
        words.append(literalWord(pos..<pos + 2))
        pos += 2
        break
      }
      if matches("&&") || matches("||") {
        words.append(literalWord(pos..<pos + 2))
        pos += 2
      } else if isAtWordStart() && !isAtProcessSubstitution() {
        words.append(scanWord())
      } else if peek() == UInt8(ascii: "`") {
        addError("missing ']]' to close '[['", start..<start + 2)
        break
      } else {
        words.append(literalWord(pos..<pos + 1))
        pos += 1
      }
    }
    let redirections = parseTrailingRedirections()
    let end = redirections.last?.range.upperBound ?? words.last!.range.upperBound
    return SimpleCommand(assignments: [], words: words, redirections: redirections, range: start..<end)
  }

  func literalWord(_ range: Range<Int>) -> ShellWord {
    let value = text(range)
    return ShellWord(range: range, parts: [.literal(value, range: range)], literalValue: value)
  }
}
