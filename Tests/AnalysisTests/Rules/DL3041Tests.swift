import XCTest
@testable import Analysis

final class DL3041Tests: XCTestCase {
  func testUnpinnedPackageIsReportedAtItsWord() {
    assertFindings(DL3041.self, "FROM fedora\nRUN dnf install -y 1️⃣httpd2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `httpd`, as in `httpd-<version>`")])
  }

  func testMicrodnfDnf5AndAliasAreChecked() {
    assertFindings(DL3041.self, "FROM fedora\nRUN microdnf install -y 1️⃣httpd2️⃣ && dnf5 install -y 3️⃣git4️⃣ && dnf in -y 5️⃣vim6️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣"), FindingSpec("5️⃣", "6️⃣")])
  }

  func testDashHeuristic() {
    assertFindings(DL3041.self, "FROM fedora\nRUN dnf install -y 1️⃣python3-pip2️⃣ foo-bar-1.2 foo-1.2-3.el9 3️⃣epel-release4️⃣ 5️⃣python3.116️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣"), FindingSpec("5️⃣", "6️⃣")])
  }

  func testFilesAndComparisonsArePinned() {
    assertNoFindings(DL3041.self, "FROM fedora\nRUN dnf install -y x.rpm ./y.rpm 'httpd >= 2.4' 'git = 2.45'\n")
  }

  func testModulesAndGroups() {
    assertFindings(DL3041.self, "FROM fedora\nRUN dnf module install -y 1️⃣nodejs2️⃣ php:8.1 && dnf install -y 3️⃣@nodejs4️⃣ @php:8.1\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the stream of module `nodejs`, as in `nodejs:<stream>`"),
                    FindingSpec("3️⃣", "4️⃣")])
    assertNoFindings(DL3041.self, "FROM fedora\nRUN dnf group install -y 'Development Tools'\n")
  }

  func testOptionValuesAreNotPackages() {
    assertNoFindings(DL3041.self,
                     "FROM fedora\nRUN dnf install -y --setopt install_weak_deps=False --enablerepo crb --exclude kernel httpd-2.4.62\n")
  }

  func testYumIsNotThisRule() {
    assertNoFindings(DL3041.self, "FROM centos\nRUN yum install -y httpd\n")
  }

  func testHeredocContinuationAndWrapper() {
    assertFindings(DL3041.self, "FROM fedora\nRUN <<EOF\nsudo dnf install -y \\\n  1️⃣httpd2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOnbuildRunIsChecked() {
    assertFindings(DL3041.self, "FROM fedora\nONBUILD RUN dnf install -y 1️⃣httpd2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHasNoFix() {
    assertNoFix(DL3041.self, "FROM fedora\nRUN dnf install -y httpd\n")
  }
}
