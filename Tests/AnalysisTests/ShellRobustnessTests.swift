import XCTest
@testable import Analysis

final class ShellRobustnessTests: XCTestCase {
  func testMalformedInputErrorTable() {
    let cases: [(String, String, Range<Int>, String)] = [
      // (source, message, error range, rendered structure)
      ("echo 'abc", "unterminated single-quoted string", 5..<9, "{echo 'abc}"),
      ("echo \"abc", "unterminated double-quoted string", 5..<9, "{echo \"abc}"),
      ("echo $'abc", "unterminated $'…' string", 5..<10, "{echo $'abc}"),
      ("echo $(ls", "missing ')' to close '$('", 5..<7, "{echo $(ls}"),
      ("echo `ls", "unterminated backquote substitution", 5..<6, "{echo `ls}"),
      ("if true; then echo", "missing 'fi' to close 'if'", 0..<2, "if(if {true} ; then {echo})"),
      ("if true; fi", "expected 'then' after the condition", 0..<2, "if(if {true} ; then )"),
      ("while a; done", "expected 'do' after the 'while' condition", 0..<5, "while({a} ; do )"),
      ("for x in a b; do c", "missing 'done' to close 'for'", 0..<3, "for(x in a b do {c})"),
      ("case x in a) b", "missing 'esac' to close 'case'", 0..<4, "case(x in a) {b})"),
      ("{ a", "missing '}' to close '{'", 0..<1, "group({a})"),
      ("(a", "missing ')' to close '('", 0..<1, "subshell({a})"),
      ("a ) b", "unexpected ')'", 2..<3, "{a} {b}"),
      ("a && ; b", "expected a command after '&&'", 2..<4, "{a} ; {b}"),
      ("| a", "unexpected '|' with no command before it", 0..<1, "{a}"),
      ("a |", "expected a command after '|'", 2..<3, "{a}"),
      ("fi", "unexpected 'fi'", 0..<2, ""),
      ("echo >", "missing file or delimiter after '>'", 5..<6, "{echo >}"),
      ("cat <<EOF\nbody", "here-document delimited by 'EOF' has no delimiter line before the end of the input", 4..<14, "{cat <<EOF} ⏎"),
      ("f() echo", "the body of function 'f' must be a compound command such as '{ …; }'", 4..<8, "function f({echo})"),
      ("[[ a = b", "missing ']]' to close '[['", 0..<2, "{[[ a = b}"),
      ("echo $((1 + 2", "missing '))' to close '$(('", 5..<8, "{echo $((1 + 2}"),
      ("((x = 1", "missing '))' to close '(('", 0..<2, "arith(x = 1)"),
      ("echo $[1", "missing ']' to close '$['", 5..<7, "{echo $[1}"),
      ("echo ${x", "missing '}' to close '${'", 5..<7, "{echo ${x}"),
      ("echo ${}", "bad substitution: expected a parameter name after '${'", 5..<7, "{echo ${}}"),
      ("echo ${x~}", "bad substitution: unexpected '~' in '${…}'", 5..<9, "{echo ${x~}}"),
      ("case x in a b) c;; esac", "expected ')' after the case pattern", 10..<12, "case(x in ) {b} {c}"),
      ("for 1", "'1' is not a valid variable name", 4..<5, "for(1 do )"),
      ("for é in a; do b; done", "'é' is not a valid variable name", 4..<6, "for(é in a do {b} ;)"),
      ("{ }", "expected a command after '{'", 0..<1, "group()"),
      ("( )", "expected a command after '('", 0..<1, "subshell()"),
      ("if then a; fi", "expected a command after 'if'", 0..<2, "if(if  then {a} ;)"),
      ("if a; then fi", "expected a command after 'then'", 6..<10, "if(if {a} ; then )"),
      ("if a; then b; else fi", "expected a command after 'else'", 14..<18, "if(if {a} ; then {b} ; else )"),
      ("while do a; done", "expected a command after 'while'", 0..<5, "while( do {a} ;)"),
      ("for x in a; do done", "expected a command after 'do'", 12..<14, "for(x in a do )"),
      ("a; ]]", "unexpected ']]'", 3..<5, "{a} ;"),
    ]
    for (source, message, range, structure) in cases {
      let script = ShellParser.parse(source)
      XCTAssertEqual(script.errors.first?.message, message, source)
      XCTAssertEqual(script.errors.first?.range, range, source)
      XCTAssertEqual(ShellTreeRenderer(source).render(script.body), structure, source)
    }
  }

