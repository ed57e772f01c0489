import XCTest
@testable import Analysis

final class DL3061Tests: XCTestCase {
  func testInstructionBeforeFromIsReported() {
    assertFindings(DL3061.self, "# comment\nARG V=1\n1️⃣LABEL a=b2️⃣\nFROM a:$V\nLABEL c=d\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`LABEL` comes before the first `FROM`, where only `ARG` is allowed")])
  }

  func testEachInstructionIsReported() {
    assertFindings(DL3061.self, "1️⃣run a \\\n  b2️⃣\n3️⃣ENV x=14️⃣\nFROM a:1\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`RUN` comes before the first `FROM`, where only `ARG` is allowed"),
                    FindingSpec("3️⃣", "4️⃣")])
  }

  func testDirectivesCommentsAndArgsAreAllowed() {
    assertNoFindings(DL3061.self, "# syntax=docker/dockerfile:1\n# hello\n\nARG A\nARG B=2\nFROM a:1\nRUN x\n")
  }
}
