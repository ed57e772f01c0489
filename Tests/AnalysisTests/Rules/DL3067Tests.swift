import XCTest
@testable import Analysis

final class DL3067Tests: XCTestCase {
  func testRootToRootIsReported() {
    assertFindings(DL3067.self, "FROM a:1 AS b\nFROM c:1\nCOPY --from=b 1️⃣/2️⃣ /\nCOPY --from=b /etc 3️⃣\"/\"4️⃣ /\n", [
      FindingSpec("1️⃣", "2️⃣", message: "Copying `/` of `b` to `/` copies its whole file system into this stage"),
      FindingSpec("3️⃣", "4️⃣"),
    ])
  }

  func testExecFormIsChecked() {
    assertFindings(DL3067.self, "FROM a:1 AS b\nFROM c:1\nCOPY --from=b [1️⃣\"/\"2️⃣, \"/\"]\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testPartialCopiesAreQuiet() {
    assertNoFindings(DL3067.self, "FROM a:1 AS b\nFROM c:1\nCOPY --from=b /app /\nCOPY --from=b / /app\nCOPY / /\n")
  }
}
