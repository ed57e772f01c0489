import Analysis
import XCTest

final class SemanticTokensProviderTests: XCTestCase {
  private func classified(_ text: String, range: Range<Int>? = nil) -> [String] {
    let document = Document(text: text)
    return SemanticTokensProvider.tokens(in: document, range: range).map { token in
      let marker = token.modifiers & SemanticTokensProvider.declaration != 0 ? "+" : ""
      return "\(token.type.name)\(marker) \(document.source[token.range])"
    }
  }

  func testInstructionsFlagsAndStages() {
    let text = """
      # syntax=docker/dockerfile:1
      # build stage
      ARG BASE=alpine
      FROM ${BASE} AS build
      RUN --mount=type=cache,from=build,target=/c echo "$HOME" '$NOT'
      from build
      COPY --from=BUILD --chown=$USER:app a b
      CMD ["run", "--fast"]
      ENV A=1 B=$A
      LABEL version=1
      RUN <<EOF
      echo $X
      EOF

      """
    XCTAssertEqual(classified(text), [
      "macro # syntax=docker/dockerfile:1",
      "comment # build stage",
      "keyword ARG", "variable+ BASE", "operator =",
      "keyword FROM", "variable ${BASE}", "keyword AS", "namespace+ build",
      "keyword RUN", "parameter --mount", "operator =", "property type", "string cache", "property from", "namespace build",
      "property target", "string /c", "variable $HOME",
      "keyword from", "namespace build",
      "keyword COPY", "parameter --from", "operator =", "namespace BUILD", "parameter --chown", "operator =", "variable $USER",
      "string :app",
      "keyword CMD", "string \"run\"", "string \"--fast\"",
      "keyword ENV", "variable+ A", "operator =", "variable+ B", "operator =", "variable $A",
      "keyword LABEL", "property version", "operator =",
      "keyword RUN", "operator <<EOF", "variable $X",
    ])
  }

  func testLegacyEnvContinuationAndOnbuild() {
    let text = "ENV PATH $PATH:/x\nRUN a \\\n  # inside\n  $B\nONBUILD RUN --network=none echo\n"
    XCTAssertEqual(classified(text), [
      "keyword ENV", "variable+ PATH", "variable $PATH",
      "keyword RUN", "comment # inside", "variable $B",
      "keyword ONBUILD", "keyword RUN", "parameter --network", "operator =", "string none",
    ])
  }

  func testQuotedHeredocBodyHasNoVariables() {
    XCTAssertEqual(classified("RUN <<'EOF'\necho $X\nEOF\n"), ["keyword RUN", "operator <<'EOF'"])
  }

  func testRangeLimitsTokensToIntersectingNodes() {
    let text = "FROM a\nRUN x\nRUN y\n"
    XCTAssertEqual(classified(text, range: 7..<12), ["keyword RUN"])
  }

  func testEncodingIsRelativeAndSplitsMultiLineTokens() {
    // The exec-form string spans a continuation, so it becomes one token per line.
    let text = "FROM é\nCMD [\"a\\\nb\"]\n"
    let document = Document(text: text)
    let tokens = SemanticTokensProvider.tokens(in: document)
    XCTAssertEqual(tokens.map(\.type), [.keyword, .keyword, .string])
    let data = SemanticTokensProvider.encode(tokens, in: document.source, encoding: .utf16)
    XCTAssertEqual(data, [
      0, 0, 4, 0, 0,
      1, 0, 3, 0, 0,
      0, 5, 3, 3, 0,
      1, 0, 2, 3, 0,
    ])
    let withModifiers = [SemanticToken(range: 5..<7, type: .namespace, modifiers: 1)]
    XCTAssertEqual(SemanticTokensProvider.encode(withModifiers, in: document.source, encoding: .utf16), [0, 5, 1, 7, 1])
    XCTAssertEqual(SemanticTokensProvider.encode(withModifiers, in: document.source, encoding: .utf8), [0, 5, 2, 7, 1])
  }

  func testLargeFileGivesTokensForEveryLine() {
    var text = "FROM alpine AS base\n"
    for index in 0..<5_000 { text += "RUN echo $V\(index) --flag\n" }
    let tokens = SemanticTokensProvider.tokens(in: Document(text: text))
    XCTAssertEqual(tokens.count, 3 + 5_000 * 2)
    let data = SemanticTokensProvider.encode(tokens, in: SourceText(text), encoding: .utf16)
    XCTAssertEqual(data.count, tokens.count * 5)
    XCTAssertEqual(Array(data.suffix(10)), [1, 0, 3, 0, 0, 0, 9, 6, 1, 0])
  }

  /// A keyword or flag split by a continuation with a comment line between its parts makes a
  /// token that contains the comment's token. Encoding leaves the inner one out instead of going
  /// back, which `UInt32` cannot hold.
  func testSplitKeywordAroundCommentEncodesForward() {
    for text in ["FROM alpine\nRUN --mo\\\n# c\nunt=type=cache,target=/x ls\n", "FROM alpine\nR\\\n# c\nUN echo hi\n", "r\\\n#\nL"] {
      let document = Document(text: text)
      let tokens = SemanticTokensProvider.tokens(in: document)
      let data = SemanticTokensProvider.encode(tokens, in: document.source, encoding: .utf16)
      XCTAssertEqual(data.count % 5, 0, text)
      XCTAssertFalse(data.isEmpty, text)
      // Decoded, every token lies inside one line of the text (all ASCII, so columns are bytes).
      var line = 0
      var column = 0
      for index in stride(from: 0, to: data.count, by: 5) {
        line += Int(data[index])
        column = data[index] == 0 ? column + Int(data[index + 1]) : Int(data[index + 1])
        let lines = document.source.lineIndex
        XCTAssertLessThan(line, lines.lineCount, text)
        XCTAssertLessThanOrEqual(column + Int(data[index + 2]), lines.lineEnds[line] - lines.lineStarts[line], text)
      }
    }
  }
}