  func testDeepNestingStopsWithError() {
    for opener in ["$(", "( ", "\"$(", "${x:-", "{ ", "if ", "a=(", "<("] {
      let source = String(repeating: opener, count: 5_000)
      let script = ShellParser.parse(source)
      XCTAssertFalse(script.errors.isEmpty, opener)
      XCTAssertTrue(script.errors.contains { $0.message.hasPrefix("nesting deeper than") }, opener)
    }
  }

  func testLongRepetitiveInputsParse() {
    // Each input would take minutes if a step rescanned the rest of the input.
    let brackets = "echo " + String(repeating: "[", count: 200_000)
    let bracketScript = ShellParser.parse(brackets)
    guard case .simple(let echo) = bracketScript.body.items[0].andOr.first.commands[0] else { return XCTFail("not simple") }
    XCTAssertEqual(echo.words[1].literalValue?.utf8.count, 200_000)

    let hereDocuments = String(repeating: "cat <<EOF >f\n$(date) line\nEOF\n", count: 5_000)
    let hereDocumentScript = ShellParser.parse(hereDocuments)
    XCTAssertEqual(hereDocumentScript.errors, [])
    XCTAssertEqual(hereDocumentScript.body.items.count, 5_000)
    XCTAssertEqual(hereDocumentScript.simpleCommands().count, 10_000)

    let commands = String(repeating: "apt-get install -y --no-install-recommends \"$(echo ${X:-a})\" && cd /tmp || true # c\n", count: 5_000)
    let commandScript = ShellParser.parse(commands)
    XCTAssertEqual(commandScript.comments.count, 5_000)
    XCTAssertEqual(commandScript.shellStateChanges().count, 5_000)
  }

  func testRandomBytesNeverCrashAndRangesStayInside() {
    // A fixed-seed generator so that a failure reproduces.
    var generator = SplitMix64(seed: 0x5EED_CAFE)
    let alphabet = Array("ab $'\"`\\(){}[]<>|&;#=*?~!-\n\t019EOF<<-ifthenfidodonecaseesac${}:+%/".utf8)
    for iteration in 0..<3_000 {
      let length = Int(generator.next() % 60)
      var bytes: [UInt8] = []
      for _ in 0..<length {
        let roll = generator.next()
        bytes.append(roll % 8 == 0 ? UInt8(truncatingIfNeeded: roll >> 8) : alphabet[Int((roll >> 8) % UInt64(alphabet.count))])
      }
      let script = ShellParser.parse(bytes)
      for range in ShellRangeCollector.ranges(in: script) {
        XCTAssertGreaterThanOrEqual(range.lowerBound, 0, "iteration \(iteration): \(bytes)")
        XCTAssertLessThanOrEqual(range.upperBound, bytes.count, "iteration \(iteration): \(bytes)")
      }
      _ = script.simpleCommands().map { $0.command.unwrappedInvocation.hasOption(short: "y") }
    }
  }

  func testKeywordSoupNeverCrashes() {
    var generator = SplitMix64(seed: 42)
    let tokens = ["if", "then", "elif", "else", "fi", "for", "in", "do", "done", "while", "until", "case", "esac",
                  "{", "}", "(", ")", ";", ";;", "&", "&&", "||", "|", "\n", "!", "function", "f()", "x", "$(", "`",
                  "\"", "'", "<<E", "E", "[[", "]]", "((", "))", "${", "#", "\\"]
    for _ in 0..<2_000 {
      let count = Int(generator.next() % 25)
      var source = ""
      for _ in 0..<count {
        source += tokens[Int(generator.next() % UInt64(tokens.count))] + (generator.next() % 3 == 0 ? "" : " ")
      }
      let script = ShellParser.parse(source)
      let length = Array(source.utf8).count
      for range in ShellRangeCollector.ranges(in: script) {
        XCTAssertGreaterThanOrEqual(range.lowerBound, 0, source)
        XCTAssertLessThanOrEqual(range.upperBound, length, source)
      }
    }
  }
}

