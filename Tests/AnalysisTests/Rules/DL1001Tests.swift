import XCTest
@testable import Analysis

final class DL1001Tests: XCTestCase {
  func testIgnorePragmaIsReported() {
    assertFindings(DL1001.self, "1️⃣# hadolint ignore=DL3006,DL30082️⃣\nFROM a\n  3️⃣#hadolint ignore = DL3007 # why4️⃣\nRUN x\n", [
      FindingSpec("1️⃣", "2️⃣", message: "The inline pragma ignoring `DL3006,DL3008` hides findings instead of fixing them"),
      FindingSpec("3️⃣", "4️⃣", message: "The inline pragma ignoring `DL3007` hides findings instead of fixing them"),
    ])
  }

  func testPragmaFormMatchesHadolint() {
    XCTAssertEqual(DL1001.ignoredCodes(" hadolint ignore=DL3006"), ["DL3006"])
    XCTAssertEqual(DL1001.ignoredCodes("\thadolint\tignore\t=\tDL3006 , SC2086  "), ["DL3006", "SC2086"])
    XCTAssertEqual(DL1001.ignoredCodes(" hadolint ignore=DL3006#reason"), ["DL3006"])
    XCTAssertNil(DL1001.ignoredCodes(" hadolint global ignore=DL3006"))
    XCTAssertNil(DL1001.ignoredCodes(" Hadolint ignore=DL3006"))
    XCTAssertNil(DL1001.ignoredCodes(" hadolint ignore="))
    XCTAssertNil(DL1001.ignoredCodes(" hadolint ignore=DL3006,"))
    XCTAssertNil(DL1001.ignoredCodes(" hadolint ignore=dl3006"))
    XCTAssertNil(DL1001.ignoredCodes(" hadolint ignore=DL3006 because"))
    XCTAssertNil(DL1001.ignoredCodes(" note: hadolint ignore=DL3006"))
    XCTAssertNil(DL1001.ignoredCodes(" hadolint shell=bash"))
  }

  func testCommentsInsideInstructionsAreQuiet() {
    assertNoFindings(DL1001.self, "FROM a\nRUN a \\\n  # hadolint ignore=DL3008\n  b\nRUN x # hadolint ignore=DL3009\n")
  }

  func testRuleIsOffByDefault() {
    XCTAssertFalse(DL1001.isEnabledByDefault)
    let findings = Linter().lint(Document(text: "# hadolint ignore=DL3006\nFROM a\n"))
    XCTAssertFalse(findings.contains { $0.ruleID == "DL1001" })
  }
}
