import XCTest
@testable import Analysis

final class DL3066Tests: XCTestCase {
  func testUserNameIsReported() {
    assertFindings(DL3066.self, "FROM a:1\nUSER 1️⃣app2️⃣\nUSER 3️⃣app4️⃣:1000\n", [
      FindingSpec("1️⃣", "2️⃣", message: "`app` is not a numeric user ID, so tools outside the container cannot resolve it"),
      FindingSpec("3️⃣", "4️⃣"),
    ])
  }

  func testUndeclaredVariableIsReported() {
    assertFindings(DL3066.self, "ARG UID\nFROM a:1\nUSER 1️⃣$UIDX2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testNumericAndDeclaredArgumentsAreQuiet() {
    assertNoFindings(DL3066.self, "ARG APP_UID=10001\nFROM a:1\nUSER 1000\nUSER 1000:app\nUSER ${APP_UID}\nUSER $APP_UID:0\n")
  }

  func testVariableNamesAreParsed() {
    XCTAssertEqual(DL3066.referencedVariables("${A:-1}x$B_2"), ["A", "B_2"])
    XCTAssertEqual(DL3066.referencedVariables("plain"), [])
  }
}
