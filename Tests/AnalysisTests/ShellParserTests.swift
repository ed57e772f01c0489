import XCTest
@testable import Analysis

final class ShellParserTests: XCTestCase {
  private func assertStructure(_ source: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    let script = ShellParser.parse(source)
    XCTAssertEqual(ShellTreeRenderer(source).render(script.body), expected, "structure of: \(source)", file: file, line: line)
    XCTAssertEqual(script.errors, [], "errors for: \(source)", file: file, line: line)
  }

  func testListStructureTable() {
    let cases: [(String, String)] = [
      ("echo a", "{echo a}"),
      ("a && b || c", "{a} && {b} || {c}"),
      ("a; b & c\nd", "{a} ; {b} & {c} ⏎ {d}"),
      ("a | b |& c", "{a} | {b} | {c}"),
      ("! a | b", "! {a} | {b}"),
      ("a &&\n  b", "{a} && {b}"),
      ("a |\n b", "{a} | {b}"),
      ("a;", "{a} ;"),
      ("\n\n a \n\n b", "{a} ⏎ {b}"),
      ("FOO=1 BAR=\"x y\" cmd arg >out 2>&1", "{FOO=1 BAR=\"x y\" cmd arg >out 2>&1}"),
      ("FOO=bar", "{FOO=bar}"),
      ("FOO= cmd", "{FOO= cmd}"),
      (">file", "{>file}"),
      ("cmd a=b", "{cmd a=b}"),
      ("echo a#b # comment", "{echo a#b}"),
      ("echo \\\n  continued", "{echo continued}"),
      ("arr=(1 2 3) cmd", "{arr=(1 2 3) cmd}"),
      ("x+=1", "{x+=1}"),
      ("echo }", "{echo }}"),
      ("echo if then fi", "{echo if then fi}"),
      ("diff <(a) >(b)", "{diff <(a) >(b)}"),
    ]
    for (source, expected) in cases {
      assertStructure(source, expected)
    }
  }

  func testCompoundStructureTable() {
    let cases: [(String, String)] = [
      ("(cd /x && make)", "subshell({cd /x} && {make})"),
      ("{ a; b; }", "group({a} ; {b} ;)"),
      ("{ a; } >log 2>&1", "group({a} ;) >log 2>&1"),
      ("if a; then b; fi", "if(if {a} ; then {b} ;)"),
      ("if a\nthen b\nelif c; then d; else e; fi", "if(if {a} ⏎ then {b} ⏎ if {c} ; then {d} ; else {e} ;)"),
      ("for x in 1 2; do echo $x; done", "for(x in 1 2 do {echo $x} ;)"),
      ("for x\ndo a; done", "for(x do {a} ;)"),
      ("for ((i=0; i<3; i++)); do a; done", "for(((i=0; i<3; i++)) do {a} ;)"),
      ("select x in a b; do break; done", "select(x in a b do {break} ;)"),
      ("while read l; do echo $l; done <f", "while({read l} ; do {echo $l} ;) <f"),
      ("until a; do b; done", "until({a} ; do {b} ;)"),
      ("case $x in a|b) one;; (c) two;& *) three;; esac", "case($x in a|b) {one} ;; c) {two} ;& *) {three} ;;)"),
      ("case x in\n a) b\nesac", "case(x in a) {b} ⏎)"),
      ("case x in esac", "case(x in )"),
      ("f() { a; }", "function f(group({a} ;))"),
      ("f ()\n{\n a\n}", "function f(group({a} ⏎))"),
      ("function g { a; }", "function g(group({a} ;))"),
      ("function g() ( a )", "function g(subshell({a}))"),
      ("((x = 1 + (2)))", "arith(x = 1 + (2))"),
      ("( (a) )", "subshell(subshell({a}))"),
      ("[[ -f a && $b < c ]] && d", "{[[ -f a && $b < c ]]} && {d}"),
      ("a && { b || c; }", "{a} && group({b} || {c} ;)"),
      ("if ! a; then :; fi", "if(if ! {a} ; then {:} ;)"),
    ]
    for (source, expected) in cases {
      assertStructure(source, expected)
    }
  }

