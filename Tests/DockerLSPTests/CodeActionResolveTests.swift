import Analysis
import XCTest
@testable import DockerLSP

/// The fix-all action sent without its edit to clients that resolve edits, `codeAction/resolve`,
/// and the eager fix-all that other clients get only when they ask for it.
final class CodeActionResolveTests: XCTestCase {
  private let uri = "file:///resolve/Dockerfile"
  // Fixing it takes two rounds: DL3004 and DX1007 change line 2, then the cleanup of the
  // downloaded archive is added to line 3.
  private let text = "FROM alpine\nWORKDIR /w\nRUN sudo useradd a\nRUN wget https://x.example/a.tgz && tar xzf a.tgz\n"
  private let resolveCapabilities = JSONObject([
    ("textDocument", ["codeAction": ["resolveSupport": ["properties": ["edit"]]]]),
  ])

  private func makeClient(resolves: Bool, text: String? = nil) -> TestClient {
    let client = TestClient.inProcess(analysis: AnalysisProviders())
    client.initialize(capabilities: resolves ? resolveCapabilities : JSONObject())
    client.open(uri, text ?? self.text)
    _ = client.nextDiagnostics(uri)
    return client
  }

  private func codeActions(_ client: TestClient, _ range: JSONValue, only: [String]? = nil) -> [JSONValue] {
    var context = JSONObject([("diagnostics", [])])
    if let only { context["only"] = .array(only.map { .string($0) }) }
    let response = client.call("textDocument/codeAction", [
      "textDocument": LSP.textDocument(uri), "range": range, "context": .object(context),
    ])
    return response?["result"]?.arrayValue ?? []
  }

  private func fixAllAction(_ client: TestClient, _ range: JSONValue, only: [String]? = nil) -> JSONValue? {
    codeActions(client, range, only: only).first { $0["kind"] == "source.fixAll" }
  }

  func testFixAllCarriesDataNotEdit() {
    let client = makeClient(resolves: true)
    let action = fixAllAction(client, LSP.range(2, 5, 2, 5))
    XCTAssertEqual(action, [
      "title": "Fix all auto-fixable problems",
      "kind": "source.fixAll",
      "data": ["fixAll": ["uri": .string(uri), "version": 1]],
    ])
  }

  func testResolveMatchesEagerEdits() throws {
    let eagerClient = makeClient(resolves: false)
    let eager = try XCTUnwrap(fixAllAction(eagerClient, LSP.range(0, 0, 0, 0), only: ["source.fixAll"]))
    let eagerEdit = try XCTUnwrap(eager["edit"])

    let client = makeClient(resolves: true)
    let lazy = try XCTUnwrap(fixAllAction(client, LSP.range(2, 5, 2, 5)))
    let response = client.call("codeAction/resolve", lazy)
    XCTAssertNil(response?["error"])
    XCTAssertEqual(response?["result"]?["edit"], eagerEdit)
    XCTAssertEqual(response?["result"]?["title"], "Fix all auto-fixable problems")
    XCTAssertEqual(response?["result"]?["data"], lazy["data"])

    let edits = eagerEdit["changes"]?[uri]?.arrayValue ?? []
    XCTAssertEqual(
      LSP.apply(edits, to: text, encoding: .utf16),
      "FROM alpine\nWORKDIR /w\nRUN useradd -l a\nRUN wget https://x.example/a.tgz && tar xzf a.tgz && rm -f /w/a.tgz\n")
  }

  func testResolveAfterEditIsContentModified() throws {
    let client = makeClient(resolves: true)
    let action = try XCTUnwrap(fixAllAction(client, LSP.range(2, 5, 2, 5)))
    client.change(uri, version: 2, [LSP.edit(LSP.range(0, 0, 0, 0), "# base\n")])
    _ = client.nextDiagnostics(uri)
    let response = client.call("codeAction/resolve", action)
    XCTAssertNil(response?["result"])
    XCTAssertEqual(response?["error"]?["code"], .int(ResponseError.contentModifiedCode))
    XCTAssertEqual(
      response?["error"]?["message"],
      .string("Content modified: \(uri) changed since version 1, for which fix-all was offered; request code actions again"))

    // The action offered for the new version resolves against the new text.
    let fresh = try XCTUnwrap(fixAllAction(client, LSP.range(3, 5, 3, 5)))
    XCTAssertEqual(fresh["data"], ["fixAll": ["uri": .string(uri), "version": 2]])
    let edits = client.call("codeAction/resolve", fresh)?["result"]?["edit"]?["changes"]?[uri]?.arrayValue ?? []
    XCTAssertEqual(
      LSP.apply(edits, to: "# base\n" + text, encoding: .utf16),
      "# base\nFROM alpine\nWORKDIR /w\nRUN useradd -l a\nRUN wget https://x.example/a.tgz && tar xzf a.tgz && rm -f /w/a.tgz\n")
  }

