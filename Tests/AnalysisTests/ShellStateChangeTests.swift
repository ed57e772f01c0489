import XCTest
@testable import Analysis

final class ShellStateChangeTests: XCTestCase {
  private func changes(_ source: String) -> [String] {
    ShellParser.parse(source).shellStateChanges().map { change in
      switch change.kind {
      case .builtin: return change.name
      case .assignment: return change.name + "="
      case .functionDefinition: return change.name + "()"
      }
    }
  }

  func testStateChangeTable() {
    let cases: [(String, [String])] = [
      ("cd /app && make", ["cd"]),
      ("export PATH=/x:$PATH; echo", ["export"]),
      ("FOO=bar", ["FOO="]),
      ("A=1 B=2", ["A=", "B="]),
      ("FOO=bar make", []),
      ("{ cd /x; umask 022; }", ["cd", "umask"]),
      ("if true; then cd /x; else set -e; fi", ["cd", "set"]),
      ("test -d x || cd x", ["cd"]),
      ("for d in a b; do pushd $d; done", ["pushd"]),
      ("while read line; do :; done <f", ["read"]),
      ("case $x in a) source env.sh;; esac", ["source"]),
      ("f() { cd /x; }", ["f()"]),
      (". ./env.sh && eval \"$(x)\"", [".", "eval"]),
      ("command cd /x; builtin export A", ["cd", "export"]),
      ("exec >log 2>&1", ["exec"]),
      ("alias ll='ls -l'; trap 'rm x' EXIT; ulimit -n 1024", ["alias", "trap", "ulimit"]),
      ("declare -x A; typeset B; readonly C; local D; hash -r; unset E; shopt -s x; unalias a; popd",
       ["declare", "typeset", "readonly", "local", "hash", "unset", "shopt", "unalias", "popd"]),
      // Not state changes: subshells, substitutions, pipelines, background items, other commands.
      ("(cd /x && make)", []),
      ("echo $(cd /x; pwd)", []),
      ("cd /x | cat", []),
      ("cd /x &", []),
      ("make install", []),
      ("command -v cd", []),
      ("sudo cd /x", []),
      ("f() { cd /x; }; g", ["f()"]),
      ("x=$(cd /y)", ["x="]),
    ]
    for (source, expected) in cases {
      XCTAssertEqual(changes(source), expected, source)
    }
  }

  func testStateChangeRanges() {
    let source = "apt-get update && cd /opt/é && FOO=1 && f() { :; }"
    let result = ShellParser.parse(source).shellStateChanges()
    XCTAssertEqual(result.count, 3)
    XCTAssertEqual(result[0], ShellStateChange(kind: .builtin, name: "cd", range: byteRange(of: "cd /opt/é", in: source)))
    XCTAssertEqual(result[1], ShellStateChange(kind: .assignment, name: "FOO", range: byteRange(of: "FOO=1", in: source)))
    XCTAssertEqual(result[2], ShellStateChange(kind: .functionDefinition, name: "f", range: byteRange(of: "f() { :; }", in: source)))
  }

  func testTopLevelOperators() {
    let source = "a && b || c; d & e\nf;"
    let operators = ShellParser.parse(source).topLevelOperators
    XCTAssertEqual(operators.andOperators, [2..<4])
    XCTAssertEqual(operators.orOperators, [7..<9])
    XCTAssertEqual(operators.semicolons, [11..<12, 20..<21])
    XCTAssertEqual(operators.backgroundOperators, [15..<16])
    XCTAssertEqual(operators.newlines, [18..<19])
    XCTAssertEqual(operators.trailingSeparator, .semicolon)
  }

  func testTopLevelOperatorsIgnoreNestedOnes() {
    let operators = ShellParser.parse("(a; b) && { c || d; } && echo $(e; f)").topLevelOperators
    XCTAssertEqual(operators.andOperators.count, 2)
    XCTAssertEqual(operators.orOperators, [])
    XCTAssertEqual(operators.semicolons, [])
    XCTAssertNil(operators.trailingSeparator)
  }

  func testTrailingCommentRange() {
    let cases: [(String, Range<Int>?)] = [
      ("apt-get update # refresh", 15..<24),
      ("apt-get update # refresh \n\n  ", 15..<25),
      ("apt-get update", nil),
      ("# note\napt-get update", nil),
      ("echo '# not a comment'", nil),
      ("echo a#b", nil),
    ]
    for (source, expected) in cases {
      XCTAssertEqual(ShellParser.parse(source).trailingCommentRange, expected, source)
    }
  }

  func testCanAppendAndCommandTable() {
    let cases: [(String, Bool, Int?)] = [
      // (source, can append, end of the last and-or list)
      ("apt-get update && apt-get install -y x", true, 38),
      ("a || b", true, 6),
      ("a # comment", true, 1),
      ("a;", true, 1),
      ("cat <<EOF >f\nbody\nEOF\n", true, 12),
      ("a; b", false, 4),
      ("a &", false, 1),
      ("a\nb", false, 3),
      ("echo 'unterminated", false, 18),
      ("", false, nil),
    ]
    for (source, expected, end) in cases {
      let script = ShellParser.parse(source)
      XCTAssertEqual(script.canAppendAndCommand, expected, source)
      XCTAssertEqual(script.endOfLastAndOrList, end, source)
    }
  }
}
