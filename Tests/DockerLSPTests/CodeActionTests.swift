import Analysis
import XCTest
@testable import DockerLSP

final class CodeActionTests: XCTestCase {
  private let uri = "file:///ca/Dockerfile"
  // Byte offsets: line 0 "FROM ubuntu" is 0..<11, line 1 "RUN apt-get update" is 12..<30,
  // line 2 "RUN apt-get install -y curl" is 31..<58.
  private let text = "FROM ubuntu\nRUN apt-get update\nRUN apt-get install -y curl\n"

  private var findings: [Finding] {
    [
      Finding(
        ruleID: "DL3006", severity: .warning, range: 5..<11, message: "Always tag the image version",
        fixes: [Fix(title: "Pin to ubuntu:24.04", edits: [.insert(":24.04", at: 11)], kind: .refactor, isPreferred: false)]),
      Finding(
        ruleID: "DL3059", severity: .info, range: 31..<58, message: "Merge consecutive `RUN` instructions",
        fixes: [Fix(title: "Merge with the previous RUN", edits: [TextEdit(range: 30..<35, newText: " && ")])]),
      Finding(
        ruleID: "DL3015", severity: .info, range: 35..<58, message: "Avoid additional packages",
        fixes: [Fix(title: "Add --no-install-recommends", edits: [.insert(" --no-install-recommends", at: 50)])]),
      // Overlaps the merge fix's edit, so fix-all must skip it.
      Finding(
        ruleID: "DL9001", severity: .info, range: 31..<34, message: "Overlapping fix",
        fixes: [Fix(title: "Lower-case RUN", edits: [TextEdit(range: 31..<34, newText: "run")])]),
      Finding(ruleID: "DL9002", severity: .info, range: 0..<4, message: "No fix"),
    ]
  }

  private func makeClient() -> TestClient {
    let findings = self.findings
    let client = TestClient.inProcess(analysis: AnalysisProviders(lint: { _ in findings }))
    client.initialize()
    client.open(uri, text)
    _ = client.nextDiagnostics(uri)
    return client
  }

  private func codeActions(_ client: TestClient, _ range: JSONValue, only: [String]? = nil) -> [JSONValue] {
    var context: JSONObject = JSONObject([("diagnostics", [])])
    if let only { context["only"] = .array(only.map { .string($0) }) }
    let response = client.call("textDocument/codeAction", [
      "textDocument": LSP.textDocument(uri), "range": range, "context": .object(context),
    ])
    return response?["result"]?.arrayValue ?? []
  }

  func testQuickFixActionShape() {
    let client = makeClient()
    let actions = codeActions(client, LSP.range(2, 0, 2, 0), only: ["quickfix"])
    XCTAssertEqual(actions.map { $0["title"] }, [
      "Merge with the previous RUN", "Lower-case RUN", "Ignore DL3059 for this instruction", "Ignore DL9001 for this instruction",
    ])
    let merge = actions.first
    XCTAssertEqual(merge?["kind"], "quickfix")
    XCTAssertEqual(merge?["isPreferred"], true)
    XCTAssertEqual(merge?["diagnostics"]?.arrayValue?.first?["code"], "DL3059")
    XCTAssertEqual(merge?["diagnostics"]?.arrayValue?.first?["range"], LSP.range(2, 0, 2, 27))
    XCTAssertEqual(merge?["edit"], [
      "changes": .object(JSONObject([(uri, [["range": LSP.range(1, 18, 2, 4), "newText": " && "]])])),
    ])
  }

  func testRefactorActionShape() {
    let client = makeClient()
    let actions = codeActions(client, LSP.range(0, 6, 0, 6))
    let pin = actions.first { $0["title"] == "Pin to ubuntu:24.04" }
    XCTAssertEqual(pin?["kind"], "refactor.rewrite")
    XCTAssertEqual(pin?["isPreferred"], false)
    XCTAssertEqual(pin?["edit"]?["changes"]?[uri], [["range": LSP.range(0, 11, 0, 11), "newText": ":24.04"]])
  }

  func testRangeSelectsIntersectingFindings() {
    let client = makeClient()
    let line0 = codeActions(client, LSP.range(0, 0, 0, 3), only: ["quickfix", "refactor"])
    XCTAssertEqual(line0.map { $0["title"] }, ["Ignore DL9002 for this instruction"])
    let line0End = codeActions(client, LSP.range(0, 8, 0, 8), only: ["quickfix", "refactor"])
    XCTAssertEqual(line0End.map { $0["title"] }, ["Pin to ubuntu:24.04", "Ignore DL3006 for this instruction"])
    let whole = codeActions(client, LSP.range(0, 0, 3, 0), only: ["quickfix", "refactor"])
    XCTAssertEqual(whole.map { $0["title"] }, [
      "Pin to ubuntu:24.04", "Merge with the previous RUN", "Add --no-install-recommends", "Lower-case RUN",
      "Ignore DL3006 for this instruction", "Ignore DL3059 for this instruction", "Ignore DL3015 for this instruction",
      "Ignore DL9001 for this instruction", "Ignore DL9002 for this instruction",
    ])
  }

  func testOnlyFilterUsesKindHierarchy() {
    let client = makeClient()
    let whole = LSP.range(0, 0, 3, 0)
    XCTAssertEqual(codeActions(client, whole, only: ["refactor"]).map { $0["kind"] }, ["refactor.rewrite"])
    XCTAssertEqual(codeActions(client, whole, only: ["refactor.rewrite"]).map { $0["kind"] }, ["refactor.rewrite"])
    XCTAssertEqual(codeActions(client, whole, only: ["source"]).map { $0["kind"] }, ["source.fixAll"])
    XCTAssertEqual(codeActions(client, whole, only: ["source.organizeImports"]).count, 0)
    // Four fixes, five ignore comments and fix-all.
    XCTAssertEqual(codeActions(client, whole).count, 10)
  }

