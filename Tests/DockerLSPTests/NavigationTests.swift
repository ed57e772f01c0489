import Analysis
import XCTest
@testable import DockerLSP

/// Definition, references, highlights and rename over the protocol.
final class NavigationTests: XCTestCase {
  private let uri = "file:///nav/Dockerfile"
  // "é" takes 2 UTF-8 bytes and 1 UTF-16 unit, so columns after it differ by encoding.
  private let text = """
    FROM alpine AS base
    ENV DIR=/é
    RUN echo é$DIR
    FROM base
    COPY --from=base /a /b

    """

  private func makeClient(encodings: [String]? = nil) -> TestClient {
    let client = TestClient.inProcess(analysis: AnalysisProviders(lint: { _ in [] }))
    client.initialize(positionEncodings: encodings)
    client.open(uri, text)
    _ = client.nextDiagnostics(uri)
    return client
  }

  private func params(_ line: Int, _ character: Int, _ extra: [(String, JSONValue)] = []) -> JSONValue {
    var object = JSONObject([("textDocument", LSP.textDocument(uri)), ("position", LSP.position(line, character))])
    for (key, value) in extra { object[key] = value }
    return .object(object)
  }

  func testCapabilities() {
    let client = TestClient.inProcess(analysis: AnalysisProviders(lint: { _ in [] }))
    let capabilities = client.initialize()?["capabilities"]
    XCTAssertEqual(capabilities?["definitionProvider"], true)
    XCTAssertEqual(capabilities?["referencesProvider"], true)
    XCTAssertEqual(capabilities?["documentHighlightProvider"], true)
    XCTAssertEqual(capabilities?["renameProvider"], ["prepareProvider": true])
  }

  func testDefinitionOfVariableInUTF16AndUTF8() {
    let utf16 = makeClient()
    XCTAssertEqual(utf16.call("textDocument/definition", params(2, 11))?["result"], ["uri": .string(uri), "range": LSP.range(1, 4, 1, 7)])
    let utf8 = makeClient(encodings: ["utf-8"])
    XCTAssertEqual(utf8.call("textDocument/definition", params(2, 12))?["result"], ["uri": .string(uri), "range": LSP.range(1, 4, 1, 7)])
    XCTAssertEqual(utf8.call("textDocument/definition", params(2, 1))?["result"], .null)
  }

  func testReferencesOfStage() {
    let client = makeClient()
    let all = client.call("textDocument/references", params(4, 13, [("context", ["includeDeclaration": true])]))?["result"]
    XCTAssertEqual(all, [
      ["uri": .string(uri), "range": LSP.range(0, 15, 0, 19)],
      ["uri": .string(uri), "range": LSP.range(3, 5, 3, 9)],
      ["uri": .string(uri), "range": LSP.range(4, 12, 4, 16)],
    ])
    let uses = client.call("textDocument/references", params(0, 16, [("context", ["includeDeclaration": false])]))?["result"]
    XCTAssertEqual(uses?.arrayValue?.count, 2)
  }

  func testDocumentHighlightKinds() {
    let client = makeClient()
    XCTAssertEqual(client.call("textDocument/documentHighlight", params(1, 5))?["result"], [
      ["range": LSP.range(1, 4, 1, 7), "kind": 3],
      ["range": LSP.range(2, 11, 2, 14), "kind": 2],
    ])
  }

  func testPrepareRenameAndRename() {
    let client = makeClient()
    XCTAssertEqual(client.call("textDocument/prepareRename", params(3, 6))?["result"], ["range": LSP.range(3, 5, 3, 9), "placeholder": "base"])
    XCTAssertEqual(client.call("textDocument/prepareRename", params(2, 1))?["result"], .null)

    let result = client.call("textDocument/rename", params(1, 4, [("newName", "TARGET")]))?["result"]
    let edits = result?["changes"]?[uri]?.arrayValue ?? []
    XCTAssertEqual(LSP.apply(edits, to: text, encoding: .utf16), text.replacingOccurrences(of: "DIR", with: "TARGET"))
  }

  func testRenameRejectsInvalidName() {
    let client = makeClient()
    let response = client.call("textDocument/rename", params(0, 16, [("newName", "9lives")]))
    XCTAssertEqual(response?["error"]?["code"], -32803)
    XCTAssertEqual(response?["error"]?["message"], "Invalid stage name `9lives`: use a letter, then letters, digits, `-`, `_` or `.`")
  }
}
