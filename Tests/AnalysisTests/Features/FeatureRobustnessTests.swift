@testable import Analysis
import XCTest

/// Runs every editor feature over the corpus, at many offsets, to catch crashes and broken
/// invariants on real and malformed files.
final class FeatureRobustnessTests: XCTestCase {
  func testFeaturesHoldInvariantsOnCorpus() throws {
    for file in try CorpusFiles.load() {
      let document = Document(bytes: file.bytes)
      let count = file.bytes.count

      let tokens = SemanticTokensProvider.tokens(in: document)
      for (previous, token) in zip(tokens, tokens.dropFirst()) {
        XCTAssertLessThanOrEqual(previous.range.upperBound, token.range.lowerBound, "\(file.name): overlapping tokens at \(token.range)")
      }
      XCTAssertTrue(tokens.allSatisfy { $0.range.upperBound <= count }, "\(file.name): token past the end")
      for encoding in PositionEncoding.allCases {
        XCTAssertEqual(SemanticTokensProvider.encode(tokens, in: document.source, encoding: encoding).count % 5, 0)
      }

      for region in FoldingRangeProvider.regions(in: document) {
        XCTAssertLessThan(region.startLine, region.endLine, "\(file.name)")
      }
      for symbol in DocumentSymbolProvider.symbols(in: document) {
        XCTAssertLessThanOrEqual(symbol.range.lowerBound, symbol.selectionRange.lowerBound, "\(file.name): \(symbol.name)")
        XCTAssertLessThanOrEqual(symbol.selectionRange.upperBound, symbol.range.upperBound, "\(file.name): \(symbol.name)")
        for child in symbol.children {
          XCTAssertLessThanOrEqual(symbol.range.lowerBound, child.range.lowerBound, "\(file.name): \(child.name)")
          XCTAssertLessThanOrEqual(child.range.upperBound, symbol.range.upperBound, "\(file.name): \(child.name)")
        }
      }

      let step = max(1, count / 25)
      for offset in stride(from: 0, through: count, by: step) {
        for candidate in CompletionProvider.completions(in: document, at: offset) {
          XCTAssertLessThanOrEqual(candidate.replaceRange.lowerBound, offset, "\(file.name) at \(offset)")
          XCTAssertLessThanOrEqual(offset, candidate.replaceRange.upperBound, "\(file.name) at \(offset)")
        }
        if let target = NavigationProvider.definition(in: document, at: offset) {
          XCTAssertLessThanOrEqual(target.upperBound, count)
        }
        for reference in NavigationProvider.references(in: document, at: offset, includeDeclaration: true) {
          XCTAssertLessThanOrEqual(reference.upperBound, count)
        }
      }
      XCTAssertTrue(DocumentFormatter.edits(for: document).allSatisfy { $0.range.upperBound <= count })
    }
  }

  /// Random inputs built from Dockerfile syntax, with every feature run at every offset.
  func testFeaturesNeverTrapOnRandomInputs() {
    var generator = SplitMix64(seed: 7)
    let alphabet = ParserFuzzTests.alphabet + [
      "AS ", "b", "${", "--from=", "--mount=type=cache,from=", "FROM b AS c\n", "ARG X=1\n", "ENV Y $X\n",
    ].map { Array($0.utf8) }
    for round in 0..<400 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(generator.next(below: 30)) {
        bytes += alphabet[Int(generator.next(below: UInt64(alphabet.count)))]
      }
      let document = Document(bytes: bytes)
      let tokens = SemanticTokensProvider.tokens(in: document)
      for encoding in PositionEncoding.allCases {
        XCTAssertEqual(SemanticTokensProvider.encode(tokens, in: document.source, encoding: encoding).count % 5, 0, "round \(round)")
      }
      _ = FoldingRangeProvider.regions(in: document)
      _ = DocumentSymbolProvider.symbols(in: document)
      let edits = DocumentFormatter.edits(for: document)
      XCTAssertTrue(edits.allSatisfy { $0.range.upperBound <= bytes.count }, "round \(round)")
      for offset in 0...bytes.count {
        _ = CompletionProvider.completions(in: document, at: offset)
        _ = NavigationProvider.highlights(in: document, at: offset)
        _ = RenameProvider.rename(in: document, at: offset, to: "renamed")
      }
    }
  }
}
