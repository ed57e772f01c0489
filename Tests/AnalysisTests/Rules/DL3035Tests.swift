import XCTest
@testable import Analysis

final class DL3035Tests: XCTestCase {
  let message = "Do not run `zypper dist-upgrade` in a build, because its result depends on the day of the build"

  func testDistUpgradeIsReported() {
    assertFindings(DL3035.self, "FROM opensuse/leap\nRUN 1️⃣zypper -n dist-upgrade2️⃣ && 3️⃣zypper dup4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: message), FindingSpec("3️⃣", "4️⃣", message: message)])
  }

  func testHeredocBodyIsChecked() {
    assertFindings(DL3035.self, "FROM opensuse/leap\nRUN <<EOF\n1️⃣zypper -n dup2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOtherSubcommandsAreFine() {
    assertNoFindings(DL3035.self, "FROM opensuse/leap\nRUN zypper -n update && zypper -n patch && echo zypper dup\n")
  }

  func testNoFixIsOffered() {
    assertNoFix(DL3035.self, "FROM opensuse/leap\nRUN zypper -n dup\n")
  }

  func testRangeAcrossContinuationWithCRLF() {
    assertFindings(DL3035.self, "FROM opensuse/leap\r\nRUN 1️⃣zypper -n \\\r\n  dup2️⃣\r\n", [FindingSpec("1️⃣", "2️⃣")])
  }
}