  func testFixAllSkipsOverlappingAndRefactorFixes() {
    let client = makeClient()
    let actions = codeActions(client, LSP.range(0, 0, 0, 0), only: ["source.fixAll"])
    XCTAssertEqual(actions.count, 1)
    let fixAll = actions.first
    XCTAssertEqual(fixAll?["title"], "Fix all auto-fixable problems")
    XCTAssertEqual(fixAll?["kind"], "source.fixAll")
    let edits = fixAll?["edit"]?["changes"]?[uri]?.arrayValue ?? []
    XCTAssertEqual(edits, [
      ["range": LSP.range(1, 18, 2, 4), "newText": " && "],
      ["range": LSP.range(2, 19, 2, 19), "newText": " --no-install-recommends"],
    ])
    XCTAssertEqual(
      LSP.apply(edits, to: text, encoding: .utf16),
      "FROM ubuntu\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n")
  }

  func testFixAllEditsSameStartConflict() {
    let first = Finding(ruleID: "A", severity: .info, range: 0..<1, message: "a", fixes: [Fix(title: "a", edits: [.insert("x", at: 3)])])
    let second = Finding(ruleID: "B", severity: .info, range: 0..<1, message: "b", fixes: [Fix(title: "b", edits: [.insert("y", at: 3)])])
    let touching = Finding(ruleID: "C", severity: .info, range: 0..<1, message: "c", fixes: [Fix(title: "c", edits: [TextEdit(range: 1..<3, newText: "z")])])
    XCTAssertEqual(LanguageServer.fixAllEdits([first, second, touching]), [TextEdit(range: 1..<3, newText: "z"), .insert("x", at: 3)])
  }

  func testNoFixAllWithoutQuickFixes() {
    let client = TestClient.inProcess(analysis: AnalysisProviders(lint: { _ in
      [Finding(ruleID: "DL9002", severity: .info, range: 0..<4, message: "No fix")]
    }))
    client.initialize()
    client.open(uri, text)
    let response = client.call("textDocument/codeAction", [
      "textDocument": LSP.textDocument(uri), "range": LSP.range(0, 0, 3, 0), "context": ["diagnostics": []],
    ])
    XCTAssertEqual(response?["result"]?.arrayValue?.map { $0["title"] }, ["Ignore DL9002 for this instruction"])
  }

  func testUnknownDocumentReturnsEmptyList() {
    let client = makeClient()
    let response = client.call("textDocument/codeAction", [
      "textDocument": LSP.textDocument("file:///other"), "range": LSP.range(0, 0, 0, 0), "context": ["diagnostics": []],
    ])
    XCTAssertEqual(response?["result"], [])
  }
}

final class HoverTests: XCTestCase {
  private let uri = "file:///hover/Dockerfile"

  func testHoverReturnsMarkdownWithRange() {
    let hover = AnalysisProviders(hover: { offset, document, _ in
      offset < 4 ? HoverContent(markdown: "**FROM** starts a build stage", range: 0..<4) : nil
    })
    let client = TestClient.inProcess(analysis: hover)
    client.initialize()
    client.open(uri, "FROM a\nRUN b\n")
    let response = client.call("textDocument/hover", ["textDocument": LSP.textDocument(uri), "position": LSP.position(0, 2)])
    XCTAssertEqual(response?["result"], [
      "contents": ["kind": "markdown", "value": "**FROM** starts a build stage"],
      "range": LSP.range(0, 0, 0, 4),
    ])
    let none = client.call("textDocument/hover", ["textDocument": LSP.textDocument(uri), "position": LSP.position(1, 1)])
    XCTAssertEqual(none?["result"], .null)
  }

  func testHoverReceivesByteOffsetAndFindings() {
    let seen = OffsetRecorder()
    let analysis = AnalysisProviders(
      lint: { _ in [Finding(ruleID: "DL1", severity: .info, range: 0..<1, message: "m")] },
      hover: { offset, _, findings in
        seen.record(offset, findings.count)
        return nil
      })
    let client = TestClient.inProcess(analysis: analysis)
    client.initialize()
    client.open(uri, "LABEL a=\"é\"\nRUN b\n")
    // UTF-16 column 10 on line 0 is the closing quote after "é", at byte 11.
    _ = client.call("textDocument/hover", ["textDocument": LSP.textDocument(uri), "position": LSP.position(0, 10)])
    XCTAssertEqual(seen.offsets, [11])
    XCTAssertEqual(seen.findingCounts, [1])
  }

  func testHoverOnUnknownDocumentIsNull() {
    let client = TestClient.inProcess()
    client.initialize()
    let response = client.call("textDocument/hover", ["textDocument": LSP.textDocument(uri), "position": LSP.position(0, 0)])
    XCTAssertEqual(response?["result"], .null)
    XCTAssertNil(response?["error"])
  }
}

/// Records what the fake hover provider was called with, from the worker thread.
final class OffsetRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var storedOffsets: [Int] = []
  private var storedCounts: [Int] = []

  func record(_ offset: Int, _ findingCount: Int) {
    lock.lock()
    storedOffsets.append(offset)
    storedCounts.append(findingCount)
    lock.unlock()
  }

  var offsets: [Int] {
    lock.lock()
    defer { lock.unlock() }
    return storedOffsets
  }

  var findingCounts: [Int] {
    lock.lock()
    defer { lock.unlock() }
    return storedCounts
  }
}