  func testSimpleCommandRangesAfterNonASCII() {
    let source = "echo 'héllo wörld' && apt-get install -y curl"
    let script = ShellParser.parse(source)
    let andOr = script.body.items[0].andOr
    guard case .simple(let echo) = andOr.first.commands[0], case .simple(let apt) = andOr.rest[0].pipeline.commands[0] else {
      return XCTFail("expected two simple commands")
    }
    XCTAssertEqual(echo.range, 0..<20)
    XCTAssertEqual(echo.words[1].range, 5..<20)
    XCTAssertEqual(echo.words[1].literalValue, "héllo wörld")
    XCTAssertEqual(andOr.rest[0].opRange, 21..<23)
    XCTAssertEqual(apt.range, byteRange(of: "apt-get install -y curl", in: source))
    XCTAssertEqual(apt.words[3].range, 43..<47)
    XCTAssertEqual(andOr.range, 0..<47)
    XCTAssertEqual(script.body.range, 0..<47)
  }

  func testCompoundCommandRanges() {
    let source = "if a; then b; fi >log && for i in x y; do c; done; case $v in p|q) d;; esac; f() { e; } 2>&1"
    let script = ShellParser.parse(source)
    XCTAssertEqual(script.errors, [])
    let first = script.body.items[0].andOr
    guard case .compound(let ifCommand) = first.first.commands[0],
          case .compound(let forCommand) = first.rest[0].pipeline.commands[0],
          case .compound(let caseCommand) = script.body.items[1].andOr.first.commands[0],
          case .functionDefinition(let function) = script.body.items[2].andOr.first.commands[0] else {
      return XCTFail("unexpected structure: \(ShellTreeRenderer(source).render(script.body))")
    }

    XCTAssertEqual(ifCommand.range, byteRange(of: "if a; then b; fi >log", in: source))
    XCTAssertEqual(ifCommand.redirections.map(\.range), [byteRange(of: ">log", in: source)])
    if case .ifClause(let clause) = ifCommand.kind {
      XCTAssertEqual(clause.branches[0].condition.range, byteRange(of: "a;", in: source))
      XCTAssertEqual(clause.branches[0].body.range, byteRange(of: "b;", in: source))
      XCTAssertNil(clause.elseBody)
    } else {
      XCTFail("not an if clause")
    }

    XCTAssertEqual(forCommand.range, byteRange(of: "for i in x y; do c; done", in: source))
    if case .forLoop(let loop) = forCommand.kind {
      XCTAssertEqual(loop.variable, "i")
      XCTAssertEqual(loop.variableRange, byteRange(of: "i in", in: source).lowerBound..<byteRange(of: "i in", in: source).lowerBound + 1)
      XCTAssertEqual(loop.words?.map(\.literalValue), ["x", "y"])
      XCTAssertEqual(loop.body.range, byteRange(of: "c;", in: source))
    } else {
      XCTFail("not a for loop")
    }

    XCTAssertEqual(caseCommand.range, byteRange(of: "case $v in p|q) d;; esac", in: source))
    if case .caseClause(let clause) = caseCommand.kind {
      XCTAssertEqual(clause.subject.range, byteRange(of: "$v", in: source))
      XCTAssertEqual(clause.items.map(\.range), [byteRange(of: "p|q) d;;", in: source)])
      XCTAssertEqual(clause.items[0].patterns.map(\.literalValue), ["p", "q"])
      XCTAssertEqual(clause.items[0].terminator, ";;")
    } else {
      XCTFail("not a case clause")
    }

    XCTAssertEqual(function.name, "f")
    XCTAssertEqual(function.nameRange, byteRange(of: "f()", in: source).lowerBound..<byteRange(of: "f()", in: source).lowerBound + 1)
    XCTAssertEqual(function.range, byteRange(of: "f() { e; } 2>&1", in: source))
    XCTAssertEqual(function.body.range, byteRange(of: "{ e; } 2>&1", in: source))
    XCTAssertEqual(script.text(function.body.range), "{ e; } 2>&1")
  }

  func testArrayAssignmentAndQuotedFlag() {
    let source = "arr=(one \"two three\" $x) plain \\esc"
    let script = ShellParser.parse(source)
    guard case .simple(let command) = script.body.items[0].andOr.first.commands[0] else { return XCTFail("not simple") }
    XCTAssertEqual(command.assignments[0].name, "arr")
    XCTAssertNil(command.assignments[0].value)
    XCTAssertEqual(command.assignments[0].arrayElements?.map(\.literalValue), ["one", "two three", nil])
    XCTAssertEqual(command.assignments[0].range, byteRange(of: "arr=(one \"two three\" $x)", in: source))
    XCTAssertFalse(command.words[0].isQuoted)
    XCTAssertTrue(command.words[1].isQuoted)
    XCTAssertEqual(command.words[1].literalValue, "esc")
  }

