import XCTest
@testable import Analysis

final class DL3038Tests: XCTestCase {
  let message = "`dnf install` without `-y` aborts at the confirmation prompt"

  func testInstallWithoutYesIsReported() {
    assertFindings(DL3038.self, "FROM fedora\nRUN 1️⃣dnf install httpd2️⃣ && dnf clean all\n", [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testAliasesAndModuleInstallAreReported() {
    assertFindings(DL3038.self, "FROM fedora\nRUN 1️⃣dnf in vim2️⃣ && 3️⃣dnf5 module install nodejs:204️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testHeredocBodyIsChecked() {
    assertFindings(DL3038.self, "FROM fedora\nRUN <<EOF\n1️⃣dnf install vim2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testMicrodnfIsNotReported() {
    assertNoFindings(DL3038.self, "FROM registry.access.redhat.com/ubi9-minimal\nRUN microdnf install vim && microdnf clean all\n")
  }

  func testAcceptedSwitches() {
    assertNoFindings(DL3038.self, "FROM fedora\nRUN dnf install -y a && dnf -y install b && dnf install --assumeyes c && dnf remove d\n")
  }

  func testFixInsertsYes() {
    assertFix(DL3038.self, before: "FROM fedora\nRUN dnf module install nodejs:20\n",
              after: "FROM fedora\nRUN dnf module install -y nodejs:20\n", title: "Add `-y`")
  }

  func testRangeAndFixAcrossContinuationWithCRLF() {
    assertFindings(DL3038.self, "FROM fedora\r\nRUN 1️⃣dnf install \\\r\n    vim2️⃣\r\n", [FindingSpec("1️⃣", "2️⃣")])
    assertFix(DL3038.self, before: "FROM fedora\r\nRUN dnf install \\\r\n    vim\r\n",
              after: "FROM fedora\r\nRUN dnf install -y \\\r\n    vim\r\n")
  }
}
