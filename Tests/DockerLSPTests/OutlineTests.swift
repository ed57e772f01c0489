import Analysis
import XCTest
@testable import DockerLSP

/// Document symbols and folding ranges over the protocol.
final class OutlineTests: XCTestCase {
  private let uri = "file:///outline/Dockerfile"

  private func makeClient(_ text: String, encodings: [String]? = nil, hierarchical: Bool = true) -> TestClient {
    let client = TestClient.inProcess(analysis: AnalysisProviders(lint: { _ in [] }))
    client.initialize(
      positionEncodings: encodings,
      capabilities: JSONObject([("textDocument", ["documentSymbol": ["hierarchicalDocumentSymbolSupport": .bool(hierarchical)]])]))
    client.open(uri, text)
    _ = client.nextDiagnostics(uri)
    return client
  }

  func testCapabilitiesAdvertiseOutlineFeatures() {
    let client = TestClient.inProcess(analysis: AnalysisProviders(lint: { _ in [] }))
    let capabilities = client.initialize()?["capabilities"]
    XCTAssertEqual(capabilities?["documentSymbolProvider"], true)
    XCTAssertEqual(capabilities?["foldingRangeProvider"], true)
  }

  func testDocumentSymbolsInUTF16() {
    // "é" is 2 UTF-8 bytes and 1 UTF-16 unit, so the columns after it differ by encoding.
    let client = makeClient("ARG V=é\nFROM alpine AS build\nLABEL é=1 k=2\n")
    let result = client.call("textDocument/documentSymbol", ["textDocument": LSP.textDocument(uri)])?["result"]
    XCTAssertEqual(result, [
      ["name": "V", "kind": 13, "range": LSP.range(0, 0, 0, 7), "selectionRange": LSP.range(0, 4, 0, 5), "detail": "ARG"],
      [
        "name": "build", "detail": "alpine", "kind": 5, "range": LSP.range(1, 0, 2, 13), "selectionRange": LSP.range(1, 15, 1, 20),
        "children": [
          ["name": "é", "detail": "LABEL", "kind": 7, "range": LSP.range(2, 0, 2, 13), "selectionRange": LSP.range(2, 6, 2, 7)],
          ["name": "k", "detail": "LABEL", "kind": 7, "range": LSP.range(2, 0, 2, 13), "selectionRange": LSP.range(2, 10, 2, 11)],
        ],
      ],
    ])
  }

  func testClientWithoutHierarchyGetsFlatSymbols() {
    let client = makeClient("ARG V=é\nFROM alpine AS build\nLABEL é=1 k=2\n", hierarchical: false)
    let result = client.call("textDocument/documentSymbol", ["textDocument": LSP.textDocument(uri)])?["result"]
    let location = { (range: JSONValue) -> JSONValue in ["uri": .string(self.uri), "range": range] }
    XCTAssertEqual(result, [
      ["name": "V", "kind": 13, "location": location(LSP.range(0, 0, 0, 7))],
      ["name": "build", "kind": 5, "location": location(LSP.range(1, 0, 2, 13))],
      ["name": "é", "kind": 7, "location": location(LSP.range(2, 0, 2, 13)), "containerName": "build"],
      ["name": "k", "kind": 7, "location": location(LSP.range(2, 0, 2, 13)), "containerName": "build"],
    ])
  }

  func testDocumentSymbolsInUTF8() {
    let client = makeClient("FROM alpine\nLABEL é=1 k=2\n", encodings: ["utf-8"])
    let result = client.call("textDocument/documentSymbol", ["textDocument": LSP.textDocument(uri)])?["result"]
    let children = result?.arrayValue?.first?["children"]?.arrayValue
    XCTAssertEqual(children?.map { $0["selectionRange"] }, [LSP.range(1, 6, 1, 8), LSP.range(1, 11, 1, 12)])
  }

  func testFoldingRanges() {
    let client = makeClient("# a\n# b\nFROM alpine\nRUN a \\\n  b\nRUN <<EOF\nx\nEOF\n")
    let result = client.call("textDocument/foldingRange", ["textDocument": LSP.textDocument(uri)])?["result"]
    XCTAssertEqual(result, [
      ["startLine": 0, "endLine": 1, "kind": "comment"],
      ["startLine": 2, "endLine": 7],
      ["startLine": 3, "endLine": 4],
      ["startLine": 5, "endLine": 7],
    ])
  }

  func testRequestsForClosedDocumentsAreEmpty() {
    let client = makeClient("FROM alpine\n")
    let params: JSONValue = ["textDocument": LSP.textDocument("file:///other")]
    XCTAssertEqual(client.call("textDocument/documentSymbol", params)?["result"], [])
    XCTAssertEqual(client.call("textDocument/foldingRange", params)?["result"], [])
  }
}
