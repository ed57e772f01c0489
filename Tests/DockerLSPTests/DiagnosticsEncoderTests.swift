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

  /// A notification that copies from the memo of the last one equals one written from scratch,
  /// over random edits that add and remove lines, `\r` and multi-byte characters.
  func testMemoizedNotificationsEqualFreshOnes() {
    var document = Document(text: """
      FROM ubuntu\r
      RUN apt-get update && apt-get install -y curl\r
      LABEL é="😀"
      RUN cd /tmp && wget x
      FROM alpine AS b
      RUN apk add gcc
      COPY --from=a / /
      WORKDIR app
      """)
    let linter = Linter()
    let pieces = ["x", "\n", "\r", "\r\n", "é", "😀", "RUN ls\n", "FROM a\n", ""]
    var random: UInt64 = 11
    func next(_ bound: Int) -> Int {
      random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((random >> 33) % UInt64(bound))
    }
    for encoding in PositionEncoding.allCases {
      let memo = DiagnosticsMemo()
      var copied = 0
      for step in 0..<150 {
        let findings = linter.lint(document)
        let converter = LSPConverter(source: document.source, encoding: encoding)
        let memoized = DiagnosticsEncoder(converter: converter).notificationBody(uri: "file:///d", version: step, findings: findings, reusing: memo)
        let fresh = DiagnosticsEncoder(converter: converter).notificationBody(uri: "file:///d", version: step, findings: findings)
        XCTAssertEqual(String(decoding: memoized, as: UTF8.self), String(decoding: fresh, as: UTF8.self), "\(encoding), step \(step)")
        copied += memo.lastCopiedCount
        let lower = next(document.source.count + 1)
        let upper = min(document.source.count, lower + next(4))
        document.apply(TextEdit(range: lower..<upper, newText: pieces[next(pieces.count)]))
      }
      // Most diagnostics survive an edit, so most are copied.
      XCTAssertGreaterThan(copied, 500, "\(encoding)")
    }
  }
}
