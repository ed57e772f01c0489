import Analysis
import XCTest

final class FoldingRangeProviderTests: XCTestCase {
  func testStagesContinuationsHeredocsAndCommentRuns() {
    let text = """
      # first
      # second
      FROM alpine AS base
      RUN apk add \\
          curl \\
          git
      # lone comment
      RUN <<EOF
      echo one
      echo two
      EOF

      FROM base
      COPY <<-A /a
      	body
      	A

      """
    let regions = FoldingRangeProvider.regions(in: Document(text: text))
    XCTAssertEqual(regions, [
      FoldingRegion(startLine: 0, endLine: 1, kind: .comment),
      FoldingRegion(startLine: 2, endLine: 10),
      FoldingRegion(startLine: 3, endLine: 5),
      FoldingRegion(startLine: 7, endLine: 10),
      FoldingRegion(startLine: 12, endLine: 15),
      FoldingRegion(startLine: 13, endLine: 15),
    ])
  }

  func testCommentRunsSplitAtBlankLinesAndCRLF() {
    let text = "# a\r\n# b\r\n\r\n# c\r\nFROM x\r\n"
    XCTAssertEqual(FoldingRangeProvider.regions(in: Document(text: text)), [FoldingRegion(startLine: 0, endLine: 1, kind: .comment)])
  }
}
