import XCTest
@testable import Analysis

final class DL3037Tests: XCTestCase {
  func testUnpinnedPackageIsReportedAtItsWord() {
    assertFindings(DL3037.self, "FROM opensuse/leap\nRUN zypper --non-interactive install 1️⃣curl2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `curl`, as in `curl=<version>`")])
  }

  func testAliasAndEachPackageAreReported() {
    assertFindings(DL3037.self, "FROM opensuse/leap\nRUN zypper -n in 1️⃣curl2️⃣ git=2.45 3️⃣vim4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testComparisonsAndFilesArePinned() {
    assertNoFindings(DL3037.self, "FROM opensuse/leap\nRUN zypper -n install curl=8.6.0 'git>=2.40' 'vim<10' 'bash > 5' /tmp/x.rpm y.rpm\n")
  }

  func testOptionValuesAreNotPackages() {
    assertNoFindings(DL3037.self, "FROM opensuse/leap\nRUN zypper -n install --from oss -r repo --repo other curl=8.6.0\n")
  }

  func testDashVersionIsNotAPin() {
    assertFindings(DL3037.self, "FROM opensuse/leap\nRUN zypper -n install 1️⃣curl-8.62️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOtherSubcommandsAreNotChecked() {
    assertNoFindings(DL3037.self, "FROM opensuse/leap\nRUN zypper -n refresh && zypper -n remove curl && zypper clean -a\n")
  }

  func testHeredocContinuationAndWrapper() {
    assertFindings(DL3037.self, "FROM opensuse/leap\nRUN <<EOF\nsudo zypper -n install \\\n  1️⃣curl2️⃣\nEOF\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOnbuildRunIsChecked() {
    assertFindings(DL3037.self, "FROM opensuse/leap\nONBUILD RUN zypper -n install 1️⃣curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHasNoFix() {
    assertNoFix(DL3037.self, "FROM opensuse/leap\nRUN zypper -n install curl\n")
  }
}
