import XCTest
@testable import Analysis

final class DL3008Tests: XCTestCase {
  func testUnpinnedPackageIsReportedAtItsWord() {
    assertFindings(DL3008.self, "FROM debian\nRUN apt-get update && apt-get install -y 1️⃣curl2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `curl`, as in `curl=<version>`")])
  }

  func testEachUnpinnedPackageIsReported() {
    assertFindings(DL3008.self, "FROM debian\nRUN apt-get install -y 1️⃣curl2️⃣ git=1:2.39.5-0+deb12u1 3️⃣wget4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣", message: "Pin the version of `wget`, as in `wget=<version>`")])
  }

  func testPinnedFormsAreFine() {
    assertNoFindings(DL3008.self, "FROM debian\nRUN apt-get install -y curl=7.88.1-10 git=1:2.* \n")
    assertNoFindings(DL3008.self, "FROM debian\nRUN apt-get install -y curl/bookworm-backports\n")
    assertNoFindings(DL3008.self, "FROM debian\nRUN apt-get install -y ./pkg.deb /tmp/other.deb local.deb\n")
    assertNoFindings(DL3008.self, "FROM debian\nRUN apt-get install -y\n")
  }

  func testOtherSubcommandsAndAptAreNotChecked() {
    assertNoFindings(DL3008.self, "FROM debian\nRUN apt-get remove -y curl && apt-get download curl\n")
    assertNoFindings(DL3008.self, "FROM debian\nRUN apt install -y curl\n")
  }

  func testOptionValuesAreNotPackages() {
    assertNoFindings(DL3008.self, "FROM debian\nRUN apt-get install -y -t bookworm-backports -c apt.conf curl=7.88.1-10\n")
    assertNoFindings(DL3008.self,
                     "FROM debian\nRUN apt-get -o Dpkg::Options::=--force-confnew install --target-release stable curl=7\n")
    assertFindings(DL3008.self, "FROM debian\nRUN apt-get -q -y install 1️⃣curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testContinuationLinesMapToTheWord() {
    assertFindings(DL3008.self, "FROM debian\nRUN apt-get install -y \\\n    git=1:2.39 \\\n    1️⃣curl2️⃣ \\\n && true\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testWordSplitByContinuationCoversBothLines() {
    assertFindings(DL3008.self, "FROM debian\nRUN apt-get install -y 1️⃣cu\\\nrl2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `curl`, as in `curl=<version>`")])
  }

  func testCRLFAndBacktickEscapeFiles() {
    assertFindings(DL3008.self, "FROM debian\r\nRUN apt-get install -y \\\r\n    1️⃣curl2️⃣ git=1:2.39\r\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `curl`, as in `curl=<version>`")])
    assertFindings(DL3008.self, "# escape=`\nFROM debian\nRUN apt-get install -y `\n    git=1:2.39 `\n    1️⃣curl2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHeredocScriptIsChecked() {
    assertFindings(DL3008.self, "FROM debian\nRUN <<EOF\napt-get update\napt-get install -y 1️⃣curl2️⃣\nEOF\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testWrappersAreUnwrapped() {
    assertFindings(DL3008.self, "FROM debian\nRUN sudo -E apt-get install -y 1️⃣curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testQuotedAndExpandedWords() {
    assertFindings(DL3008.self, "FROM debian\nRUN apt-get install -y 1️⃣\"curl\"2️⃣ curl=\"$CURL_VERSION\"\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `\"curl\"`, as in `\"curl\"=<version>`")])
    assertNoFindings(DL3008.self, "FROM debian\nRUN apt-get install -y $PACKAGES \"${MORE}\"\n")
    assertFindings(DL3008.self, "FROM debian\nRUN apt-get install -y 1️⃣lib${ABI}-dev2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testEveryStageIsChecked() {
    assertFindings(DL3008.self, "FROM debian AS build\nRUN apt-get install -y 1️⃣gcc2️⃣\nFROM debian\nRUN apt-get install -y 3️⃣curl4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testExecFormElementIsReported() {
    assertFindings(DL3008.self, "FROM debian\nRUN [\"apt-get\", \"install\", \"-y\", 1️⃣\"curl\"2️⃣, \"git=1:2.39\"]\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `curl`, as in `curl=<version>`")])
    assertNoFindings(DL3008.self, "FROM debian\nRUN [\"apt-get\", \"install\", \"-y\", \"it's=1\"]\n")
  }

  func testExecFormShellScriptIsChecked() {
    assertFindings(DL3008.self, "FROM debian\nRUN [\"/bin/sh\", \"-ec\", \"apt-get install -y 1️⃣curl2️⃣\"]\n",
                   [FindingSpec("1️⃣", "2️⃣")])
    assertFindings(DL3008.self, "FROM debian\nRUN [\"bash\", \"-c\", \"echo \\\"a\\\" \\u0026\\u0026 apt-get install -y 1️⃣curl2️⃣\"]\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `curl`, as in `curl=<version>`")])
  }

  func testOnbuildRunIsChecked() {
    assertFindings(DL3008.self, "FROM debian\nONBUILD RUN apt-get install -y 1️⃣curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
    assertNoFindings(DL3008.self, "FROM debian\nONBUILD COPY apt-get /install\n")
    assertFindings(DL3008.self, "FROM debian\nONBUILD RUN [\"apt-get\", \"install\", 1️⃣\"curl\"2️⃣]\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOddExecFormsAreSkipped() {
    assertNoFindings(DL3008.self, "FROM debian\nRUN []\nRUN [\"sh\"]\nRUN [\"sh\", \"-c\"]\nRUN [\"sh\", \"script.sh\", \"apt-get\"]\n")
  }

  func testExecFormIgnoresShell() {
    assertFindings(DL3008.self, "FROM debian\nSHELL [\"pwsh\", \"-c\"]\nRUN [\"apt-get\", \"install\", 1️⃣\"curl\"2️⃣]\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testNonPOSIXShellIsNotChecked() {
    assertNoFindings(DL3008.self, "FROM mcr.microsoft.com/windows/servercore\nSHELL [\"powershell\", \"-Command\"]\nRUN apt-get install -y curl\n")
  }

  func testHasNoFix() {
    assertNoFix(DL3008.self, "FROM debian\nRUN apt-get install -y curl\n")
  }
}
