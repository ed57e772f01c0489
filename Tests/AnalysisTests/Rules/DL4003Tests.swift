import XCTest
@testable import Analysis

final class DL4003Tests: XCTestCase {
  let message = "Only the last `CMD` of a stage takes effect"

  func testSecondCmdIsReported() {
    assertFindings(DL4003.self, "FROM a:1\nCMD [\"a\"]\n1️⃣CMD b2️⃣\n", [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testStagesAreSeparate() {
    assertNoFindings(DL4003.self, "FROM a:1 AS one\nCMD a\nFROM a:1\nCMD b\n")
  }

  func testOnbuildIsNotCounted() {
    assertNoFindings(DL4003.self, "FROM a:1\nONBUILD CMD a\nCMD b\n")
  }

  func testFixRemovesEarlierCmd() {
    assertFix(DL4003.self,
              before: "FROM a:1\nCMD [\"a\"]\n# the real one\nCMD [\"b\"]\n",
              after: "FROM a:1\n# the real one\nCMD [\"b\"]\n",
              title: "Remove the earlier `CMD`")
  }

  func testFixRemovesEscapedContinuation() {
    assertFix(DL4003.self,
              before: "# escape=`\nFROM a:1\nCMD a `\n  b\nCMD c\n",
              after: "# escape=`\nFROM a:1\nCMD c\n")
  }

  func testManyDuplicatesKeepFixesBounded() {
    let text = "FROM a:1\n" + String(repeating: "CMD a\n", count: 200)
    let results = findings(of: DL4003.self, in: text)
    XCTAssertEqual(results.count, 199)
    XCTAssertEqual(results.last?.fixes.first?.edits.count, DuplicateInstructions.maximumRemovedInstructions)
    XCTAssertEqual(results.first?.fixes.first?.edits.count, 1)
  }
}
