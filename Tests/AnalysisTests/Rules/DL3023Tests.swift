import XCTest
@testable import Analysis

final class DL3023Tests: XCTestCase {
  func testOwnNameIsReported() {
    assertFindings(DL3023.self, "FROM a:1 AS app\nCOPY --from=1️⃣app2️⃣ /x /y\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`COPY --from=app` refers to the stage it is in")])
  }

  func testOwnNameInOtherCaseIsReported() {
    assertFindings(DL3023.self, "FROM a:1 AS App\nCOPY --from=1️⃣aPP2️⃣ /x /y\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOwnIndexIsReported() {
    assertFindings(DL3023.self, "FROM a:1\nFROM b:1\nCOPY --from=1️⃣12️⃣ /x /y\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testEarlierStageIsQuiet() {
    assertNoFindings(DL3023.self, "FROM a:1 AS app\nFROM b:1 AS web\nCOPY --from=app /x /y\nCOPY --from=0 /x /y\n")
  }
}
