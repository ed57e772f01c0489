import XCTest
@testable import Analysis

final class LineIndexTests: XCTestCase {
  func testCRLFLineTerminatorsExcludedFromLines() {
    let source = SourceText("FROM a\r\nRUN b\r\n")
    XCTAssertEqual(source.lineIndex.lineCount, 3)
    XCTAssertEqual(source.position(of: 6), Position(line: 0, character: 6))
    XCTAssertEqual(source.position(of: 7), Position(line: 0, character: 6))
    XCTAssertEqual(source.position(of: 8), Position(line: 1, character: 0))
  }

  func testLoneCarriageReturnEndsLine() {
    let source = SourceText("FROM a\rRUN b")
    XCTAssertEqual(source.position(of: 7), Position(line: 1, character: 0))
    XCTAssertEqual(source.offset(of: Position(line: 1, character: 3)), 10)
  }

  func testUTF16ColumnsAfterNonASCII() {
    // "é" is 2 UTF-8 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 UTF-16 units.
    let source = SourceText("LABEL a=é😀b")
    let offsetOfB = Array("LABEL a=é😀".utf8).count
    XCTAssertEqual(source.position(of: offsetOfB, encoding: .utf16), Position(line: 0, character: 11))
    XCTAssertEqual(source.position(of: offsetOfB, encoding: .utf8), Position(line: 0, character: offsetOfB))
    XCTAssertEqual(source.position(of: offsetOfB, encoding: .utf32), Position(line: 0, character: 10))
    XCTAssertEqual(source.offset(of: Position(line: 0, character: 11), encoding: .utf16), offsetOfB)
  }

  func testByteOrderMarkTakesNoColumnWhenSkipped() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("FROM a".utf8)
    let fromDisk = SourceText(bytes: bytes, skipsByteOrderMark: true)
    XCTAssertEqual(fromDisk.position(of: 3), Position(line: 0, character: 0))
    XCTAssertEqual(fromDisk.offset(of: Position(line: 0, character: 0)), 3)
    let fromEditor = SourceText(bytes: bytes)
    XCTAssertEqual(fromEditor.position(of: 3), Position(line: 0, character: 1))
  }

  func testColumnPastLineEndClampsToContent() {
    let source = SourceText("ab\r\ncd")
    XCTAssertEqual(source.offset(of: Position(line: 0, character: 99)), 2)
    XCTAssertEqual(source.offset(of: Position(line: 9, character: 0)), 6)
    XCTAssertNil(source.offset(of: Position(line: -1, character: 0)))
  }
}
