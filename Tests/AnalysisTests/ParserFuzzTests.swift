import XCTest
@testable import Analysis

/// Feeds the parser random bytes built from Dockerfile syntax to check that it never traps,
/// stays lossless, and that the projection and the reparse run on whatever it produces.
final class ParserFuzzTests: XCTestCase {
  static let alphabet: [[UInt8]] = [
    "RUN ", "run ", "FROM a", "ONBUILD ", "HEALTHCHECK ", "CMD ", "COPY ", "ENV ", "LABEL ", "ARG ", "\n", "\r\n", "\r",
    "\\", "`", " ", "\t", "#", "# escape=`\n", "# syntax=x\n", "<<", "<<-", "EOF", "\tEOF\n", "'", "\"", "[", "]", ",",
    "{", "}", ":", "1", "1e999", "true", "--", "--x=", "=", "3", "$", "\u{FEFF}", "é", "\u{3000}", "\u{A0}",
  ].map { Array($0.utf8) } + [[0xFF], [0xC2], [0x85], [0xE2, 0x80], [0x00]]

  func testRandomInputsNeverTrap() {
    var generator = SplitMix64(seed: 42)
    for round in 0..<3000 {
      var bytes: [UInt8] = []
      let pieces = Int(generator.next(below: 40))
      for _ in 0..<pieces {
        bytes += Self.alphabet[Int(generator.next(below: UInt64(Self.alphabet.count)))]
      }
      let source = SourceText(bytes: bytes)
      let tree = DockerfileParser.parse(source)
      var position = 0
      for node in tree.nodes {
        XCTAssertEqual(node.range.lowerBound, position, "round \(round)")
        XCTAssertGreaterThan(node.range.upperBound, node.range.lowerBound, "round \(round)")
        position = node.range.upperBound
      }
      XCTAssertEqual(position, bytes.count, "round \(round)")
      for error in tree.errors {
        XCTAssertGreaterThanOrEqual(error.range.lowerBound, 0, "round \(round)")
        XCTAssertLessThanOrEqual(error.range.upperBound, bytes.count, "round \(round)")
        let covered = bytes[error.range.clamped(to: 0..<bytes.count)]
        // Ranges that span a continuation contain inner line breaks, but never end with one.
        XCTAssertFalse(covered.last == UInt8(ascii: "\n") || covered.last == UInt8(ascii: "\r"), "round \(round): error range ends with a line terminator")
        XCTAssertFalse(covered.first == UInt8(ascii: "\n") || covered.first == UInt8(ascii: "\r"), "round \(round): error range starts with a line terminator")
      }
      if case .success(let instructions) = BuildKitProjection.project(tree, source: source) {
        XCTAssertEqual(instructions.count, tree.instructions.count, "round \(round)")
      }
    }
  }
}
