import XCTest
@testable import Analysis

final class DL3027Tests: XCTestCase {
  let message = "Use `apt-get` or `apt-cache` instead of `apt`, whose command-line interface is not stable for scripts"

  // MARK: - Where it fires

  func testEveryAptCommandIsReported() {
    assertFindings(DL3027.self, "FROM debian\nRUN 1️⃣apt update2️⃣ && 3️⃣apt install -y curl4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: message), FindingSpec("3️⃣", "4️⃣", message: message)])
  }

  func testSubcommandsWithoutAptGetEquivalentAreReported() {
    assertFindings(DL3027.self, "FROM debian\nRUN 1️⃣apt list --installed2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testWrappedAptIsReported() {
    assertFindings(DL3027.self, "FROM debian\nRUN 1️⃣sudo apt install -y curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHeredocBodyIsChecked() {
    assertFindings(DL3027.self, "FROM debian\nRUN <<EOF\n1️⃣apt update2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  // MARK: - Where it must not fire

  func testAptGetAndAptCacheAreFine() {
    assertNoFindings(DL3027.self, "FROM debian\nRUN apt-get update && apt-cache policy curl && echo apt\n")
  }

  // MARK: - The fix

  func testFixRenamesApt() {
    assertFix(DL3027.self, before: "FROM debian\nRUN apt update && apt install -y curl\n",
              after: "FROM debian\nRUN apt-get update && apt install -y curl\n", title: "Use `apt-get`")
    assertFix(DL3027.self, before: "FROM debian\nRUN apt update && apt install -y curl\n",
              after: "FROM debian\nRUN apt update && apt-get install -y curl\n", findingIndex: 1)
  }

  func testFixKeepsPathAndContinuation() {
    assertFix(DL3027.self, before: "FROM debian\r\nRUN /usr/bin/apt \\\r\n  install -y curl\r\n",
              after: "FROM debian\r\nRUN /usr/bin/apt-get \\\r\n  install -y curl\r\n")
  }

  func testNoFixForUpgradeOrSearch() {
    assertNoFix(DL3027.self, "FROM debian\nRUN apt upgrade -y\n")
    assertNoFix(DL3027.self, "FROM debian\nRUN apt search curl\n")
  }

  func testNoFixForQuotedName() {
    assertNoFix(DL3027.self, "FROM debian\nRUN \"apt\" install -y curl\n")
  }
}
