import Analysis
import XCTest
@testable import DockerLSP

final class DiagnosticsEncoderTests: XCTestCase {
  private let findings = [
    Finding(ruleID: "DL3006", severity: .warning, range: 0..<4, message: "Always tag the image version"),
    Finding(ruleID: "SC2086", severity: .style, range: 12..<17, message: "Quote \"$x\" to avoid\tsplitting \\ é"),
    Finding(ruleID: "DL1000", severity: .error, range: 20..<20, message: ""),
  ]
  private let source = SourceText("FROM a\nLABEL é=\"😀\" $x\nRUN b\n")

  /// The encoder must write the same JSON as building the notification from `JSONValue`s.
  func testEncoderMatchesJSONValuePath() throws {
    for encoding in PositionEncoding.allCases {
      let converter = LSPConverter(source: source, encoding: encoding)
      let body = DiagnosticsEncoder(converter: converter).notificationBody(uri: "file:///a\"b", version: 12, findings: findings)
      let expected = OutgoingMessage.notification(method: "textDocument/publishDiagnostics", params: [
        "uri": "file:///a\"b", "version": 12, "diagnostics": .array(findings.map(converter.diagnostic)),
      ])
      XCTAssertEqual(String(decoding: body, as: UTF8.self), expected.jsonText, "encoding \(encoding)")
    }
  }

  func testEncoderOmitsMissingVersion() throws {
    let converter = LSPConverter(source: source, encoding: .utf16)
    let body = DiagnosticsEncoder(converter: converter).notificationBody(uri: "file:///a", version: nil, findings: [])
    XCTAssertEqual(
      String(decoding: body, as: UTF8.self),
      #"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file:///a","diagnostics":[]}}"#)
  }

  func testWriteIntCoversSignsAndLimits() {
    for number in [0, 7, 10, 99, 100, -1, -10, 1_234_567, Int.max, Int.min] {
      var serializer = JSONSerializer()
      serializer.writeInt(number)
      XCTAssertEqual(String(decoding: serializer.bytes, as: UTF8.self), String(number))
    }
  }
}
