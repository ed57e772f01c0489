import XCTest
@testable import Analysis

final class DL3032Tests: XCTestCase {
  let message = "Run `yum clean all` after `yum install` in the same `RUN`, or the yum cache stays in the layer"

  func testInstallWithoutCleanIsReported() {
    assertFindings(DL3032.self, "FROM centos:7\nRUN 1️⃣yum install -y httpd2️⃣\n", [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testFirstInstallAfterTheLastCleanIsReported() {
    assertFindings(DL3032.self, "FROM centos:7\nRUN yum install -y a && yum clean all && 1️⃣yum install -y b2️⃣ && yum install -y c\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testPartialCleanDoesNotCount() {
    assertFindings(DL3032.self, "FROM centos:7\nRUN 1️⃣yum install -y a2️⃣ && yum clean packages\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testBuilderStagesAndHeredocsAreChecked() {
    assertFindings(DL3032.self, "FROM centos:7 AS build\nRUN <<EOF\n1️⃣yum install -y gcc2️⃣\nEOF\nFROM scratch\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testCleanupsSatisfyTheRule() {
    for cleanup in ["yum clean all", "yum -q clean all", "rm -rf /var/cache/yum", "rm -rf /var/cache/yum/*", "rm -rf /var/cache/*"] {
      assertNoFindings(DL3032.self, "FROM centos:7\nRUN yum install -y httpd && \(cleanup)\n")
    }
    assertNoFindings(DL3032.self, "FROM centos:7\nRUN yum install -y httpd; yum clean all\n")
  }

  func testCacheMountsSatisfyTheRule() {
    assertNoFindings(DL3032.self, "FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n")
    assertNoFindings(DL3032.self, "FROM centos:7\nRUN --mount=type=tmpfs,target=/var/cache yum install -y httpd\n")
  }

  func testFixAppendsClean() {
    assertFix(DL3032.self, before: "FROM centos:7\nRUN yum install -y httpd\n",
              after: "FROM centos:7\nRUN yum install -y httpd && yum clean all\n", title: "Add `yum clean all`")
    assertFix(DL3032.self, before: "FROM centos:7\r\nRUN yum install -y \\\r\n      httpd\r\n",
              after: "FROM centos:7\r\nRUN yum install -y \\\r\n      httpd \\\r\n      && yum clean all\r\n")
  }

  func testNoFixAfterSemicolonList() {
    assertNoFix(DL3032.self, "FROM centos:7\nRUN yum install -y httpd; echo done\n")
  }
}
