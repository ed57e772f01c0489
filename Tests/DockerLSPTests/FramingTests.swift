import XCTest
@testable import DockerLSP

final class FramingTests: XCTestCase {
  private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  /// Inputs whose first frame is complete, with the body each must yield.
  func testCompleteFrames() throws {
    let cases: [(name: String, input: String, body: String)] = [
      ("plain", "Content-Length: 2\r\n\r\n{}", "{}"),
      ("lower-case name", "content-length: 2\r\n\r\n{}", "{}"),
      ("mixed case and spaces", "CONTENT-length:   2  \r\n\r\n{}", "{}"),
      ("with content type", "Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}", "{}"),
      ("content type first", "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}", "{}"),
      ("empty body", "Content-Length: 0\r\n\r\n", ""),
      ("extra bytes after body", "Content-Length: 2\r\n\r\n{}Content-", "{}"),
      ("non-ASCII body counts bytes", "Content-Length: 4\r\n\r\n\"é\"", "\"é\""),
    ]
    for testCase in cases {
      let input = bytes(testCase.input)
      let range = try XCTUnwrap(try Framing.nextBody(in: input), testCase.name)
      XCTAssertEqual(String(decoding: input[range], as: UTF8.self), testCase.body, testCase.name)
    }
  }

  /// Inputs that are a prefix of a valid frame: the parser must ask for more bytes.
  func testPartialFramesReturnNil() throws {
    let cases = [
      "",
      "Content-Len",
      "Content-Length: 10",
      "Content-Length: 10\r\n",
      "Content-Length: 10\r\n\r",
      "Content-Length: 10\r\n\r\n",
      "Content-Length: 10\r\n\r\n{\"a\":",
    ]
    for input in cases {
      XCTAssertNil(try Framing.nextBody(in: bytes(input)), "input: \(input.debugDescription)")
    }
  }

  func testTwoMessagesInOneBuffer() throws {
    let input = Framing.frame(bytes("{\"a\":1}")) + Framing.frame(bytes("[2]"))
    let first = try XCTUnwrap(try Framing.nextBody(in: input))
    XCTAssertEqual(String(decoding: input[first], as: UTF8.self), "{\"a\":1}")
    let second = try XCTUnwrap(try Framing.nextBody(in: input, from: first.upperBound))
    XCTAssertEqual(String(decoding: input[second], as: UTF8.self), "[2]")
    XCTAssertEqual(second.upperBound, input.count)
    XCTAssertNil(try Framing.nextBody(in: input, from: second.upperBound))
  }

  /// Malformed headers, with the reason each must be rejected for.
  func testBadHeadersThrow() {
    let cases: [(input: String, reason: String)] = [
      ("Content-Length 2\r\n\r\n{}", "header line 'Content-Length 2' has no ':'"),
      ("Content-Length: abc\r\n\r\n", "Content-Length 'abc' is not a non-negative integer"),
      ("Content-Length: -1\r\n\r\n", "Content-Length '-1' is not a non-negative integer"),
      ("Content-Length: \r\n\r\n", "Content-Length '' is not a non-negative integer"),
      ("Content-Type: text/plain\r\n\r\n", "missing Content-Length"),
      ("\r\n\r\n", "header line '' has no ':'"),
      ("Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", "conflicting Content-Length headers 2 and 3"),
      ("garbage\r\n\r\n", "header line 'garbage' has no ':'"),
      ("{\"jsonrpc\":\"2.0\"}\r\n\r\n", "missing Content-Length"),
    ]
    for testCase in cases {
      XCTAssertThrowsError(try Framing.nextBody(in: bytes(testCase.input)), testCase.input) { error in
        XCTAssertEqual((error as? FramingError)?.reason, testCase.reason, testCase.input)
      }
    }
  }

  func testHugeLengthThrows() {
    let tooLarge = "Content-Length: \(Framing.maxContentLength + 1)\r\n\r\n"
    XCTAssertThrowsError(try Framing.nextBody(in: bytes(tooLarge))) { error in
      XCTAssertEqual(
        (error as? FramingError)?.reason,
        "Content-Length \(Framing.maxContentLength + 1) exceeds the maximum of \(Framing.maxContentLength) bytes")
    }
    let overflowing = "Content-Length: 99999999999999999999999\r\n\r\n"
    XCTAssertThrowsError(try Framing.nextBody(in: bytes(overflowing))) { error in
      XCTAssertEqual(
        (error as? FramingError)?.reason,
        "Content-Length 99999999999999999999999 exceeds the maximum of \(Framing.maxContentLength) bytes")
    }
  }

  func testLargeValidLengthWaitsForBody() throws {
    let input = bytes("Content-Length: \(Framing.maxContentLength)\r\n\r\n{}")
    XCTAssertNil(try Framing.nextBody(in: input))
  }

  func testEndlessHeaderThrows() {
    let input = [UInt8](repeating: UInt8(ascii: "x"), count: Framing.maxHeaderLength + 1)
    XCTAssertThrowsError(try Framing.nextBody(in: input)) { error in
      XCTAssertEqual((error as? FramingError)?.reason, "no blank line within the first \(Framing.maxHeaderLength) bytes")
    }
  }

  func testFrameWritesByteLength() {
    let framed = Framing.frame(bytes("\"é\""))
    XCTAssertEqual(String(decoding: framed, as: UTF8.self), "Content-Length: 4\r\n\r\n\"é\"")
  }
}
