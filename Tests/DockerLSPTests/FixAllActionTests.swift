import Analysis
import XCTest
@testable import DockerLSP

/// The `source.fixAll` action with the real linter, whose fixes may need several rounds.
final class FixAllActionTests: XCTestCase {
  private let uri = "file:///fixall/Dockerfile"

  private func fixAllEdits(_ text: String) -> [JSONValue] {
    let client = TestClient.inProcess(analysis: AnalysisProviders())
    client.initialize()
    client.open(uri, text)
    _ = client.nextDiagnostics(uri)
    let response = client.call("textDocument/codeAction", [
      "textDocument": LSP.textDocument(uri), "range": LSP.range(0, 0, 0, 0),
      "context": ["diagnostics": [], "only": ["source.fixAll"]],
    ])
    let actions = response?["result"]?.arrayValue ?? []
    return actions.first?["edit"]?["changes"]?[uri]?.arrayValue ?? []
  }

  func testSeveralRoundsBecomeOneEdit() {
    let text = "FROM alpine\nWORKDIR /w\nRUN wget https://x.example/a.tgz && wget https://x.example/b.zip && tar xzf a.tgz && unzip b.zip\n"
    let edits = fixAllEdits(text)
    XCTAssertEqual(edits, [["range": LSP.range(2, 96, 2, 96), "newText": " && rm -f /w/a.tgz && rm -f /w/b.zip"]])
  }

  func testOneRoundKeepsSeparateEdits() {
    let edits = fixAllEdits("FROM alpine\nRUN useradd a && useradd b\n")
    XCTAssertEqual(edits, [
      ["range": LSP.range(1, 11, 1, 11), "newText": " -l"],
      ["range": LSP.range(1, 24, 1, 24), "newText": " -l"],
    ])
  }

  func testCleanDocumentHasNoFixAll() {
    XCTAssertEqual(fixAllEdits("FROM scratch\nCOPY a /a\n"), [])
  }
}