  func testResolveForClosedDocumentFails() throws {
    let client = makeClient(resolves: true)
    let action = try XCTUnwrap(fixAllAction(client, LSP.range(2, 5, 2, 5)))
    client.notify("textDocument/didClose", ["textDocument": LSP.textDocument(uri)])
    let response = client.call("codeAction/resolve", action)
    XCTAssertNil(response?["result"])
    XCTAssertEqual(response?["error"]?["code"], .int(ResponseError.requestFailedCode))
    XCTAssertEqual(
      response?["error"]?["message"],
      .string("Request failed: \(uri) is not open, so its fix-all edit cannot be computed; open it and request code actions again"))
  }

  func testResolveForUnknownDocumentFails() {
    let client = makeClient(resolves: true)
    let response = client.call("codeAction/resolve", [
      "title": "Fix all auto-fixable problems", "kind": "source.fixAll",
      "data": ["fixAll": ["uri": "file:///never/opened", "version": 1]],
    ])
    XCTAssertEqual(response?["error"]?["code"], .int(ResponseError.requestFailedCode))
  }

  func testResolveMalformedDataIsInvalid() {
    let client = makeClient(resolves: true)
    let response = client.call("codeAction/resolve", [
      "title": "Fix all auto-fixable problems", "data": ["fixAll": ["uri": .string(uri), "version": "one"]],
    ])
    XCTAssertEqual(response?["error"]?["code"], .int(ResponseError.invalidParamsCode))
    XCTAssertEqual(response?["error"]?["message"], "Invalid params: data.fixAll.version must be an integer, got a string")
  }

  func testResolveLeavesOtherActionsUnchanged() throws {
    let client = makeClient(resolves: true)
    let quickFix = try XCTUnwrap(codeActions(client, LSP.range(2, 5, 2, 5), only: ["quickfix"]).first)
    XCTAssertNotNil(quickFix["edit"])
    XCTAssertEqual(client.call("codeAction/resolve", quickFix)?["result"], quickFix)
  }

  func testCleanDocumentHasNoLazyFixAll() {
    let client = makeClient(resolves: true, text: "FROM scratch\nCOPY a /a\n")
    XCTAssertEqual(codeActions(client, LSP.range(0, 0, 2, 0)), [])
  }

  func testNoResolveSupportFixAllOnRequest() throws {
    let client = makeClient(resolves: false)
    // The cursor's line, with no `only`: the fix-all edit is not computed.
    let cursor = codeActions(client, LSP.range(2, 5, 2, 5))
    XCTAssertFalse(cursor.isEmpty)
    XCTAssertFalse(cursor.contains { $0["kind"] == "source.fixAll" })
    XCTAssertNil(fixAllAction(client, LSP.range(0, 0, 0, 0), only: ["quickfix"]))

    // The whole document, or an `only` that names fix-all or its parent kind, gets the edit.
    let expected = try XCTUnwrap(fixAllAction(client, LSP.range(0, 0, 0, 0), only: ["source.fixAll"])?["edit"])
    XCTAssertEqual(fixAllAction(client, LSP.range(2, 5, 2, 5), only: ["source"])?["edit"], expected)
    XCTAssertEqual(fixAllAction(client, LSP.range(0, 0, 4, 0))?["edit"], expected)
    XCTAssertEqual(fixAllAction(client, LSP.range(0, 0, 99, 0))?["edit"], expected)
    XCTAssertNil(fixAllAction(client, LSP.range(0, 1, 4, 0)))
    XCTAssertNil(fixAllAction(client, LSP.range(0, 0, 3, 5)))
  }

  func testResolveSupportMustListEdit() {
    let client = TestClient.inProcess(analysis: AnalysisProviders())
    client.initialize(capabilities: JSONObject([
      ("textDocument", ["codeAction": ["resolveSupport": ["properties": ["command"]]]]),
    ]))
    client.open(uri, text)
    _ = client.nextDiagnostics(uri)
    XCTAssertNil(fixAllAction(client, LSP.range(2, 5, 2, 5)))
    XCTAssertNotNil(fixAllAction(client, LSP.range(0, 0, 4, 0))?["edit"])
  }
}
