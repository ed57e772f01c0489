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

  /// An index updated for an edit equals one built from the edited text: random edits over
  /// text made of line breaks of every kind, multi-byte characters and a byte order mark.
  func testUpdatedIndexEqualsRebuiltIndex() {
    let pieces: [[UInt8]] = [
      Array("\n".utf8), Array("\r".utf8), Array("\r\n".utf8), Array("ab".utf8), Array("RUN x".utf8),
      Array("é".utf8), Array("😀".utf8), [0xEF, 0xBB, 0xBF], Array("".utf8),
    ]
    var random = SplitMix64(seed: 42)
    func randomPieces(_ count: Int) -> [UInt8] {
      (0..<count).flatMap { _ in pieces[Int(random.next(below: UInt64(pieces.count)))] }
    }
    for round in 0..<400 {
      let skipsMark = round % 2 == 0
      var source = SourceText(bytes: (round % 3 == 0 ? [0xEF, 0xBB, 0xBF] : []) + randomPieces(Int(random.next(below: 30))), skipsByteOrderMark: skipsMark)
      for _ in 0..<8 {
        let lower = Int(random.next(below: UInt64(source.count + 1)))
        let upper = lower + Int(random.next(below: UInt64(min(6, source.count - lower) + 1)))
        let inserted = String(decoding: randomPieces(Int(random.next(below: 3))), as: UTF8.self)
        let edit = TextEdit(range: lower..<upper, newText: inserted)
        let updated = source.applying(edit)
        let rebuilt = SourceText(bytes: updated.bytes, skipsByteOrderMark: skipsMark)
        XCTAssertEqual(updated.lineIndex.lineStarts, rebuilt.lineIndex.lineStarts, "round \(round), \(edit)")
        XCTAssertEqual(updated.lineIndex.lineEnds, rebuilt.lineIndex.lineEnds, "round \(round), \(edit)")
        XCTAssertEqual(updated.lineIndex.byteOrderMarkLength, rebuilt.lineIndex.byteOrderMarkLength)
        for offset in 0...updated.count {
          XCTAssertEqual(updated.position(of: offset), rebuilt.position(of: offset), "round \(round), offset \(offset)")
        }
        source = updated
      }
    }
  }
}
