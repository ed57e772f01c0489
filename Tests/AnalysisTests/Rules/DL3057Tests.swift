import XCTest
@testable import Analysis

final class DL3057Tests: XCTestCase {
  let message = "The image built by this stage has no `HEALTHCHECK`"

  func testStageWithoutHealthcheckIsReported() {
    assertFindings(DL3057.self, "1️⃣FROM a:12️⃣\nRUN x\n", [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testOnlyUnusedStagesAreChecked() {
    assertFindings(DL3057.self, "FROM a:1 AS build\nRUN make\n1️⃣FROM b:1 AS test2️⃣\n3️⃣FROM c:14️⃣\nCOPY --from=build /x /x\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testInheritedHealthcheckCounts() {
    assertNoFindings(DL3057.self, "FROM a:1 AS base\nHEALTHCHECK CMD x\nFROM base\nRUN y\n")
  }

  func testHealthcheckNoneCounts() {
    assertNoFindings(DL3057.self, "FROM a:1\nHEALTHCHECK NONE\n")
  }

  func testRuleIsOffByDefault() {
    XCTAssertFalse(DL3057.isEnabledByDefault)
  }
}
