import Foundation
import XCTest
@testable import DockerLSP

/// One test per kind of malformed input: each checks the exact error code or log line, then that
/// a following valid request still gets a response.
final class MalformedInputTests: XCTestCase {
  private let uri = "file:///m/Dockerfile"

  private func makeClient() -> TestClient {
    let client = TestClient.inProcess(extraRequestHandlers: TestRequests.all)
    client.initialize()
    return client
  }

  /// Sends a valid request and checks that it gets a successful response.
  private func assertStillServing(_ client: TestClient, file: StaticString = #filePath, line: UInt = #line) {
    let response = client.call("textDocument/hover", [
      "textDocument": LSP.textDocument("file:///probe"), "position": LSP.position(0, 0),
    ], file: file, line: line)
    XCTAssertNotNil(response?["result"], "the server stopped answering", file: file, line: line)
    XCTAssertNil(response?["error"], file: file, line: line)
  }

  private func nextErrorWithNullID(_ client: TestClient) -> JSONValue? {
    client.next(where: { $0["id"] == .null && $0["error"] != nil }, description: "error response with id null")?["error"]
  }

  func testBadHeaderExitsNonZero() {
    let client = makeClient()
    client.sendRaw(Array("Content-Length: abc\r\n\r\n{}".utf8))
    // The stream cannot be resynchronized after a bad header, so the server stops.
    XCTAssertEqual(client.waitForExit(), 1)
    XCTAssertTrue(client.logs.lines.contains(
      "fault connection: Malformed message header: Content-Length 'abc' is not a non-negative integer; "
        + "exiting because the stream cannot be resynchronized"))
  }

  func testBodyNotJSONIsParseError() {
    let client = makeClient()
    client.sendBody(Array("{\"jsonrpc\": \"2.0\", \"id\": 5, ".utf8))
    let error = nextErrorWithNullID(client)
    XCTAssertEqual(error?["code"], .int(-32700))
    XCTAssertEqual(error?["message"], "Parse error: Invalid JSON at byte 28: unexpected end of input, expected a member name string")
    assertStillServing(client)
  }

  func testBodyNotObjectIsInvalidRequest() {
    let client = makeClient()
    client.sendBody(Array("42".utf8))
    XCTAssertEqual(nextErrorWithNullID(client)?["code"], .int(-32600))
    client.sendBody(Array("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}]".utf8))
    let batchError = nextErrorWithNullID(client)
    XCTAssertEqual(batchError?["code"], .int(-32600))
    XCTAssertEqual(batchError?["message"], "Invalid request: batch messages are not supported")
    assertStillServing(client)
  }

  func testInvalidRequestKeepsRecoverableID() {
    let client = makeClient()
    client.send(["jsonrpc": "2.0", "id": 70])
    let missingMethod = client.response(to: 70)
    XCTAssertEqual(missingMethod?["error"]?["code"], .int(-32600))
    XCTAssertEqual(missingMethod?["error"]?["message"], "Invalid request: missing method")

    client.send(["jsonrpc": "1.0", "id": 71, "method": "shutdown"])
    XCTAssertEqual(client.response(to: 71)?["error"]?["code"], .int(-32600))

    client.send(["jsonrpc": "2.0", "id": 72, "method": 3])
    XCTAssertEqual(client.response(to: 72)?["error"]?["message"], "Invalid request: method must be a string")

    client.send(["jsonrpc": "2.0", "id": 73, "method": "textDocument/hover", "params": "x"])
    XCTAssertEqual(client.response(to: 73)?["error"]?["message"], "Invalid request: params must be an object or an array")

    client.send(["jsonrpc": "2.0", "id": [1], "method": "shutdown"])
    XCTAssertEqual(nextErrorWithNullID(client)?["message"], "Invalid request: id must be an integer or a string")
    assertStillServing(client)
  }

  func testStringIDIsEchoed() {
    let client = makeClient()
    client.send(["jsonrpc": "2.0", "id": "abc", "method": "no/such"])
    let response = client.next(where: { $0["id"] == "abc" }, description: "response to \"abc\"")
    XCTAssertEqual(response?["error"]?["code"], .int(-32601))
  }

  func testUnknownMethodIsMethodNotFound() {
    let client = makeClient()
    let response = client.call("workspace/symbol", ["query": "x"])
    XCTAssertEqual(response?["error"]?["code"], .int(-32601))
    XCTAssertEqual(response?["error"]?["message"], "Method not found: workspace/symbol")
    assertStillServing(client)
  }

