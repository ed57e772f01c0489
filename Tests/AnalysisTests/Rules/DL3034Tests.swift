import XCTest
@testable import Analysis

final class DL3034Tests: XCTestCase {
  func testInstallWithoutSwitchIsReported() {
    assertFindings(DL3034.self, "FROM opensuse/leap\nRUN 1️⃣zypper in curl2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`zypper in` without `-n` aborts at the confirmation prompt")])
  }

  func testOtherConfirmingSubcommandsAreReported() {
    assertFindings(DL3034.self, "FROM opensuse/leap\nRUN 1️⃣zypper rm vim2️⃣ && 3️⃣zypper patch4️⃣ && 5️⃣sudo zypper si vim6️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣"), FindingSpec("5️⃣", "6️⃣")])
  }

  func testNameOptionAfterInstallIsNotNonInteractive() {
    assertFindings(DL3034.self, "FROM opensuse/leap\nRUN 1️⃣zypper install -n curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHeredocBodyIsChecked() {
    assertFindings(DL3034.self, "FROM opensuse/leap\nRUN <<EOF\n1️⃣zypper install curl2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testAcceptedSwitches() {
    for command in ["zypper -n install curl", "zypper --non-interactive in curl", "zypper -nq in curl", "zypper install -y curl",
                    "zypper in --no-confirm curl", "zypper install --non-interactive curl", "zypper refresh", "zypper up"] {
      assertNoFindings(DL3034.self, "FROM opensuse/leap\nRUN \(command)\n")
    }
  }

  func testFixInsertsGlobalSwitch() {
    assertFix(DL3034.self, before: "FROM opensuse/leap\nRUN sudo zypper --quiet install curl\n",
              after: "FROM opensuse/leap\nRUN sudo zypper -n --quiet install curl\n", title: "Add `-n`")
  }

  func testRangeAndFixAcrossContinuationWithCRLF() {
    assertFindings(DL3034.self, "FROM opensuse/leap\r\nRUN 1️⃣zypper \\\r\n  install curl2️⃣\r\n", [FindingSpec("1️⃣", "2️⃣")])
    assertFix(DL3034.self, before: "FROM opensuse/leap\r\nRUN zypper \\\r\n  install curl\r\n",
              after: "FROM opensuse/leap\r\nRUN zypper -n \\\r\n  install curl\r\n")
  }
}