  func testAssignmentAndRedirectionRanges() {
    let source = "A=1 B+=x cmd 2>>log <in"
    let script = ShellParser.parse(source)
    guard case .simple(let command) = script.body.items[0].andOr.first.commands[0] else { return XCTFail("not simple") }
    XCTAssertEqual(command.assignments.map(\.name), ["A", "B"])
    XCTAssertEqual(command.assignments[0].range, 0..<3)
    XCTAssertEqual(command.assignments[0].nameRange, 0..<1)
    XCTAssertEqual(command.assignments[0].value?.range, 2..<3)
    XCTAssertEqual(command.assignments[1].isAppend, true)
    XCTAssertEqual(command.assignments[1].value?.literalValue, "x")
    XCTAssertEqual(command.words.map(\.literalValue), ["cmd"])
    XCTAssertEqual(command.redirections.count, 2)
    XCTAssertEqual(command.redirections[0].fileDescriptor, 2)
    XCTAssertEqual(command.redirections[0].op, .append)
    XCTAssertEqual(command.redirections[0].opRange, 14..<16)
    XCTAssertEqual(command.redirections[0].range, 13..<19)
    XCTAssertEqual(command.redirections[0].target?.literalValue, "log")
    XCTAssertEqual(command.redirections[1].fileDescriptor, nil)
    XCTAssertEqual(command.redirections[1].op, .input)
    XCTAssertEqual(command.range, 0..<23)
  }

  func testRedirectionOperatorTable() {
    let cases: [(String, ShellRedirectionOperator, Int?)] = [
      ("c <f", .input, nil), ("c >f", .output, nil), ("c >>f", .append, nil), ("c 3<>f", .readWrite, 3),
      ("c >|f", .clobber, nil), ("c 2>&1", .duplicateOutput, 2), ("c 0<&3", .duplicateInput, 0),
      ("c &>f", .outputAndError, nil), ("c &>>f", .appendOutputAndError, nil), ("c <<<word", .hereString, nil),
    ]
    for (source, op, fileDescriptor) in cases {
      let script = ShellParser.parse(source)
      guard case .simple(let command) = script.body.items[0].andOr.first.commands[0] else { return XCTFail(source) }
      XCTAssertEqual(command.redirections.first?.op, op, source)
      XCTAssertEqual(command.redirections.first?.fileDescriptor, fileDescriptor, source)
      XCTAssertEqual(command.words.count, 1, source)
      XCTAssertEqual(script.errors, [], source)
    }
  }

  func testWordPartsForQuotesAndExpansions() {
    let source = #"a'b c'"d $x e"\ f$'\t'"#
    let script = ShellParser.parse(source)
    guard case .simple(let command) = script.body.items[0].andOr.first.commands[0] else { return XCTFail("not simple") }
    XCTAssertEqual(command.words.count, 1)
    let word = command.words[0]
    XCTAssertEqual(word.range, 0..<Array(source.utf8).count)
    XCTAssertEqual(word.parts, [
      .literal("a", range: 0..<1),
      .singleQuoted("b c", range: 1..<6),
      .doubleQuoted([
        .literal("d ", range: 7..<9),
        .parameterExpansion(ShellParameterExpansion(name: "x", nameRange: 10..<11, isBraced: false, range: 9..<11)),
        .literal(" e", range: 11..<13),
      ], range: 6..<14),
      .literal(" f", range: 14..<17),
      .ansiCQuoted("\t", range: 17..<22),
    ])
    XCTAssertNil(word.literalValue)
    XCTAssertTrue(word.isQuoted)
  }

  func testLiteralValueAfterQuoteRemoval() {
    let cases: [(String, String?)] = [
      ("plain", "plain"),
      ("'single quoted'", "single quoted"),
      ("\"double $HOME\"", nil),
      ("\"dq\\\"esc\"", "dq\"esc"),
      ("a\\ b", "a b"),
      ("$'a\\nb'", "a\nb"),
      ("$'\\x41\\101\\u00e9'", "AAé"),
      ("~/bin", "~/bin"),
      ("*.txt", "*.txt"),
      ("$(date)", nil),
      ("$((1+2))", nil),
      ("pre${x}post", nil),
      ("--opt=\"a b\"", "--opt=a b"),
      ("\"\"", ""),
      ("a$", "a$"),
      ("$[1+2]", nil),
    ]
    for (source, expected) in cases {
      let script = ShellParser.parse("cmd " + source)
      guard case .simple(let command) = script.body.items[0].andOr.first.commands[0] else { return XCTFail(source) }
      XCTAssertEqual(command.words.count, 2, source)
      XCTAssertEqual(command.words.last?.literalValue, expected, source)
      XCTAssertEqual(script.errors, [], source)
    }
  }

