import Analysis
import XCTest
@testable import DockerLSP

final class PositionEncodingTests: XCTestCase {
  func testNegotiationPrefersUTF8() {
    XCTAssertEqual(LanguageServer.negotiatePositionEncoding(offered: ["utf-16", "utf-8"]), .utf8)
    XCTAssertEqual(LanguageServer.negotiatePositionEncoding(offered: ["utf-32", "utf-16"]), .utf16)
    XCTAssertEqual(LanguageServer.negotiatePositionEncoding(offered: ["utf-32"]), .utf32)
    XCTAssertEqual(LanguageServer.negotiatePositionEncoding(offered: []), .utf16)
    XCTAssertEqual(LanguageServer.negotiatePositionEncoding(offered: ["latin-1"]), .utf16)
  }

  func testInitializeReturnsNegotiatedEncoding() {
    let utf8Client = TestClient.inProcess()
    XCTAssertEqual(utf8Client.initialize(positionEncodings: ["utf-16", "utf-8"])?["capabilities"]?["positionEncoding"], "utf-8")
    let defaultClient = TestClient.inProcess()
    XCTAssertEqual(defaultClient.initialize()?["capabilities"]?["positionEncoding"], "utf-16")
  }

  /// A fake linter that flags the word `bad` wherever it appears.
  private static let flagsBad = AnalysisProviders(lint: { document in
    let bytes = document.source.bytes
    let word = Array("bad".utf8)
    guard bytes.count >= word.count else { return [] }
    return (0...(bytes.count - word.count)).filter { Array(bytes[$0..<($0 + word.count)]) == word }.map { start in
      Finding(ruleID: "DL9999", severity: .warning, range: start..<(start + word.count), message: "Avoid `bad`")
    }
  })

  /// "é" is 2 UTF-8 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 UTF-16 units.
  private let nonASCIIText = "FROM a\nLABEL x=\"é😀\" bad\n"

  func testDiagnosticRangeInUTF16() {
    let client = TestClient.inProcess(analysis: Self.flagsBad)
    client.initialize(positionEncodings: ["utf-16"])
    client.open("file:///u16", nonASCIIText)
    let diagnostics = client.nextDiagnostics("file:///u16")?["diagnostics"]?.arrayValue
    XCTAssertEqual(diagnostics?.count, 1)
    XCTAssertEqual(diagnostics?.first?["range"], LSP.range(1, 14, 1, 17))
  }

  func testDiagnosticRangeInUTF8() {
    let client = TestClient.inProcess(analysis: Self.flagsBad)
    client.initialize(positionEncodings: ["utf-8", "utf-16"])
    client.open("file:///u8", nonASCIIText)
    let diagnostics = client.nextDiagnostics("file:///u8")?["diagnostics"]?.arrayValue
    XCTAssertEqual(diagnostics?.count, 1)
    XCTAssertEqual(diagnostics?.first?["range"], LSP.range(1, 17, 1, 20))
  }

  func testIncrementalChangeInUTF16() {
    let client = TestClient.inProcess(extraRequestHandlers: TestRequests.all)
    client.initialize(positionEncodings: ["utf-16"])
    client.open("file:///c16", nonASCIIText)
    // Replace the emoji (UTF-16 columns 10 to 12) with "ok".
    client.change("file:///c16", version: 2, [LSP.edit(LSP.range(1, 10, 1, 12), "ok")])
    XCTAssertEqual(client.storedText("file:///c16"), "FROM a\nLABEL x=\"éok\" bad\n")
  }

  func testIncrementalChangeInUTF8() {
    let client = TestClient.inProcess(extraRequestHandlers: TestRequests.all)
    client.initialize(positionEncodings: ["utf-8"])
    client.open("file:///c8", nonASCIIText)
    // Replace the emoji (UTF-8 columns 11 to 15) with "ok".
    client.change("file:///c8", version: 2, [LSP.edit(LSP.range(1, 11, 1, 15), "ok")])
    XCTAssertEqual(client.storedText("file:///c8"), "FROM a\nLABEL x=\"éok\" bad\n")
  }

  func testCRLFPositionsSkipTerminator() {
    let client = TestClient.inProcess(analysis: Self.flagsBad, extraRequestHandlers: TestRequests.all)
    client.initialize()
    let uri = "file:///crlf"
    client.open(uri, "FROM a\r\nRUN bad\r\nRUN c\r\n")
    let diagnostics = client.nextDiagnostics(uri)?["diagnostics"]?.arrayValue
    XCTAssertEqual(diagnostics?.first?["range"], LSP.range(1, 4, 1, 7))

    // A column past the end of line 0 lands before its "\r\n", as LSP specifies.
    client.change(uri, version: 2, [
      LSP.edit(LSP.range(0, 99, 0, 99), "!"),
      LSP.edit(LSP.range(2, 0, 2, 0), "# note\r\n"),
    ])
    XCTAssertEqual(client.storedText(uri), "FROM a!\r\nRUN bad\r\n# note\r\nRUN c\r\n")
    let after = client.nextDiagnostics(uri)
    XCTAssertEqual(after?["version"], .int(2))
    XCTAssertEqual(after?["diagnostics"]?.arrayValue?.first?["range"], LSP.range(1, 4, 1, 7))
  }
}
