import XCTest
@testable import Analysis

final class DL4004Tests: XCTestCase {
  let message = "Only the last `ENTRYPOINT` of a stage takes effect"

  func testSecondEntrypointIsReported() {
    assertFindings(DL4004.self, "FROM a:1\nENTRYPOINT a\n1️⃣ENTRYPOINT [\"b\"]2️⃣\n", [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testStagesAreSeparate() {
    assertNoFindings(DL4004.self, "FROM a:1 AS one\nENTRYPOINT a\nFROM one\nENTRYPOINT b\n")
  }

  func testCmdAndEntrypointDoNotMix() {
    assertNoFindings(DL4004.self, "FROM a:1\nCMD a\nENTRYPOINT b\n")
  }

  func testFixRemovesEarlierEntrypoint() {
    assertFix(DL4004.self,
              before: "FROM a:1\n  ENTRYPOINT a\nENTRYPOINT b",
              after: "FROM a:1\nENTRYPOINT b",
              title: "Remove the earlier `ENTRYPOINT`")
  }
}
