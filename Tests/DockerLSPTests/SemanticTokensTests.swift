import Analysis
import XCTest
@testable import DockerLSP

/// Semantic tokens over the protocol.
final class SemanticTokensTests: XCTestCase {
  private let uri = "file:///tokens/Dockerfile"
  // "é" takes 2 UTF-8 bytes and 1 UTF-16 unit, so the variable's column differs by encoding.
  private let text = "FROM alpine AS b\nRUN echo é $X\n"

  private func makeClient(encodings: [String]? = nil) -> TestClient {
    let client = TestClient.inProcess(analysis: AnalysisProviders(lint: { _ in [] }))
    client.initialize(positionEncodings: encodings)
    client.open(uri, text)
    _ = client.nextDiagnostics(uri)
    return client
  }

  func testLegendIsAdvertised() {
    let client = TestClient.inProcess(analysis: AnalysisProviders(lint: { _ in [] }))
    let provider = client.initialize()?["capabilities"]?["semanticTokensProvider"]
    XCTAssertEqual(provider?["legend"]?["tokenTypes"], [
      "keyword", "variable", "parameter", "string", "comment", "operator", "property", "namespace", "macro",
    ])
    XCTAssertEqual(provider?["legend"]?["tokenModifiers"], ["declaration"])
    XCTAssertEqual(provider?["full"], true)
    XCTAssertEqual(provider?["range"], true)
  }

  func testFullTokensInUTF16AndUTF8() {
    let expectedPrefix: [JSONValue] = [0, 0, 4, 0, 0, 0, 12, 2, 0, 0, 0, 3, 1, 7, 1, 1, 0, 3, 0, 0]
    let utf16 = makeClient().call("textDocument/semanticTokens/full", ["textDocument": LSP.textDocument(uri)])?["result"]
    XCTAssertEqual(utf16?["data"], .array(expectedPrefix + [0, 11, 2, 1, 0]))
    let utf8 = makeClient(encodings: ["utf-8"]).call("textDocument/semanticTokens/full", ["textDocument": LSP.textDocument(uri)])?["result"]
    XCTAssertEqual(utf8?["data"], .array(expectedPrefix + [0, 12, 2, 1, 0]))
  }

  func testRangeTokens() {
    let client = makeClient()
    let result = client.call("textDocument/semanticTokens/range", ["textDocument": LSP.textDocument(uri), "range": LSP.range(1, 0, 1, 3)])?["result"]
    XCTAssertEqual(result?["data"], [1, 0, 3, 0, 0, 0, 11, 2, 1, 0])
  }
}
