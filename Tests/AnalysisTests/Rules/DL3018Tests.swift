import XCTest
@testable import Analysis

final class DL3018Tests: XCTestCase {
  func testUnpinnedPackageIsReportedAtItsWord() {
    assertFindings(DL3018.self, "FROM alpine\nRUN apk add --no-cache 1️⃣curl2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `curl`, as in `curl=<version>`")])
  }

  func testEachUnpinnedPackageIsReported() {
    assertFindings(DL3018.self, "FROM alpine\nRUN apk add 1️⃣bash2️⃣ curl=8.9.1-r0 3️⃣git@edge4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣", message: "Pin the version of `git@edge`, as in `git@edge=<version>`")])
  }

  func testConstraintsAndFilesArePinned() {
    assertNoFindings(DL3018.self, "FROM alpine\nRUN apk add curl=8.9.1-r0 git~2.45 'bash>5' 'zsh<6' musl=1.2.5-r0@edge\n")
    assertNoFindings(DL3018.self, "FROM alpine\nRUN apk add --allow-untrusted /tmp/pkg.apk local.apk\n")
    assertNoFindings(DL3018.self, "FROM alpine\nRUN apk add\n")
  }

  func testVirtualNameAndOptionValuesAreNotPackages() {
    assertNoFindings(DL3018.self, "FROM alpine\nRUN apk add --virtual .build-deps -X https://mirror.example/main gcc=13.2.1-r0\n")
    assertNoFindings(DL3018.self, "FROM alpine\nRUN apk add -t .deps --repository=https://mirror.example gcc=13.2.1-r0\n")
    assertFindings(DL3018.self, "FROM alpine\nRUN apk --no-cache add -t .deps 1️⃣gcc2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testUpdateCacheFlagTakesNoValue() {
    assertFindings(DL3018.self, "FROM alpine\nRUN apk add -U 1️⃣curl2️⃣ && apk -U add 3️⃣git4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testOtherSubcommandsAreNotChecked() {
    assertNoFindings(DL3018.self, "FROM alpine\nRUN apk update && apk del curl && apk fix curl\n")
  }

  func testHeredocContinuationAndWrapper() {
    assertFindings(DL3018.self, "FROM alpine\nRUN <<EOF\nsudo apk add \\\n  1️⃣curl2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
    assertFindings(DL3018.self, "FROM alpine\nRUN apk add \\\n    bash=5.2.26-r0 \\\n    1️⃣curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testExpansionsAreNotJudged() {
    assertNoFindings(DL3018.self, "FROM alpine\nRUN apk add $PACKAGES curl=\"${CURL_VERSION}\"\n")
  }

  func testOnbuildRunIsChecked() {
    assertFindings(DL3018.self, "FROM alpine\nONBUILD RUN apk add 1️⃣curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHasNoFix() {
    assertNoFix(DL3018.self, "FROM alpine\nRUN apk add curl\n")
  }
}
