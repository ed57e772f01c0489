import XCTest
@testable import Analysis

final class DL3015Tests: XCTestCase {
  let message = "`apt-get install` without `--no-install-recommends` also installs recommended packages"

  // MARK: - Where it fires

  func testInstallWithoutOptionIsReported() {
    assertFindings(DL3015.self, "FROM debian\nRUN apt-get update && 1️⃣apt-get install -y curl2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testRecommendsSetToTrueIsReported() {
    assertFindings(DL3015.self, "FROM debian\nRUN 1️⃣apt-get install -y -o APT::Install-Recommends=true curl2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testRecommendsSettingAsPackageNameDoesNotCount() {
    // Without `-o`, the word is a package name to apt-get.
    assertFindings(DL3015.self, "FROM debian\nRUN 1️⃣apt-get install -y APT::Install-Recommends=false2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHeredocBodyIsChecked() {
    assertFindings(DL3015.self, "FROM debian\nRUN <<EOF\n1️⃣apt-get install -y curl2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  // MARK: - Where it must not fire

  func testAcceptedSpellings() {
    for command in ["apt-get install -y --no-install-recommends curl", "apt-get install -y curl --no-install-recommends",
                    "apt-get -o APT::Install-Recommends=false install -y curl",
                    "apt-get install -y -oAPT::Install-Recommends=0 curl",
                    "apt-get install -y --option=apt::install-recommends=false curl",
                    "apt-get install -y -o \"APT::Install-Recommends=no\" curl"] {
      assertNoFindings(DL3015.self, "FROM debian\nRUN \(command)\n")
    }
  }

  func testOtherCommandsAreIgnored() {
    assertNoFindings(DL3015.self, "FROM debian\nRUN apt-get update && apt-get upgrade -y && apt install -y curl\n")
  }

  // MARK: - The fix

  func testFixInsertsOptionAfterInstall() {
    assertFix(DL3015.self, before: "FROM debian\nRUN apt-get install -y curl\n",
              after: "FROM debian\nRUN apt-get install --no-install-recommends -y curl\n",
              title: "Add `--no-install-recommends`")
  }

  func testFixAfterQuotedSubcommandAndContinuation() {
    assertFix(DL3015.self, before: "FROM debian\nRUN apt-get -y \"install\"\\\n curl\n",
              after: "FROM debian\nRUN apt-get -y \"install\" --no-install-recommends\\\n curl\n")
  }

  func testFixWithBacktickEscape() {
    assertFix(DL3015.self, before: "# escape=`\nFROM debian\nRUN apt-get update && `\n    apt-get install -y curl\n",
              after: "# escape=`\nFROM debian\nRUN apt-get update && `\n    apt-get install --no-install-recommends -y curl\n")
  }

  func testFixWithCRLF() {
    assertFix(DL3015.self, before: "FROM debian\r\nRUN apt-get install -y \\\r\n    curl\r\n",
              after: "FROM debian\r\nRUN apt-get install --no-install-recommends -y \\\r\n    curl\r\n")
  }
}
