import Analysis
import XCTest

final class YAMLReaderTests: XCTestCase {
  private func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> YAMLNode? {
    do {
      return try YAMLReader.parse(text)
    } catch {
      XCTFail("unexpected error: \(error)", file: file, line: line)
      return nil
    }
  }

  private func assertError(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
    do {
      let node = try YAMLReader.parse(text)
      XCTFail("expected an error, got \(node)", file: file, line: line)
    } catch {
      XCTAssertEqual(error.description, expected, file: file, line: line)
    }
  }

  private func scalar(_ text: String, _ line: Int, quoted: Bool = false) -> YAMLNode {
    YAMLNode(.scalar(text, quoted: quoted), line: line)
  }

  func testBlockMappingsAndLists() {
    let text = """
      # hadolint settings
      ---
      ignored:
        - DL3008   # pinned elsewhere
        - DL3015

      override:
        error:
        - DL3001
        info: []
      strict-labels: true
      """
    XCTAssertEqual(parse(text), YAMLNode(.mapping([
      YAMLEntry(key: "ignored", value: YAMLNode(.sequence([scalar("DL3008", 4), scalar("DL3015", 5)]), line: 4)),
      YAMLEntry(key: "override", value: YAMLNode(.mapping([
        YAMLEntry(key: "error", value: YAMLNode(.sequence([scalar("DL3001", 9)]), line: 9)),
        YAMLEntry(key: "info", value: YAMLNode(.sequence([]), line: 10)),
      ]), line: 8)),
      YAMLEntry(key: "strict-labels", value: scalar("true", 11)),
    ]), line: 3))
  }