  func testParameterExpansionForms() {
    let cases: [(String, String, String?, String?, String?)] = [
      // (source, name, prefix, operator, argument literal)
      ("${HOME}", "HOME", nil, nil, nil),
      ("${x:-default value}", "x", nil, ":-", "default value"),
      ("${x-d}", "x", nil, "-", "d"),
      ("${x:=1}", "x", nil, ":=", "1"),
      ("${x:?missing}", "x", nil, ":?", "missing"),
      ("${x:+set}", "x", nil, ":+", "set"),
      ("${#x}", "x", "#", nil, nil),
      ("${!ref}", "ref", "!", nil, nil),
      ("${x##*/}", "x", nil, "##", "*/"),
      ("${x%.*}", "x", nil, "%", ".*"),
      ("${x//a/b}", "x", nil, "//", "a/b"),
      ("${x:1:2}", "x", nil, ":", "1:2"),
      ("${10}", "10", nil, nil, nil),
      ("${#}", "#", nil, nil, nil),
      ("${@}", "@", nil, nil, nil),
      ("${x^^}", "x", nil, "^^", ""),
      ("${!prefix*}", "prefix", "!", "*", ""),
      ("${x@Q}", "x", nil, "@", "Q"),
    ]
    for (source, name, prefix, op, argument) in cases {
      let script = ShellParser.parse("echo " + source)
      guard case .simple(let command) = script.body.items[0].andOr.first.commands[0],
            case .parameterExpansion(let expansion)? = command.words.last?.parts.first else {
        XCTFail("no expansion in \(source)")
        continue
      }
      XCTAssertEqual(expansion.name, name, source)
      XCTAssertEqual(expansion.prefix, prefix, source)
      XCTAssertEqual(expansion.op, op, source)
      XCTAssertEqual(expansion.argument?.literalValue, argument, source)
      XCTAssertEqual(expansion.range, 5..<5 + Array(source.utf8).count, source)
      XCTAssertTrue(expansion.isBraced, source)
      XCTAssertEqual(script.errors, [], source)
    }
  }

  func testSpecialAndPositionalParameters() {
    let source = "echo $1 $@ $? $$ $# $- $! $* $foo_1"
    let script = ShellParser.parse(source)
    guard case .simple(let command) = script.body.items[0].andOr.first.commands[0] else { return XCTFail("not simple") }
    let names: [String] = command.arguments.compactMap { word in
      if case .parameterExpansion(let expansion)? = word.parts.first { return expansion.name }
      return nil
    }
    XCTAssertEqual(names, ["1", "@", "?", "$", "#", "-", "!", "*", "foo_1"])
  }

  func testNestedCommandSubstitution() {
    let source = "echo \"$(dirname $(readlink -f \"$0\"))\" `date`"
    let script = ShellParser.parse(source)
    XCTAssertEqual(script.errors, [])
    guard case .simple(let command) = script.body.items[0].andOr.first.commands[0],
          case .doubleQuoted(let inner, _)? = command.words[1].parts.first,
          case .commandSubstitution(let outer)? = inner.first else {
      return XCTFail("expected a substitution inside double quotes")
    }
    XCTAssertEqual(outer.style, .dollarParenthesis)
    XCTAssertEqual(outer.range, byteRange(of: "$(dirname $(readlink -f \"$0\"))", in: source))
    let renderer = ShellTreeRenderer(source)
    XCTAssertEqual(renderer.render(outer.list), "{dirname $(readlink -f \"$0\")}")
    guard case .commandSubstitution(let backquoted)? = command.words[2].parts.first else { return XCTFail("no backquote") }
    XCTAssertEqual(backquoted.style, .backquote)
    XCTAssertEqual(backquoted.range, byteRange(of: "`date`", in: source))
    XCTAssertEqual(renderer.render(backquoted.list), "{date}")
  }

