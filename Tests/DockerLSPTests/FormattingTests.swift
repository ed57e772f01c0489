import Analysis
import XCTest
@testable import DockerLSP

/// Document and range formatting over the protocol.
final class FormattingTests: XCTestCase {
  private let uri = "file:///format/Dockerfile"
  // "é" takes 2 UTF-8 bytes and 1 UTF-16 unit, so the trailing blanks' columns differ by encoding.
  private let text = "from alpine\nlabel a=é  \nrun a \\\n\tb\n"
  private let formatted = "FROM alpine\nLABEL a=é\nRUN a \\\n\tb\n"

  private func makeClient(encodings: [String]? = nil) -> TestClient {
    let client = TestClient.inProcess(analysis: AnalysisProviders(lint: { _ in [] }))
    client.initialize(positionEncodings: encodings)
    client.open(uri, text)
    _ = client.nextDiagnostics(uri)
    return client
  }

  private let options: JSONValue = ["tabSize": 4, "insertSpaces": true]

  func testCapabilities() {
    let client = TestClient.inProcess(analysis: AnalysisProviders(lint: { _ in [] }))
    let capabilities = client.initialize()?["capabilities"]
    XCTAssertEqual(capabilities?["documentFormattingProvider"], true)
    XCTAssertEqual(capabilities?["documentRangeFormattingProvider"], true)
  }

  func testFormattingInUTF16() {
    let client = makeClient()
    let edits = client.call("textDocument/formatting", ["textDocument": LSP.textDocument(uri), "options": options])?["result"]?.arrayValue ?? []
    XCTAssertEqual(edits, [
      ["range": LSP.range(0, 0, 0, 4), "newText": "FROM"],
      ["range": LSP.range(1, 0, 1, 5), "newText": "LABEL"],
      ["range": LSP.range(1, 9, 1, 11), "newText": ""],
      ["range": LSP.range(2, 0, 2, 3), "newText": "RUN"],
    ])
    XCTAssertEqual(LSP.apply(edits, to: text, encoding: .utf16), formatted)
  }

  func testFormattingInUTF8() {
    let client = makeClient(encodings: ["utf-8"])
    let edits = client.call("textDocument/formatting", ["textDocument": LSP.textDocument(uri), "options": options])?["result"]?.arrayValue ?? []
    XCTAssertEqual(edits.map { $0["range"] }[2], LSP.range(1, 10, 1, 12))
    XCTAssertEqual(LSP.apply(edits, to: text, encoding: .utf8), formatted)
  }

  func testRangeFormattingTouchesOnlyTheRange() {
    let client = makeClient()
    let edits = client.call("textDocument/rangeFormatting", [
      "textDocument": LSP.textDocument(uri), "range": LSP.range(2, 0, 3, 0), "options": options,
    ])?["result"]
    XCTAssertEqual(edits, [["range": LSP.range(2, 0, 2, 3), "newText": "RUN"]])
  }
}
