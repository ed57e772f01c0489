import XCTest
@testable import Analysis

final class FixAllTests: XCTestCase {
  private func fixed(_ text: String) -> FixAll.Outcome {
    let linter = Linter()
    return FixAll.fix(Document(text: text)) { linter.lint($0) }
  }

  private func finding(_ id: String, _ fixes: [Fix]) -> Finding {
    Finding(ruleID: id, severity: .info, range: 0..<1, message: id, fixes: fixes)
  }

  func testOverlappingAndSameStartEditsAreSkipped() {
    let first = finding("A", [Fix(title: "a", edits: [.insert("x", at: 3)])])
    let sameStart = finding("B", [Fix(title: "b", edits: [.insert("y", at: 3)])])
    let overlapping = finding("C", [Fix(title: "c", edits: [TextEdit(range: 2..<5, newText: "z")])])
    let touching = finding("D", [Fix(title: "d", edits: [TextEdit(range: 1..<3, newText: "w")])])
    XCTAssertEqual(FixAll.edits(for: [first, sameStart, overlapping, touching]),
                   [TextEdit(range: 1..<3, newText: "w"), .insert("x", at: 3)])
  }

  func testIdenticalEditsOfTwoFixesAreTakenOnce() {
    let first = finding("A", [Fix(title: "a", edits: [TextEdit(range: 0..<2, newText: "")])])
    let second = finding("A", [Fix(title: "a", edits: [TextEdit(range: 0..<2, newText: ""), TextEdit(range: 2..<4, newText: "")])])
    XCTAssertEqual(FixAll.edits(for: [first, second]), [TextEdit(range: 0..<2, newText: ""), TextEdit(range: 2..<4, newText: "")])
  }

  func testRefactorFixesAreNeverApplied() {
    let refactor = finding("A", [Fix(title: "a", edits: [.insert("x", at: 0)], kind: .refactor)])
    XCTAssertEqual(FixAll.edits(for: [refactor]), [])
    let outcome = fixed("FROM python:3.12\nCMD [\"python\"]\n")
    XCTAssertFalse(outcome.isChanged)
    XCTAssertEqual(outcome.findings.map(\.ruleID), ["DX1001"])
  }

  func testApplyUsesOneRound() {
    let source = SourceText("abc")
    let result = FixAll.apply(findings: [finding("A", [Fix(title: "a", edits: [.insert("x", at: 1)])])], to: source)
    XCTAssertEqual(result.string, "axbc")
  }

  func testConflictingFixesAreResolvedInLaterRounds() {
    let text = "FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y x\nRUN rm -rf /var/lib/apt/lists/*\nRUN useradd app\n"
    let outcome = fixed(text)
    XCTAssertTrue(outcome.isChanged)
    XCTAssertEqual(String(decoding: outcome.bytes, as: UTF8.self),
                   "FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install --no-install-recommends -y x \\\n    && rm -rf /var/lib/apt/lists/* \\\n    && useradd -l app\n")
    XCTAssertEqual(outcome.findings.filter { !$0.fixes.isEmpty }.map(\.ruleID), [])
  }

  func testSameOffsetFixesTakeTwoRounds() {
    let text = "FROM alpine\nWORKDIR /w\nRUN wget https://x.example/a.tgz && wget https://x.example/b.zip && tar xzf a.tgz && unzip b.zip\n"
    let outcome = fixed(text)
    XCTAssertEqual(String(decoding: outcome.bytes, as: UTF8.self),
                   "FROM alpine\nWORKDIR /w\nRUN wget https://x.example/a.tgz && wget https://x.example/b.zip && tar xzf a.tgz && unzip b.zip && rm -f /w/a.tgz && rm -f /w/b.zip\n")
    XCTAssertEqual(outcome.rounds, 2)
    XCTAssertEqual(outcome.firstRoundEdits.count, 1)
  }

  func testFixThatDoesNotResolveItsFindingAppliesOnce() {
    let stubborn = finding("A", [Fix(title: "a", edits: [.insert("x", at: 0)])])
    let outcome = FixAll.fix(Document(text: "abc"), lint: { _ in [stubborn] })
    XCTAssertEqual(String(decoding: outcome.bytes, as: UTF8.self), "xabc")
    XCTAssertEqual(outcome.rounds, 1)
  }

  func testFixingTwiceChangesNothing() {
    let texts = [
      "FROM alpine\nRUN wget https://x.example/a.tgz && tar xzf a.tgz -C /opt\nRUN useradd a\n",
      "FROM debian:bookworm-slim\r\nRUN apt-get update\r\nRUN rm -rf /var/lib/apt/lists/*\r\n",
      "FROM scratch\nWORKDIR /w\nCOPY a.tgz /tmp/\nRUN tar xf /tmp/a.tgz\n",
    ]
    for text in texts {
      let once = fixed(text)
      let twice = FixAll.fix(Document(bytes: once.bytes)) { Linter().lint($0) }
      XCTAssertFalse(twice.isChanged, String(decoding: once.bytes, as: UTF8.self))
      XCTAssertEqual(twice.bytes, once.bytes)
    }
  }

  func testUnchangedDocumentReportsNoRounds() {
    let outcome = fixed("FROM scratch\nCOPY a /a\n")
    XCTAssertFalse(outcome.isChanged)
    XCTAssertEqual(outcome.rounds, 0)
    XCTAssertEqual(outcome.firstRoundEdits, [])
  }

  func testDifferenceIsOneMinimalEdit() {
    XCTAssertEqual(FixAll.difference(from: Array("abcdef".utf8), to: Array("abXYef".utf8)), TextEdit(range: 2..<4, newText: "XY"))
    XCTAssertEqual(FixAll.difference(from: Array("aaa".utf8), to: Array("aaaa".utf8)), TextEdit(range: 3..<3, newText: "a"))
    XCTAssertEqual(FixAll.difference(from: Array("same".utf8), to: Array("same".utf8)), TextEdit(range: 4..<4, newText: ""))
    // é and è share their first UTF-8 byte; the edit must not split it.
    XCTAssertEqual(FixAll.difference(from: Array("xé".utf8), to: Array("xè".utf8)), TextEdit(range: 1..<3, newText: "è"))
  }
}