  func testFlowCollectionsAndQuotedScalars() {
    let text = #"""
      trustedRegistries: [docker.io, "my.registry:5000", 'it''s',]
      label-schema: {author: text, "url": url}
      escaped: "tab\there \"q\" \u00e9 \x41"
      empty:
      tilde: ~
      hash: "a # not a comment" # a comment
      url: http://example.com/a#b
      """#
    XCTAssertEqual(parse(text), YAMLNode(.mapping([
      YAMLEntry(key: "trustedRegistries", value: YAMLNode(.sequence([
        scalar("docker.io", 1), scalar("my.registry:5000", 1, quoted: true), scalar("it's", 1, quoted: true),
      ]), line: 1)),
      YAMLEntry(key: "label-schema", value: YAMLNode(.mapping([
        YAMLEntry(key: "author", value: scalar("text", 2)), YAMLEntry(key: "url", value: scalar("url", 2)),
      ]), line: 2)),
      YAMLEntry(key: "escaped", value: scalar("tab\there \"q\" é A", 3, quoted: true)),
      YAMLEntry(key: "empty", value: YAMLNode(.null, line: 4)),
      YAMLEntry(key: "tilde", value: YAMLNode(.null, line: 5)),
      YAMLEntry(key: "hash", value: scalar("a # not a comment", 6, quoted: true)),
      YAMLEntry(key: "url", value: scalar("http://example.com/a#b", 7)),
    ]), line: 1))
  }

  func testFlowCollectionsOverSeveralLines() {
    let text = "ignored: [\n  DL3008,  # pinned upstream\n  \"DL3015\",\n]\nlabel-schema: {\n  author: text }\nnext: 1\n"
    XCTAssertEqual(parse(text), YAMLNode(.mapping([
      YAMLEntry(key: "ignored", value: YAMLNode(.sequence([scalar("DL3008", 1), scalar("DL3015", 1, quoted: true)]), line: 1)),
      YAMLEntry(key: "label-schema", value: YAMLNode(.mapping([YAMLEntry(key: "author", value: scalar("text", 5))]), line: 5)),
      YAMLEntry(key: "next", value: scalar("1", 7)),
    ]), line: 1))
  }

  func testListOfMappingsAndNestedLists() {
    let text = "- name: a\n  type: text\n- - x\n  - y\n-\n"
    XCTAssertEqual(parse(text), YAMLNode(.sequence([
      YAMLNode(.mapping([YAMLEntry(key: "name", value: scalar("a", 1)), YAMLEntry(key: "type", value: scalar("text", 2))]), line: 1),
      YAMLNode(.sequence([scalar("x", 3), scalar("y", 4)]), line: 3),
      YAMLNode(.null, line: 5),
    ]), line: 1))
  }

  func testCRLFAndEmptyDocuments() {
    XCTAssertEqual(parse("a: 1\r\nb: 'two'\r\n"), YAMLNode(.mapping([
      YAMLEntry(key: "a", value: scalar("1", 1)), YAMLEntry(key: "b", value: scalar("two", 2, quoted: true)),
    ]), line: 1))
    XCTAssertEqual(parse(""), YAMLNode(.null, line: 1))
    XCTAssertEqual(parse("# only a comment\n---\n"), YAMLNode(.null, line: 1))
  }

  func testMalformedInputNamesTheLine() {
    assertError("a: 1\n  b: 2\n", "invalid YAML at line 2: unexpected indentation after `a`, which already has a value on its line")
    assertError("a:\n\t- x\n", "invalid YAML at line 2: tabs cannot indent YAML; use spaces")
    assertError("a: [x, y\n", "invalid YAML at line 1: a flow collection that starts here is not closed")
    assertError("a: [x, y}\n", "invalid YAML at line 1: expected `,` or `]` in a flow list, found `}`")
    assertError("a: \"open\n", "invalid YAML at line 1: a double-quoted string is not closed")
    assertError("a: 1\na: 2\n", "invalid YAML at line 2: duplicate key `a`")
    assertError("a: |\n  text\n", "invalid YAML at line 1: block scalars (`|` and `>`) are not supported; write the value on one line")
    assertError("a: &x 1\n", "invalid YAML at line 1: anchors and aliases are not supported")
    assertError("x:\n  - a\n  b: 1\n", "invalid YAML at line 3: unexpected indentation; check the spaces before `b: 1`")
    assertError("a: 1\n- b\n", "invalid YAML at line 2: a list item cannot follow a `key: value` entry at the same indentation")
    assertError("- a\n  - b\n", "invalid YAML at line 2: unexpected indentation in a list")
    assertError("a: 1\nplain\n", "invalid YAML at line 2: expected `key: value`, found `plain`")
    assertError("a: \"\\q\"\n", "invalid YAML at line 1: unknown escape `\\q` in a double-quoted string")
    assertError("a: [x] y\n", "invalid YAML at line 1: unexpected `y` after the value")
    assertError("a: 1\n---\nb: 2\n", "invalid YAML at line 2: only one YAML document is supported")
    assertError("- a\nb: 1\n", "invalid YAML at line 2: unexpected content `b: 1` after the top-level list")
  }

  /// Random edits of a valid file either parse or fail with an error on one of the file's lines.
  func testMutatedInputNeverCrashesAndErrorsNameARealLine() {
    let valid = Array("""
      ignored: [DL3008, "DL3015"]
      override:
        error:
          - DL3001
      label-schema: {author: text}
      trustedRegistries:
      - 'docker.io'
      """.utf8)
    let alphabet = Array(" -:#[]{},'\"\\\n\tx|&".utf8)
    var random = SplitMix64(seed: 7)
    for _ in 0..<1500 {
      var bytes = valid
      for _ in 0..<(1 + random.next(below: 4)) {
        let position = Int(random.next(below: UInt64(bytes.count)))
        switch random.next(below: 3) {
        case 0: bytes.remove(at: position)
        case 1: bytes.insert(alphabet[Int(random.next(below: UInt64(alphabet.count)))], at: position)
        default: bytes[position] = alphabet[Int(random.next(below: UInt64(alphabet.count)))]
        }
      }
      let text = String(decoding: bytes, as: UTF8.self)
      let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).count
      do {
        _ = try YAMLReader.parse(text)
      } catch {
        XCTAssertTrue((1...lineCount).contains(error.line), "line \(error.line) of \(lineCount) for \(text.debugDescription)")
        XCTAssertTrue(error.description.hasPrefix("invalid YAML at line \(error.line): "))
      }
    }
  }
}
