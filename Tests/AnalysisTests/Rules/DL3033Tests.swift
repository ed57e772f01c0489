import XCTest
@testable import Analysis

final class DL3033Tests: XCTestCase {
  func testUnpinnedPackageIsReportedAtItsWord() {
    assertFindings(DL3033.self, "FROM centos\nRUN yum install -y 1️⃣httpd2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `httpd`, as in `httpd-<version>`")])
  }

  func testDashHeuristic() {
    assertFindings(DL3033.self,
                   "FROM centos\nRUN yum install -y 1️⃣python3-pip2️⃣ python3-pip-21.3.1 3️⃣gcc-c++4️⃣ foo-1:2.3 5️⃣foo-x86_646️⃣ foo-1.2.x86_64\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣"), FindingSpec("5️⃣", "6️⃣")])
  }

  func testFilesComparisonsAndModuleSpecsArePinned() {
    assertNoFindings(DL3033.self, "FROM centos\nRUN yum install -y x.rpm /tmp/y.rpm https://example.com/z.rpm 'httpd >= 2.4' @nodejs:18\n")
  }

  func testModuleInstallNeedsAStream() {
    assertFindings(DL3033.self, "FROM centos\nRUN yum module install -y 1️⃣nodejs2️⃣ php:8.1\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the stream of module `nodejs`, as in `nodejs:<stream>`")])
    assertNoFindings(DL3033.self, "FROM centos\nRUN yum module enable -y nodejs\n")
  }

  func testOptionValuesAreNotPackages() {
    assertNoFindings(DL3033.self, "FROM centos\nRUN yum install -y --enablerepo epel --exclude kernel --setopt=tsflags=nodocs httpd-2.4.6\n")
    assertFindings(DL3033.self, "FROM centos\nRUN yum -y install 1️⃣httpd2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testDnfIsNotThisRule() {
    assertNoFindings(DL3033.self, "FROM fedora\nRUN dnf install -y httpd\n")
  }

  func testHeredocContinuationAndWrapper() {
    assertFindings(DL3033.self, "FROM centos\nRUN <<EOF\nsudo yum install -y \\\n  1️⃣httpd2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOnbuildRunIsChecked() {
    assertFindings(DL3033.self, "FROM centos\nONBUILD RUN yum install -y 1️⃣httpd2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHasNoFix() {
    assertNoFix(DL3033.self, "FROM centos\nRUN yum install -y httpd\n")
  }
}
