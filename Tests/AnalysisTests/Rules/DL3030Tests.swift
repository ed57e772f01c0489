import XCTest
@testable import Analysis

final class DL3030Tests: XCTestCase {
  let message = "`yum install` without `-y` aborts at the confirmation prompt"

  func testInstallWithoutYesIsReported() {
    assertFindings(DL3030.self, "FROM centos:7\nRUN 1️⃣yum install httpd2️⃣ && yum clean all\n", [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testOtherInstallFormsAreReported() {
    assertFindings(DL3030.self, "FROM centos:7\nRUN 1️⃣yum groupinstall Tools2️⃣ && 3️⃣sudo yum group install Tools4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testHeredocBodyIsChecked() {
    assertFindings(DL3030.self, "FROM centos:7\nRUN <<EOF\n1️⃣yum localinstall ./a.rpm2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testAcceptedSwitchesAndOtherSubcommands() {
    assertNoFindings(DL3030.self, "FROM centos:7\nRUN yum install -y a && yum -y install b && yum install --assumeyes c && yum -qy install d\n")
    assertNoFindings(DL3030.self, "FROM centos:7\nRUN yum remove a && yum makecache && yum --setopt=x=-y clean all\n")
  }

  func testFixInsertsYesAfterInstallWord() {
    assertFix(DL3030.self, before: "FROM centos:7\nRUN yum install httpd\n", after: "FROM centos:7\nRUN yum install -y httpd\n",
              title: "Add `-y`")
    assertFix(DL3030.self, before: "FROM centos:7\r\nRUN yum group \\\r\n  install Tools\r\n",
              after: "FROM centos:7\r\nRUN yum group \\\r\n  install -y Tools\r\n")
  }
}
