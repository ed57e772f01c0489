import XCTest
@testable import Analysis

final class DL3012Tests: XCTestCase {
  let message = "Only the last `HEALTHCHECK` of a stage takes effect"

  func testSecondHealthcheckIsReported() {
    assertFindings(DL3012.self, "FROM a:1\nHEALTHCHECK CMD a\n1️⃣HEALTHCHECK CMD b2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testNoneCountsAsHealthcheck() {
    assertFindings(DL3012.self, "FROM a:1\nHEALTHCHECK NONE\n1️⃣HEALTHCHECK CMD b2️⃣\n3️⃣HEALTHCHECK NONE4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testRangeCoversContinuation() {
    assertFindings(DL3012.self, "FROM a:1\nHEALTHCHECK NONE\n1️⃣HEALTHCHECK \\\n  CMD b2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testStagesAreSeparate() {
    assertNoFindings(DL3012.self, "FROM a:1 AS base\nHEALTHCHECK CMD a\nFROM base\nHEALTHCHECK CMD b\n")
  }

  func testOnbuildIsNotCounted() {
    assertNoFindings(DL3012.self, "FROM a:1\nONBUILD HEALTHCHECK CMD a\nHEALTHCHECK CMD b\n")
  }

  func testFixRemovesEarlierLines() {
    assertFix(DL3012.self,
              before: "FROM a:1\nHEALTHCHECK CMD a\nRUN x\nHEALTHCHECK CMD b\n",
              after: "FROM a:1\nRUN x\nHEALTHCHECK CMD b\n",
              title: "Remove the earlier `HEALTHCHECK`")
  }

  func testFixRemovesAllEarlierOnes() {
    assertFix(DL3012.self,
              before: "FROM a:1\nHEALTHCHECK CMD a\nHEALTHCHECK \\\n  CMD b\nHEALTHCHECK CMD c\n",
              after: "FROM a:1\nHEALTHCHECK CMD c\n", findingIndex: 1)
  }

  func testFixKeepsCRLF() {
    assertFix(DL3012.self,
              before: "FROM a:1\r\nHEALTHCHECK CMD a\r\nHEALTHCHECK CMD b\r\n",
              after: "FROM a:1\r\nHEALTHCHECK CMD b\r\n")
  }
}