  func testUnknownNotificationIsIgnored() {
    let client = makeClient()
    client.notify("custom/somethingHappened", ["value": 1])
    assertStillServing(client)
    XCTAssertTrue(client.logs.contains("debug server: Ignored unknown notification custom/somethingHappened"))
    XCTAssertEqual(client.drain().map(\.jsonText), [])
  }

  func testInvalidParamsNameTheField() {
    let client = makeClient()
    let cases: [(params: JSONValue, message: String)] = [
      (["textDocument": LSP.textDocument(uri)], "Invalid params: position is missing"),
      (["textDocument": LSP.textDocument(uri), "position": ["line": "0", "character": 0]],
       "Invalid params: position.line must be an integer, got a string"),
      (["textDocument": LSP.textDocument(uri), "position": ["line": 0, "character": -1]],
       "Invalid params: position.character must not be negative, got -1"),
      (["textDocument": ["uri": 5], "position": LSP.position(0, 0)],
       "Invalid params: textDocument.uri must be a string, got a number"),
      ([:], "Invalid params: textDocument.uri is missing"),
    ]
    for testCase in cases {
      let response = client.call("textDocument/hover", testCase.params)
      XCTAssertEqual(response?["error"]?["code"], .int(-32602), testCase.message)
      XCTAssertEqual(response?["error"]?["message"], .string(testCase.message))
    }
    let codeAction = client.call("textDocument/codeAction", [
      "textDocument": LSP.textDocument(uri), "range": LSP.range(0, 0, 0, 0), "context": ["only": "quickfix"],
    ])
    XCTAssertEqual(codeAction?["error"]?["message"], "Invalid params: context.only must be an array, got a string")
    assertStillServing(client)
  }

