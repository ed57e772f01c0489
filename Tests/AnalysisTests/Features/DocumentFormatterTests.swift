import Analysis
import XCTest

final class DocumentFormatterTests: XCTestCase {
  private func format(_ text: String, indentUnit: String? = nil) -> String {
    let document = Document(text: text)
    return String(decoding: TextEdit.apply(DocumentFormatter.edits(for: document, indentUnit: indentUnit), to: document.source.bytes), as: UTF8.self)
  }

  /// A tie between the tab and six spaces falls back to four spaces.
  func testKeywordsSpacingIndentAndTrailingWhitespace() {
    let before = "from alpine   AS build  \nrun   apt-get update && \\\n\tapt-get install -y curl \\\n      git\t\ncopy  --from=build /a /b\n"
    let after = "FROM alpine   AS build\nRUN apt-get update && \\\n    apt-get install -y curl \\\n    git\nCOPY --from=build /a /b\n"
    XCTAssertEqual(format(before), after)
    XCTAssertEqual(format(after), after)
  }

  func testDominantIndentIsKept() {
    let before = "RUN a \\\n  b \\\n  c \\\n      d\n"
    XCTAssertEqual(format(before), "RUN a \\\n  b \\\n  c \\\n  d\n")
  }

  func testHeredocBodiesAndQuotedContinuationsAreUntouched() {
    let text = "run <<EOF  \n  indented   \n\tEOF\nEOF\nRUN echo \"a \\\n        b\" && x\\\ny\nCMD [\"a\",  \\\n \"b\"]\n"
    let expected = "RUN <<EOF\n  indented   \n\tEOF\nEOF\nRUN echo \"a \\\n        b\" && x\\\ny\nCMD [\"a\",  \\\n\t\"b\"]\n"
    XCTAssertEqual(format(text, indentUnit: "\t"), expected)
  }

  func testCRLFBacktickEscapeAndOnbuild() {
    let text = "# escape=`\r\nfrom x\r\nonbuild run a `\r\n  b  \r\n"
    XCTAssertEqual(format(text), "# escape=`\r\nFROM x\r\nONBUILD RUN a `\r\n  b\r\n")
  }

  func testEmbeddedCommentsAreIndentedAndKeywordContinuationKept() {
    let text = "RUN \\\n# note\n  apt-get update\n"
    XCTAssertEqual(format(text), "RUN \\\n  # note\n  apt-get update\n")
  }

  func testRangeFormattingKeepsOtherLines() {
    let text = "from a  \nrun b  \n"
    let document = Document(text: text)
    let edits = DocumentFormatter.edits(for: document, range: 9..<16)
    XCTAssertEqual(String(decoding: TextEdit.apply(edits, to: document.source.bytes), as: UTF8.self), "from a  \nRUN b\n")
  }

  func testRangeEndingAtLineStart() {
    let document = Document(text: "from a  \nrun b  \n")
    // The whole first line, up to the start of the second.
    let edits = DocumentFormatter.edits(for: document, range: 0..<9)
    XCTAssertEqual(String(decoding: TextEdit.apply(edits, to: document.source.bytes), as: UTF8.self), "FROM a\nrun b  \n")
  }

  /// Formatting every corpus file keeps BuildKit's view of it and formats to itself.
  func testCorpusKeepsProjectionAndIsIdempotent() throws {
    let corpus = try CorpusFiles.load()
    XCTAssertFalse(corpus.isEmpty)
    var changedFiles = 0
    for file in corpus {
      let document = Document(bytes: file.bytes)
      let formattedBytes = TextEdit.apply(DocumentFormatter.edits(for: document), to: file.bytes)
      if formattedBytes != file.bytes { changedFiles += 1 }
      let formatted = Document(bytes: formattedBytes)
      XCTAssertEqual(DocumentFormatter.edits(for: formatted), [], "\(file.name): formatting is not idempotent")

      let original = BuildKitProjection.project(document.tree, source: document.source)
      let reformatted = BuildKitProjection.project(formatted.tree, source: formatted.source)
      switch (original, reformatted) {
      case (.success(let old), .success(let new)):
        XCTAssertEqual(old.count, new.count, "\(file.name): instruction count changed")
        for (a, b) in zip(old, new) {
          XCTAssertEqual(a.cmd.lowercased(), b.cmd.lowercased(), "\(file.name) line \(a.startLine)")
          XCTAssertEqual(a.flags, b.flags, "\(file.name) line \(a.startLine)")
          XCTAssertEqual(a.value.map(Self.collapsingBlanks), b.value.map(Self.collapsingBlanks), "\(file.name) line \(a.startLine)")
          XCTAssertEqual(a.heredocs, b.heredocs, "\(file.name) line \(a.startLine)")
        }
      case (.failure(let old), .failure(let new)):
        XCTAssertEqual(old.message, new.message, "\(file.name)")
      default:
        XCTFail("\(file.name): formatting changed whether BuildKit accepts the file")
      }
    }
    XCTAssertGreaterThan(changedFiles, 0)
  }

  /// Collapses runs of spaces and tabs, because re-indenting a continuation line changes how many
  /// blanks separate two words in a shell-form value (the formatter never adds or removes a
  /// separation, and never touches blanks inside quotes).
  static func collapsingBlanks(_ text: String) -> String {
    var result = ""
    var previousBlank = false
    for character in text {
      let isBlank = character == " " || character == "\t"
      if isBlank && previousBlank { continue }
      result.append(isBlank ? " " : character)
      previousBlank = isBlank
    }
    return result
  }
}
