import XCTest
@testable import Analysis

final class DL3046Tests: XCTestCase {
  let message = "`useradd` with a high UID and without `-l` makes the image much larger"

  func testHighUIDWithoutFlagIsReported() {
    assertFindings(DL3046.self, "FROM debian\nRUN 1️⃣useradd -u 1000000 app2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testRangeIsTheCommandInsideAChain() {
    assertFindings(DL3046.self, "FROM debian\nRUN groupadd app && 1️⃣useradd -u 123456 -g app app2️⃣ && true\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testLongUIDOptionIsChecked() {
    assertFindings(DL3046.self, "FROM debian\nRUN 1️⃣useradd --uid=1000000 app2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testShortUIDIsFine() {
    assertNoFindings(DL3046.self, "FROM debian\nRUN useradd -u 12345 app\n")
  }

  func testNoLogInitFlagIsFine() {
    assertNoFindings(DL3046.self, "FROM debian\nRUN useradd -l -u 1000000 app\n")
    assertNoFindings(DL3046.self, "FROM debian\nRUN useradd --no-log-init -u 1000000 app\n")
    assertNoFindings(DL3046.self, "FROM debian\nRUN useradd -lmu 1000000 app\n")
  }

  func testWithoutUIDIsFine() {
    assertNoFindings(DL3046.self, "FROM debian\nRUN useradd app\n")
  }

  func testFixAddsFlagAfterCommandName() {
    assertFix(DL3046.self,
              before: "FROM debian\nRUN useradd -u 1000000 app\n",
              after: "FROM debian\nRUN useradd -l -u 1000000 app\n",
              title: "Add `-l` to useradd")
  }

  func testFixAcrossContinuation() {
    assertFix(DL3046.self,
              before: "FROM debian\nRUN groupadd g \\\n && useradd \\\n    -u 1000000 app\n",
              after: "FROM debian\nRUN groupadd g \\\n && useradd -l \\\n    -u 1000000 app\n")
  }
}

final class DL3046WrapperTests: XCTestCase {
  func testSudoWrappedUseraddIsReportedAndFixed() {
    assertFindings(DL3046.self, "FROM debian\nRUN 1️⃣sudo useradd -u 1000000 app2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
    assertFix(DL3046.self,
              before: "FROM debian\nRUN sudo useradd -u 1000000 app\n",
              after: "FROM debian\nRUN sudo useradd -l -u 1000000 app\n")
  }
}
