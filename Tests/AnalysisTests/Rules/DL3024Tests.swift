import XCTest
@testable import Analysis

final class DL3024Tests: XCTestCase {
  func testDuplicateNameIsReported() {
    assertFindings(DL3024.self, "FROM a:1 AS build\nFROM b:1 AS 1️⃣build2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "The stage name `build` is already used by an earlier stage")])
  }

  func testNamesDifferingInCaseAreDuplicates() {
    assertFindings(DL3024.self, "FROM a:1 as Build\nFROM b:1 as 1️⃣BUILD2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testEachLaterDuplicateIsReported() {
    assertFindings(DL3024.self, "FROM a:1 AS x\nFROM a:1 AS 1️⃣x2️⃣\nFROM --platform=linux/amd64 a:1 AS 3️⃣x4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testUniqueNamesAreQuiet() {
    assertNoFindings(DL3024.self, "FROM a:1 AS x\nFROM a:1 AS y\nFROM a:1\nFROM a:1\n")
  }
}
