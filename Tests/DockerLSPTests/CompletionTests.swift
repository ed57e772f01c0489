import Analysis
import XCTest
@testable import DockerLSP

/// Completion over the protocol.
final class CompletionTests: XCTestCase {
  private let uri = "file:///complete/Dockerfile"

  private func makeClient(_ text: String, encodings: [String]? = nil, snippets: Bool = true) -> TestClient {
    let client = TestClient.inProcess(analysis: AnalysisProviders(lint: { _ in [] }))
    client.initialize(
      positionEncodings: encodings, capabilities: JSONObject([("textDocument", ["completion": ["completionItem": ["snippetSupport": .bool(snippets)]]])]))
    client.open(uri, text)
    _ = client.nextDiagnostics(uri)
    return client
  }

  private func items(_ client: TestClient, _ line: Int, _ character: Int) -> [JSONValue] {
    client.call("textDocument/completion", ["textDocument": LSP.textDocument(uri), "position": LSP.position(line, character)])?["result"]?.arrayValue ?? []
  }

  func testTriggerCharactersAreAdvertised() {
    let client = TestClient.inProcess(analysis: AnalysisProviders(lint: { _ in [] }))
    XCTAssertEqual(client.initialize()?["capabilities"]?["completionProvider"], ["triggerCharacters": ["-", "=", "$", "{"]])
  }

  func testKeywordItemIsASnippetWithDocs() {
    let client = makeClient("FROM alpine\nWO\n")
    let workdir = items(client, 1, 2).first { $0["label"] == "WORKDIR" }
    XCTAssertEqual(workdir?["kind"], 14)
    XCTAssertEqual(workdir?["insertTextFormat"], 2)
    XCTAssertEqual(workdir?["textEdit"], ["range": LSP.range(1, 0, 1, 2), "newText": "WORKDIR ${1:path}"])
    XCTAssertEqual(workdir?["documentation"]?["kind"], "markdown")
  }

  func testClientWithoutSnippetsGetsPlainText() {
    let client = makeClient("FROM alpine\nWO\nCM\n", snippets: false)
    let workdir = items(client, 1, 2).first { $0["label"] == "WORKDIR" }
    XCTAssertEqual(workdir?["insertTextFormat"], 1)
    XCTAssertEqual(workdir?["textEdit"], ["range": LSP.range(1, 0, 1, 2), "newText": "WORKDIR "])
    let cmd = items(client, 2, 2).first { $0["label"] == "CMD" }
    XCTAssertEqual(cmd?["textEdit"], ["range": LSP.range(2, 0, 2, 2), "newText": "CMD "])
    // A client that says nothing about snippets gets none either.
    let silent = TestClient.inProcess(analysis: AnalysisProviders(lint: { _ in [] }))
    silent.initialize()
    silent.open(uri, "FROM alpine\nWO\n")
    _ = silent.nextDiagnostics(uri)
    let plain = items(silent, 1, 2).first { $0["label"] == "WORKDIR" }
    XCTAssertEqual(plain?["insertTextFormat"], 1)
    XCTAssertEqual(plain?["textEdit"]?["newText"], "WORKDIR ")
  }

  func testStageNameAfterFromFlag() {
    // "é" takes 2 UTF-8 bytes and 1 UTF-16 unit.
    let text = "FROM a AS é\nCOPY --from=\n"
    let utf16 = items(makeClient(text), 1, 12)
    XCTAssertEqual(utf16.map { $0["label"] }, ["é"])
    XCTAssertEqual(utf16.first?["kind"], 9)
    XCTAssertEqual(utf16.first?["textEdit"]?["range"], LSP.range(1, 12, 1, 12))
    let utf8 = items(makeClient(text, encodings: ["utf-8"]), 1, 12)
    XCTAssertEqual(utf8.first?["textEdit"], ["range": LSP.range(1, 12, 1, 12), "newText": "é"])
  }

  func testVariableItems() {
    let client = makeClient("FROM a\nENV NAME=x\nRUN echo ${N\n")
    let first = items(client, 2, 12).first
    XCTAssertEqual(first?["label"], "NAME")
    XCTAssertEqual(first?["kind"], 6)
    XCTAssertEqual(first?["detail"], "ENV = x")
    XCTAssertEqual(first?["textEdit"]?["range"], LSP.range(2, 11, 2, 12))
  }
}
