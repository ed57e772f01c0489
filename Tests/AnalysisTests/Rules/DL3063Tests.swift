import XCTest
@testable import Analysis

final class DL3063Tests: XCTestCase {
  func testScratchAndContextAreReported() {
    assertFindings(DL3063.self, "FROM a:1 AS 1️⃣scratch2️⃣\nFROM a:1 AS 3️⃣context4️⃣\n", [
      FindingSpec("1️⃣", "2️⃣", message: "`scratch` is a reserved word and should not name a stage"),
      FindingSpec("3️⃣", "4️⃣", message: "`context` is a reserved word and should not name a stage"),
    ])
  }

  func testCaseIsIgnored() {
    assertFindings(DL3063.self, "FROM a:1 AS 1️⃣Scratch2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOtherNamesAndScratchBaseAreQuiet() {
    assertNoFindings(DL3063.self, "FROM scratch AS base\nFROM a:1 AS scratchpad\nFROM scratch\n")
  }
}
