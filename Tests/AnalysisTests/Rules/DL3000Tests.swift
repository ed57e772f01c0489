import XCTest
@testable import Analysis

final class DL3000Tests: XCTestCase {
  func testRelativePathIsReported() {
    assertFindings(DL3000.self, "FROM debian\nWORKDIR 1️⃣app2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`WORKDIR app` is relative; use an absolute path")])
  }

  func testDotAndQuotedRelativePathsAreReported() {
    assertFindings(DL3000.self, "FROM debian\nWORKDIR 1️⃣.2️⃣\nWORKDIR 3️⃣\"src/app\"4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣", message: "`WORKDIR \"src/app\"` is relative; use an absolute path")])
  }

  func testAbsolutePathsAreFine() {
    assertNoFindings(DL3000.self, "FROM debian\nWORKDIR /app\nWORKDIR \"/usr/src/app\"\nWORKDIR '/srv'\n")
  }

  func testVariablesAreFine() {
    assertNoFindings(DL3000.self, "FROM debian\nWORKDIR $HOME/x\nWORKDIR ${APP_DIR}\n")
  }

  func testWindowsPathsAreFine() {
    assertNoFindings(DL3000.self, "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\nWORKDIR c:/app\n")
  }

  func testRangeSpansContinuation() {
    assertFindings(DL3000.self, "FROM debian\nWORKDIR \\\n  1️⃣app2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testEmptyWorkdirIsLeftToTheParser() {
    assertNoFindings(DL3000.self, "FROM debian\nWORKDIR\n")
  }
}
