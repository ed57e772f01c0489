import XCTest
@testable import Analysis

/// Checks the word-at-a-time byte searches and the one-pass checks that the parser uses in place
/// of slower general code, against the simple versions.
final class ParserScanTests: XCTestCase {
  /// Bytes around the newline, including 0x0B right after it, which a borrow-based zero-byte
  /// test would also report.
  static let alphabet: [UInt8] = [0x0A, 0x0B, 0x09, 0x0D, 0x20, 0x3C, 0x61, 0x8A, 0xFF, 0x00]

  func testFirstIndexMatchesLinearSearch() {
    var generator = SplitMix64(seed: 1)
    for _ in 0..<2000 {
      let bytes = (0..<Int(generator.next(below: 40))).map { _ in Self.alphabet[Int(generator.next(below: 10))] }
      let start = Int(generator.next(below: UInt64(bytes.count + 1)))
      let end = start + Int(generator.next(below: UInt64(bytes.count - start + 1)))
      for target: UInt8 in [0x0A, 0x3C] {
        let expected = (start..<end).first { bytes[$0] == target } ?? end
        let found = bytes.withUnsafeBufferPointer { ByteSearch.firstIndex(of: target, in: $0, from: start, to: end) }
        XCTAssertEqual(found, expected, "\(bytes) \(start)..<\(end)")
      }
    }
  }

  func testHeredocProbeFindsAdjacentLessThans() {
    let cases: [(String, Bool)] = [
      ("RUN cat <<EOF", true), ("RUN a < b < c", false), ("RUN a <", false), ("<<", true), ("<", false),
      ("RUN 12345678<<", true), ("RUN 1234567<x<", false),
    ]
    for (text, expected) in cases {
      let bytes = Array(text.utf8)
      let found = bytes.withUnsafeBufferPointer { HeredocScanner.mayContainHeredoc($0, 0..<$0.count) }
      XCTAssertEqual(found, expected, text)
    }
  }

  /// BuildKit accepts a line of 65,536 bytes with its `\n`, or of 65,535 bytes at the end of
  /// the file, and rejects one byte more.
  func testLineLengthLimitBoundaries() {
    let limit = 65_536
    let prefix = "FROM a\n"
    let cases: [(content: Int, newline: String, rejected: Bool)] = [
      (limit - 1, "\n", false), (limit, "\n", true), (limit - 1, "", false), (limit, "", true),
      (limit - 1, "\r\n", true), (limit - 2, "\r\n", false),
    ]
    for (content, newline, rejected) in cases {
      let text = prefix + String(repeating: "a", count: content) + newline + (newline.isEmpty ? "" : "RUN b\n")
      let tree = DockerfileParser.parse(SourceText(text))
      let expected = rejected
        ? [SyntaxError(range: 7..<(7 + content), message: "dockerfile line greater than max allowed size of 65535", isFatal: true)]
        : []
      XCTAssertEqual(tree.fileErrors, expected, "content \(content) newline \(newline.debugDescription)")
    }
  }

  func testOnlyTheFirstTooLongLineIsReported() {
    let short = String(repeating: "b", count: 100)
    let long = String(repeating: "a", count: 70_000)
    let text = "FROM a\n" + Array(repeating: short, count: 700).joined(separator: "\n") + "\n" + long + "\n" + long + "\n"
    let start = text.utf8.count - 2 * (70_001)
    let tree = DockerfileParser.parse(SourceText(text))
    XCTAssertEqual(tree.fileErrors.map(\.range), [start..<(start + 70_000)])
  }

  /// The one-pass check for plain ENV and LABEL words may only accept arguments that the full
  /// split accepts, and must accept the usual plain forms.
  func testPlainCheckAgreesWithFullSplit() {
    let pieces = ["A", "b", "=", " ", "\t", "\u{0B}", "\n", "'", "\"", "\\", "`", "é", "\u{A0}", "1"]
    var generator = SplitMix64(seed: 3)
    var accepted = 0
    for round in 0..<5000 {
      var text = ""
      for _ in 0..<Int(generator.next(below: 12)) { text += pieces[Int(generator.next(below: UInt64(pieces.count)))] }
      let bytes = Array(text.utf8)
      for escape in [GoText.backslash, GoText.backtick] {
        bytes.withUnsafeBufferPointer { buffer in
          let range = GoText.trimSpaces(buffer, 0..<buffer.count)
          guard BuildKitWords.isPlainAndValid(buffer, range) else { return }
          accepted += 1
          if case .failure(let error) = BuildKitWords.nameValuePairs(buffer, range, escape: escape, keyword: "ENV") {
            XCTFail("round \(round): \(text.debugDescription) accepted, but the full split reports \(error.message)")
          }
        }
      }
    }
    XCTAssertGreaterThan(accepted, 500)
    for plain in ["A=1 b=2", "A 1 2", "A=", "", "LANG=C.UTF-8\tPATH=/bin"] {
      let bytes = Array(plain.utf8)
      XCTAssertTrue(bytes.withUnsafeBufferPointer { BuildKitWords.isPlainAndValid($0, 0..<$0.count) }, plain)
    }
    for invalid in ["A=1 b", "A", "A=1 \"b\"=2"] {
      let bytes = Array(invalid.utf8)
      XCTAssertFalse(bytes.withUnsafeBufferPointer { BuildKitWords.isPlainAndValid($0, 0..<$0.count) }, invalid)
    }
  }
}
