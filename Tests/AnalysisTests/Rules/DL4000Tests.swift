import XCTest
@testable import Analysis

final class DL4000Tests: XCTestCase {
  func testMaintainerIsReported() {
    assertFindings(DL4000.self, "FROM debian\n1️⃣MAINTAINER Jane Doe <jane@example.com>2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`MAINTAINER` is deprecated; use `LABEL org.opencontainers.image.authors`")])
  }

  func testFixWritesLabel() {
    assertFix(DL4000.self, before: "FROM debian\nMAINTAINER Jane Doe <jane@example.com>\n",
              after: "FROM debian\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\n",
              title: "Replace with `LABEL org.opencontainers.image.authors`")
  }

  func testFixEscapesQuotesDollarAndBackslash() {
    assertFix(DL4000.self, before: "FROM debian\nMAINTAINER Jane \"JD\" $HOME C:\\x\n",
              after: "FROM debian\nLABEL org.opencontainers.image.authors=\"Jane \\\"JD\\\" \\$HOME C:\\\\x\"\n")
  }

  func testFixUsesBacktickEscape() {
    assertFix(DL4000.self, before: "# escape=`\nFROM debian\nMAINTAINER Jane \"JD\" C:\\x `y\n",
              after: "# escape=`\nFROM debian\nLABEL org.opencontainers.image.authors=\"Jane `\"JD`\" C:\\x ``y\"\n")
  }

  func testFixJoinsContinuationAndKeepsCRLF() {
    assertFix(DL4000.self, before: "FROM debian\r\nmaintainer Jane \\\r\n Doe\r\nRUN x\r\n",
              after: "FROM debian\r\nlabel org.opencontainers.image.authors=\"Jane  Doe\"\r\nRUN x\r\n")
  }

  func testLabelIsFine() {
    assertNoFindings(DL4000.self, "FROM debian\nLABEL maintainer=\"Jane\"\nONBUILD MAINTAINER me\n")
  }
}
