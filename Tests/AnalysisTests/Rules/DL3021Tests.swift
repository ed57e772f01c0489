import XCTest
@testable import Analysis

final class DL3021Tests: XCTestCase {
  func testDestinationWithoutSlashIsReported() {
    assertFindings(DL3021.self, "FROM debian\nCOPY a b 1️⃣/app2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Destination `/app` of a `COPY` with several sources must end with `/`")])
  }

  func testSingleSourceSlashAndVariablesAreFine() {
    assertNoFindings(DL3021.self, "FROM debian\nCOPY a /app\nCOPY a b /app/\nCOPY a b $DEST\nCOPY --from=build a b ./\n")
  }

  func testWindowsSeparatorEndsDirectory() {
    assertNoFindings(DL3021.self, "FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a.dll b.dll C:\\\\Windows\\\\System32\\\\\n")
  }

  func testFixAppendsSlash() {
    assertFix(DL3021.self, before: "FROM debian\nCOPY --chown=1:1 a b /app\n", after: "FROM debian\nCOPY --chown=1:1 a b /app/\n",
              title: "Add `/` to the destination")
  }

  func testFixInsideQuotes() {
    assertFix(DL3021.self, before: "FROM debian\nCOPY a b \"/my-app\"\n", after: "FROM debian\nCOPY a b \"/my-app/\"\n")
  }

  func testExecForm() {
    assertFindings(DL3021.self, "FROM debian\nCOPY [\"a\", \"b\", 1️⃣\"/app\"2️⃣]\n", [FindingSpec("1️⃣", "2️⃣")])
    assertFix(DL3021.self, before: "FROM debian\nCOPY [\"a\", \"b\", \"/app\"]\n", after: "FROM debian\nCOPY [\"a\", \"b\", \"/app/\"]\n")
  }

  func testContinuationAndHeredocSources() {
    assertFix(DL3021.self, before: "FROM debian\nCOPY a \\\n  b \\\n  /app\n", after: "FROM debian\nCOPY a \\\n  b \\\n  /app/\n")
    assertFindings(DL3021.self, "FROM debian\nCOPY <<A <<B 1️⃣/etc2️⃣\none\nA\ntwo\nB\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testFixInCRLFAndBacktickFiles() {
    assertFix(DL3021.self, before: "FROM debian\r\nCOPY a b /app\r\n", after: "FROM debian\r\nCOPY a b /app/\r\n")
    assertFix(DL3021.self, before: "# escape=`\nFROM debian\nCOPY a b `\n  C:\\app\n", after: "# escape=`\nFROM debian\nCOPY a b `\n  C:\\app/\n")
  }
}
