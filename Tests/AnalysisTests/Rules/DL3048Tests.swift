import XCTest
@testable import Analysis

final class DL3048Tests: XCTestCase {
  func testInvalidKeysAreReported() {
    assertFindings(DL3048.self, "FROM a:1\nLABEL 1️⃣Foo2️⃣=1 ok.key=2 3️⃣com.docker.x4️⃣=3 \\\n  5️⃣\"a_b\"6️⃣=4\n", [
      FindingSpec("1️⃣", "2️⃣", message: "Label key `Foo` should contain only lower-case letters, digits, `.` and `-`"),
      FindingSpec("3️⃣", "4️⃣", message: "Label key `com.docker.x` uses the namespace `com.docker.` that Docker reserves"),
      FindingSpec("5️⃣", "6️⃣", message: "Label key `a_b` should contain only lower-case letters, digits, `.` and `-`"),
    ])
  }

  func testLegacyFormKeyIsChecked() {
    assertFindings(DL3048.self, "FROM a:1\nLABEL 1️⃣Legacy2️⃣ some value\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testValidKeysVariablesAndOnbuildAreQuiet() {
    assertNoFindings(DL3048.self, "FROM a:1\nLABEL org.opencontainers.image.title=x version=1\nLABEL ${KEY}=1\nONBUILD LABEL Bad=1\n")
  }
}