  func testArithmeticExpansionAndSubshellSubstitution() {
    let source = "echo $((1 + (2 * 3))) $( (a) )"
    let script = ShellParser.parse(source)
    XCTAssertEqual(script.errors, [])
    guard case .simple(let command) = script.body.items[0].andOr.first.commands[0] else { return XCTFail("not simple") }
    XCTAssertEqual(command.words[1].parts, [.arithmeticExpansion(expression: 8..<19, range: 5..<21)])
    guard case .commandSubstitution(let substitution)? = command.words[2].parts.first else { return XCTFail("no substitution") }
    XCTAssertEqual(ShellTreeRenderer(source).render(substitution.list), "subshell({a})")
    let obsolete = ShellParser.parse("echo $[1 + [2]]")
    guard case .simple(let echo) = obsolete.body.items[0].andOr.first.commands[0] else { return XCTFail("not simple") }
    XCTAssertEqual(echo.words[1].parts, [.arithmeticExpansion(expression: 7..<14, range: 5..<15)])
  }

  func testCaseInsideCommandSubstitution() {
    let source = "x=$(case $y in a) echo 1;; esac)"
    let script = ShellParser.parse(source)
    XCTAssertEqual(script.errors, [])
    XCTAssertEqual(ShellTreeRenderer(source).render(script.body), "{x=$(case $y in a) echo 1;; esac)}")
  }

  func testTildeAndGlobParts() {
    let source = "ls ~/a ~user *.c file[0-9] a?b [x"
    let script = ShellParser.parse(source)
    guard case .simple(let command) = script.body.items[0].andOr.first.commands[0] else { return XCTFail("not simple") }
    XCTAssertEqual(command.words[1].parts, [.tilde(user: "", range: 3..<4), .literal("/a", range: 4..<6)])
    XCTAssertEqual(command.words[2].parts, [.tilde(user: "user", range: 7..<12)])
    XCTAssertEqual(command.words[3].parts, [.glob("*", range: 13..<14), .literal(".c", range: 14..<16)])
    XCTAssertEqual(command.words[4].parts, [.literal("file", range: 17..<21), .glob("[0-9]", range: 21..<26)])
    XCTAssertTrue(command.words[5].hasGlob)
    XCTAssertEqual(command.words[6].parts, [.literal("[x", range: 31..<33)])
    XCTAssertFalse(command.words[6].hasGlob)
  }

  func testReservedWordsOnlyInCommandPosition() {
    let source = "echo for; for=1; { echo }; }"
    let script = ShellParser.parse(source)
    XCTAssertEqual(script.errors, [])
    XCTAssertEqual(ShellTreeRenderer(source).render(script.body), "{echo for} ; {for=1} ; group({echo }} ;)")
  }

  func testCommentsRecordedWithRanges() {
    let source = "# first\napt-get update # refresh\necho '#not' a#b"
    let script = ShellParser.parse(source)
    XCTAssertEqual(script.comments, [0..<7, byteRange(of: "# refresh", in: source)])
    XCTAssertEqual(ShellTreeRenderer(source).render(script.body), "{apt-get update} ⏎ {echo '#not' a#b}")
  }

  func testLineContinuationInsideWord() {
    let source = "ap\\\nt-get install"
    let script = ShellParser.parse(source)
    guard case .simple(let command) = script.body.items[0].andOr.first.commands[0] else { return XCTFail("not simple") }
    XCTAssertEqual(command.name, "apt-get")
    XCTAssertEqual(command.words[0].range, 0..<9)
    XCTAssertEqual(command.words[0].parts, [.literal("apt-get", range: 0..<9)])
  }

