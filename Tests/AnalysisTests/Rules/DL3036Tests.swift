import XCTest
@testable import Analysis

final class DL3036Tests: XCTestCase {
  let message = "Run `zypper clean` after `zypper install` in the same `RUN`, or the zypper cache stays in the layer"

  func testInstallWithoutCleanIsReported() {
    assertFindings(DL3036.self, "FROM opensuse/leap\nRUN 1️⃣zypper -n in curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testCleanBeforeInstallDoesNotCount() {
    assertFindings(DL3036.self, "FROM opensuse/leap\nRUN zypper cc && 1️⃣zypper -n install curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHeredocBodyIsChecked() {
    assertFindings(DL3036.self, "FROM opensuse/leap\nRUN <<EOF\n1️⃣zypper -n install curl2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testCleanupsSatisfyTheRule() {
    for cleanup in ["zypper clean", "zypper cc", "zypper clean -a", "zypper -n clean --all", "rm -rf /var/cache/zypp/*"] {
      assertNoFindings(DL3036.self, "FROM opensuse/leap\nRUN zypper -n install curl && \(cleanup)\n")
    }
    assertNoFindings(DL3036.self, "FROM opensuse/leap\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n install curl\n")
  }

  func testFixAppendsClean() {
    assertFix(DL3036.self, before: "FROM opensuse/leap\nRUN zypper -n install curl\n",
              after: "FROM opensuse/leap\nRUN zypper -n install curl && zypper clean --all\n", title: "Add `zypper clean --all`")
  }

  func testNoFixAfterTrailingComment() {
    assertNoFix(DL3036.self, "FROM opensuse/leap\nRUN zypper -n install curl # tools\n")
  }

  func testFixOnContinuationLineWithCRLF() {
    assertFix(DL3036.self, before: "FROM opensuse/leap\r\nRUN zypper -n refresh \\\r\n && zypper -n install curl\r\n",
              after: "FROM opensuse/leap\r\nRUN zypper -n refresh \\\r\n && zypper -n install curl \\\r\n && zypper clean --all\r\n")
  }
}
