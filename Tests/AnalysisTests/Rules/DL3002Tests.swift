import XCTest
@testable import Analysis

final class DL3002Tests: XCTestCase {
  func testLastRootUserIsReported() {
    assertFindings(DL3002.self, "FROM a:1\nUSER app\nUSER 1️⃣root2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "The image runs as `root` because this is the last `USER` of the final stage")])
  }

  func testRootSpellingsAreReported() {
    for user in ["0", "root:root", "0:0", "root:wheel"] {
      assertFindings(DL3002.self, "FROM a:1\nUSER 1️⃣\(user)2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
    }
  }

  func testInheritedRootIsReported() {
    assertFindings(DL3002.self, "FROM a:1 AS base\nUSER 1️⃣root2️⃣\nFROM base\nRUN x\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "The image runs as `root` because the final stage inherits this `USER`")])
  }

  func testOwnUserOverridesInherited() {
    assertNoFindings(DL3002.self, "FROM a:1 AS base\nUSER root\nFROM base\nUSER app\n")
  }

  func testEarlierStagesAreNotChecked() {
    assertNoFindings(DL3002.self, "FROM a:1 AS build\nUSER root\nFROM a:1\nUSER app\n")
    assertNoFindings(DL3002.self, "FROM a:1 AS build\nUSER root\nFROM a:1\nRUN x\n")
  }

  func testNonRootUsersAreQuiet() {
    assertNoFindings(DL3002.self, "FROM a:1\nUSER root\nUSER app\n")
    assertNoFindings(DL3002.self, "FROM a:1\nUSER ROOT\n")
    assertNoFindings(DL3002.self, "FROM a:1\nUSER rootless\n")
    assertNoFindings(DL3002.self, "FROM a:1\nUSER 1000:0\n")
  }
}