  func testHereDocumentBodies() {
    let source = "cat <<EOF >out && cat <<-'END'\nline $x\nEOF\n\tliteral\n\tEND\necho done"
    let script = ShellParser.parse(source)
    XCTAssertEqual(script.errors, [])
    XCTAssertEqual(ShellTreeRenderer(source).render(script.body),
                   "{cat <<EOF >out} && {cat <<-'END'} ⏎ {echo done}")
    let andOr = script.body.items[0].andOr
    guard case .simple(let first) = andOr.first.commands[0], case .simple(let second) = andOr.rest[0].pipeline.commands[0] else {
      return XCTFail("expected simple commands")
    }
    let firstDocument = first.redirections[0].hereDocument
    XCTAssertEqual(first.redirections[0].op, .hereDocument)
    XCTAssertEqual(firstDocument?.delimiter, "EOF")
    XCTAssertEqual(firstDocument?.isQuoted, false)
    XCTAssertEqual(firstDocument?.bodyRange, byteRange(of: "line $x\n", in: source))
    XCTAssertEqual(firstDocument?.delimiterLineRange, byteRange(of: "EOF", in: source, occurrence: 1))
    let dollar = byteRange(of: "$x", in: source)
    XCTAssertEqual(firstDocument?.bodyParts, [
      .literal("line ", range: dollar.lowerBound - 5..<dollar.lowerBound),
      .parameterExpansion(ShellParameterExpansion(name: "x", nameRange: dollar.lowerBound + 1..<dollar.upperBound,
                                                  isBraced: false, range: dollar)),
      .literal("\n", range: dollar.upperBound..<dollar.upperBound + 1),
    ])
    let secondDocument = second.redirections[0].hereDocument
    XCTAssertEqual(second.redirections[0].op, .hereDocumentStrippingTabs)
    XCTAssertEqual(secondDocument?.delimiter, "END")
    XCTAssertEqual(secondDocument?.isQuoted, true)
    XCTAssertEqual(secondDocument?.bodyRange, byteRange(of: "\tliteral\n", in: source))
    XCTAssertEqual(secondDocument?.delimiterLineRange, byteRange(of: "\tEND", in: source))
    XCTAssertNil(secondDocument?.bodyParts)
  }

  func testHereDocumentBodySubstitutionsAreCommands() {
    let source = "cat >/etc/conf <<EOF\nhost=$(hostname) \"q\\\"\" `id -u`\nEOF\nnext"
    let script = ShellParser.parse(source)
    XCTAssertEqual(script.errors, [])
    let occurrences = script.simpleCommands()
    XCTAssertEqual(occurrences.map { $0.command.name }, ["hostname", "id", "cat", "next"])
    XCTAssertEqual(occurrences[0].context, .commandSubstitution)
    XCTAssertEqual(occurrences[0].command.range, byteRange(of: "hostname", in: source))
    guard case .simple(let cat) = script.body.items[0].andOr.first.commands[0],
          let parts = cat.redirections[1].hereDocument?.bodyParts else { return XCTFail("no here-document parts") }
    XCTAssertEqual(parts.count, 5)
    // Inside a here-document a backslash before `"` stays, unlike inside double quotes.
    XCTAssertEqual(parts[2], .literal(" \"q\\\"\" ", range: byteRange(of: " \"q\\\"\" ", in: source)))
  }

  func testCRLFLineEnds() {
    let source = "apt-get update \\\r\n  && cat <<EOF # note\r\nbody\r\nEOF\r\necho done\r\n"
    let script = ShellParser.parse(source)
    XCTAssertEqual(script.errors, [])
    XCTAssertEqual(ShellTreeRenderer(source).render(script.body),
                   "{apt-get update} && {cat <<EOF} ⏎ {echo done} ⏎")
    XCTAssertEqual(script.comments, [byteRange(of: "# note", in: source)])
    let here = script.simpleCommands()[1].command.redirections[0].hereDocument
    XCTAssertEqual(here?.bodyRange, byteRange(of: "body\r\n", in: source))
    XCTAssertEqual(here?.delimiterLineRange, byteRange(of: "EOF", in: source, occurrence: 1))
  }

  func testHereDocumentWithoutBodyInInput() {
    // A Dockerfile `RUN cat <<EOF >file` keeps the body outside the instruction's arguments.
    let source = "cat <<EOF >file"
    let script = ShellParser.parse(source)
    XCTAssertEqual(script.errors, [])
    guard case .simple(let command) = script.body.items[0].andOr.first.commands[0] else { return XCTFail("not simple") }
    XCTAssertEqual(command.redirections[0].hereDocument?.delimiter, "EOF")
    XCTAssertNil(command.redirections[0].hereDocument?.bodyRange)
    XCTAssertEqual(command.redirections[1].target?.literalValue, "file")
  }

  func testHereDocumentInsideCommandSubstitution() {
    let source = "x=$(cat <<E\n)\nE\n)\necho $x"
    let script = ShellParser.parse(source)
    XCTAssertEqual(script.errors, [])
    XCTAssertEqual(ShellTreeRenderer(source).render(script.body), "{x=$(cat <<E\n)\nE\n)} ⏎ {echo $x}")
  }
}