  func testInvalidNotificationParamsAreLogged() {
    let client = makeClient()
    client.notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "version": 1]])
    assertStillServing(client)
    XCTAssertTrue(client.logs.contains(
      "error server: Skipped notification textDocument/didOpen: Invalid params: textDocument.text is missing"))
    XCTAssertNil(client.storedText(uri))
  }

  func testChangeForUnknownDocumentIsSkipped() {
    let client = makeClient()
    client.change("file:///never-opened", version: 2, [LSP.edit(LSP.range(0, 0, 0, 0), "x")])
    assertStillServing(client)
    XCTAssertTrue(client.logs.contains("error server: Skipped a change to file:///never-opened version 2, which is not open"))
    XCTAssertFalse(client.drain().contains { $0["method"] == "textDocument/publishDiagnostics" })
  }

  func testOutOfRangePositionsAreClamped() {
    let client = makeClient()
    client.open(uri, "FROM a\nRUN b")
    _ = client.nextDiagnostics(uri)
    // A line past the end maps to the end of the text.
    client.change(uri, version: 2, [LSP.edit(LSP.range(50, 0, 60, 9), "\nCMD c")])
    XCTAssertEqual(client.storedText(uri), "FROM a\nRUN b\nCMD c")
    // A column past the end of a line maps to the end of that line.
    client.change(uri, version: 3, [LSP.edit(LSP.range(1, 40, 1, 80), " d")])
    XCTAssertEqual(client.storedText(uri), "FROM a\nRUN b d\nCMD c")
    let hover = client.call("textDocument/hover", ["textDocument": LSP.textDocument(uri), "position": LSP.position(999, 999)])
    XCTAssertEqual(hover?["result"], .null)
    assertStillServing(client)
  }

  func testUndecodableChangeDropsDocument() {
    let client = makeClient()
    client.open(uri, "FROM a\n")
    _ = client.nextDiagnostics(uri)
    client.change(uri, version: 2, [
      LSP.edit(LSP.range(0, 0, 0, 0), "# ok\n"),
      ["range": ["start": ["line": 0]], "text": "x"],
    ])
    let warning = client.nextNotification("window/showMessage")
    XCTAssertEqual(warning?["type"], .int(2))
    XCTAssertEqual(
      warning?["message"],
      .string("docker-lsp could not apply an edit to \(uri) (Invalid params: contentChanges[1].range.start.character "
        + "is missing). Close and reopen the file to get diagnostics again."))
    XCTAssertEqual(client.nextDiagnostics(uri)?["diagnostics"], [])
    XCTAssertNil(client.storedText(uri))

    // Later changes to the dropped document are skipped, and reopening it works.
    client.change(uri, version: 3, [LSP.edit(LSP.range(0, 0, 0, 0), "x")])
    client.open(uri, "FROM b\n", version: 4)
    XCTAssertEqual(client.nextDiagnostics(uri)?["version"], .int(4))
    XCTAssertEqual(client.storedText(uri), "FROM b\n")
  }

  func testBackwardVersionIsLoggedAndApplied() {
    let client = makeClient()
    client.open(uri, "FROM a\n", version: 5)
    _ = client.nextDiagnostics(uri)
    client.change(uri, version: 3, [LSP.edit(LSP.range(0, 6, 0, 6), ":1")])
    XCTAssertEqual(client.nextDiagnostics(uri)?["version"], .int(3))
    XCTAssertEqual(client.storedText(uri), "FROM a:1\n")
    XCTAssertTrue(client.logs.contains("error server: Version of \(uri) went from 5 to 3; applying the change anyway"))
  }

  func testBinaryContentIsServed() throws {
    let client = makeClient()
    // Control characters arrive escaped; the 0xFF and 0xC3 bytes are raw, invalid UTF-8.
    let template = #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"URI","languageId":"dockerfile","version":1,"text":"FROM a\u0000\u0001\nRUN BAD\n"}}}"#
      .replacingOccurrences(of: "URI", with: uri)
    var body = Array(template.utf8)
    let badIndex = try XCTUnwrap(body.firstIndex(of: UInt8(ascii: "B")))
    body.replaceSubrange(badIndex..<(badIndex + 3), with: [0xFF, 0xC3, 0x28])
    client.sendBody(body)
    XCTAssertEqual(client.nextDiagnostics(uri)?["version"], .int(1))
    XCTAssertEqual(client.storedText(uri), "FROM a\u{0}\u{1}\nRUN \u{FFFD}\u{FFFD}(\n")
    assertStillServing(client)
  }

  func testHugeFileIsServed() {
    let client = makeClient()
    // Mostly comment lines, so the size tests the transport and the text layer rather than how
    // fast the rules are in a debug build.
    let lines = (0..<100_000).map { $0 % 1000 == 0 ? "RUN echo step \($0)" : "# line \($0) with some padding to make it a little longer" }
    let text = "FROM alpine\n" + lines.joined(separator: "\n") + "\n"
    XCTAssertGreaterThan(text.utf8.count, 5_000_000)
    client.open(uri, text)
    XCTAssertEqual(client.nextDiagnostics(uri)?["version"], .int(1))
    client.change(uri, version: 2, [LSP.edit(LSP.range(100_000, 0, 100_001, 0), "")])
    XCTAssertEqual(client.nextDiagnostics(uri)?["version"], .int(2))
    XCTAssertEqual(client.storedText(uri)?.utf8.count, text.utf8.count - (lines[99_999].utf8.count + 1))
    assertStillServing(client)
  }

  func testFailingHandlerIsInternalError() {
    let client = makeClient()
    let response = client.call("test/fail")
    XCTAssertEqual(response?["error"]?["code"], .int(-32603))
    XCTAssertEqual(response?["error"]?["message"], "Internal error: test/fail failed: handlerBroke")
    XCTAssertTrue(client.logs.contains("fault server: Request test/fail (id 2) failed unexpectedly: handlerBroke"))
    assertStillServing(client)
  }

  func testClientResponseIsIgnored() {
    let client = makeClient()
    client.send(["jsonrpc": "2.0", "id": 99, "result": nil])
    assertStillServing(client)
    XCTAssertTrue(client.logs.contains("debug server: Ignored a response (id 99) that matches no pending request"))
  }

  /// The reader thread parses bodies, so nesting at the depth limit must fit in its stack.
  func testDeeplyNestedBodyIsRejected() {
    let client = makeClient()
    let depth = JSONParser.maxDepth
    client.sendBody(Array((String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)).utf8))
    XCTAssertEqual(nextErrorWithNullID(client)?["message"], "Invalid request: jsonrpc must be \"2.0\"")
    client.sendBody(Array((String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1)).utf8))
    XCTAssertEqual(
      nextErrorWithNullID(client)?["message"],
      .string("Parse error: Invalid JSON at byte \(depth): nesting deeper than \(depth) levels"))
    assertStillServing(client)
  }

  func testEmptyBodyIsParseError() {
    let client = makeClient()
    client.sendBody([])
    XCTAssertEqual(nextErrorWithNullID(client)?["code"], .int(-32700))
    assertStillServing(client)
  }

  func testMessageSplitAcrossWritesIsRead() {
    let client = makeClient()
    let framed = Framing.frame(JSONValue(dictionaryLiteral: ("jsonrpc", "2.0"), ("id", 40), ("method", "shutdown")).serialized)
    for byte in framed {
      client.sendRaw([byte])
    }
    XCTAssertEqual(client.response(to: 40)?["result"], .null)
  }
}
