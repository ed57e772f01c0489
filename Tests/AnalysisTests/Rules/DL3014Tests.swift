import XCTest
@testable import Analysis

final class DL3014Tests: XCTestCase {
  let message = "`apt-get install` without `-y` aborts at the confirmation prompt"

  // MARK: - Where it fires

  func testInstallWithoutYesIsReported() {
    assertFindings(DL3014.self, "FROM debian\nRUN apt-get update && 1️⃣apt-get install curl2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testSingleQuietFlagIsNotEnough() {
    assertFindings(DL3014.self, "FROM debian\nRUN 1️⃣apt-get install -q curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
    assertFindings(DL3014.self, "FROM debian\nRUN 1️⃣apt-get -q=1 install curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testYesInsideOptionValueDoesNotCount() {
    assertFindings(DL3014.self, "FROM debian\nRUN 1️⃣apt-get -o Dpkg::Options::=--yes install curl2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testWrappedAndPathCommandsAreReported() {
    assertFindings(DL3014.self, "FROM debian\nRUN 1️⃣sudo apt-get install curl2️⃣ && 3️⃣/usr/bin/apt-get install git4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testRangeSpansContinuation() {
    assertFindings(DL3014.self, "FROM debian\nRUN apt-get update \\\n && 1️⃣apt-get install \\\n    curl2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHeredocBodyIsChecked() {
    assertFindings(DL3014.self, "FROM debian\nRUN <<EOF\napt-get update\n1️⃣apt-get install curl2️⃣\nEOF\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testBuilderStagesAreChecked() {
    assertFindings(DL3014.self, "FROM debian AS build\nRUN 1️⃣apt-get install gcc2️⃣\nFROM scratch\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOnbuildTriggerIsChecked() {
    assertFindings(DL3014.self, "FROM debian\nONBUILD RUN 1️⃣apt-get install curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  // MARK: - Where it must not fire

  func testAcceptedSwitches() {
    for command in ["apt-get install -y curl", "apt-get -y install curl", "apt-get install curl --yes",
                    "apt-get install --assume-yes curl", "apt-get install -qq curl", "apt-get install -q -q curl",
                    "apt-get -q=2 install curl", "apt-get install --quiet=3 curl", "apt-get install -qy curl"] {
      assertNoFindings(DL3014.self, "FROM debian\nRUN \(command)\n")
    }
  }

  func testOtherSubcommandsAreIgnored() {
    assertNoFindings(DL3014.self, "FROM debian\nRUN apt-get update && apt-get remove curl && apt-cache show curl\n")
  }

  func testExecFormAndNonPOSIXShellAreIgnored() {
    assertNoFindings(DL3014.self, "FROM debian\nRUN [\"apt-get\", \"install\", \"curl\"]\n")
    assertNoFindings(DL3014.self, "FROM mcr.microsoft.com/windows\nSHELL [\"powershell\", \"-Command\"]\nRUN apt-get install curl\n")
  }

  // MARK: - The fix

  func testFixInsertsYesAfterInstall() {
    assertFix(DL3014.self, before: "FROM debian\nRUN apt-get update && apt-get install curl\n",
              after: "FROM debian\nRUN apt-get update && apt-get install -y curl\n", title: "Add `-y`")
  }

  func testFixAcrossContinuationAndCRLF() {
    assertFix(DL3014.self, before: "FROM debian\r\nRUN apt-get update \\\r\n && apt-get install \\\r\n    curl\r\n",
              after: "FROM debian\r\nRUN apt-get update \\\r\n && apt-get install -y \\\r\n    curl\r\n")
  }

  func testFixInHeredoc() {
    assertFix(DL3014.self, before: "FROM debian\nRUN <<EOF\napt-get install curl\nEOF\n",
              after: "FROM debian\nRUN <<EOF\napt-get install -y curl\nEOF\n")
  }

  func testFixInOnbuildTrigger() {
    assertFix(DL3014.self, before: "FROM debian\nONBUILD RUN apt-get install \\\n  curl\n",
              after: "FROM debian\nONBUILD RUN apt-get install -y \\\n  curl\n")
  }

  func testNoFixInTabStrippedHeredoc() {
    assertNoFix(DL3014.self, "FROM debian\nRUN <<-EOF\n\tapt-get install curl\n\tEOF\n")
  }
}
