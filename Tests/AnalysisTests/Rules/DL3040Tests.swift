import XCTest
@testable import Analysis

final class DL3040Tests: XCTestCase {
  func testInstallWithoutCleanIsReported() {
    assertFindings(DL3040.self, "FROM fedora\nRUN 1️⃣dnf install -y httpd2️⃣\n", [FindingSpec(
      "1️⃣", "2️⃣", message: "Run `dnf clean all` after `dnf install` in the same `RUN`, or the cache stays in the layer")])
  }

  func testMicrodnfNeedsItsOwnClean() {
    assertFindings(DL3040.self, "FROM ubi9-minimal\nRUN 1️⃣microdnf install vim2️⃣ && dnf clean all\n", [FindingSpec(
      "1️⃣", "2️⃣", message: "Run `microdnf clean all` after `microdnf install` in the same `RUN`, or the cache stays in the layer")])
  }

  func testCleanBeforeInstallDoesNotCount() {
    assertFindings(DL3040.self, "FROM fedora\nRUN dnf clean all && 1️⃣dnf install -y vim2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHeredocBodyIsChecked() {
    assertFindings(DL3040.self, "FROM fedora\nRUN <<EOF\n1️⃣dnf install -y vim2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testCleanupsSatisfyTheRule() {
    for cleanup in ["dnf clean all", "rm -rf /var/cache/dnf", "rm -rf /var/cache/yum/*", "rm -rf /var/cache/dnf/*"] {
      assertNoFindings(DL3040.self, "FROM fedora\nRUN dnf install -y httpd && \(cleanup)\n")
    }
    assertNoFindings(DL3040.self, "FROM ubi9-minimal\nRUN microdnf install vim && microdnf clean all\n")
    assertNoFindings(DL3040.self, "FROM fedora\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd\n")
  }

  func testFixAppendsCleanOfTheSameTool() {
    assertFix(DL3040.self, before: "FROM ubi9-minimal\nRUN microdnf install vim\n",
              after: "FROM ubi9-minimal\nRUN microdnf install vim && microdnf clean all\n", title: "Add `microdnf clean all`")
    assertFix(DL3040.self, before: "FROM fedora\nRUN dnf install -y a && \\\n    dnf install -y b\n",
              after: "FROM fedora\nRUN dnf install -y a && \\\n    dnf install -y b && \\\n    dnf clean all\n")
  }

  func testFixWithCRLFAndBacktickEscape() {
    assertFix(DL3040.self, before: "# escape=`\r\nFROM fedora\r\nRUN dnf install -y a `\r\n && dnf install -y b\r\n",
              after: "# escape=`\r\nFROM fedora\r\nRUN dnf install -y a `\r\n && dnf install -y b `\r\n && dnf clean all\r\n")
  }

  func testNoFixInMultiLineHeredoc() {
    assertNoFix(DL3040.self, "FROM fedora\nRUN <<EOF\ndnf install -y a\ndnf install -y b\nEOF\n")
  }
}
