import XCTest
@testable import Analysis

final class DL3059Tests: XCTestCase {
  let message = "This `RUN` follows another `RUN` and can be merged with it into one layer"

  // MARK: - Where it fires

  func testSecondOfTwoRunsIsReported() {
    assertFindings(DL3059.self, "FROM alpine\nRUN apk update\n1️⃣RUN apk add curl2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testCommentLinesDoNotSeparateRuns() {
    assertFindings(DL3059.self, "FROM alpine\nRUN a\n# why b\n\n1️⃣RUN b2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testRangeCoversContinuationLines() {
    assertFindings(DL3059.self, "FROM alpine\nRUN a\n1️⃣RUN b \\\n    --verbose2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testThreeRunsGiveTwoFindings() {
    assertFindings(DL3059.self, "FROM alpine\nRUN a\n1️⃣RUN b2️⃣\n3️⃣RUN c4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testBracketTestIsNotACommand() {
    assertFindings(DL3059.self, "FROM alpine\nRUN apk add git\n1️⃣RUN [ -e /etc/hosts ] && grep dns /etc/hosts2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: message)])
    assertFindings(DL3059.self, "FROM alpine\nRUN [[ -d /tmp ]] && echo yes\n1️⃣RUN [ -d /var ] || mkdir /var2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testIfCountsItsInnerCommands() {
    assertFindings(DL3059.self, "FROM alpine\nRUN if [ -n \"$X\" ]; then sh ./x.sh; fi\n1️⃣RUN rm x.sh2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
    assertNoFindings(DL3059.self, "FROM alpine\nRUN if [ -n \"$X\" ]; then sh ./x.sh; rm x.sh; fi\nRUN b\n")
  }

  func testPowerShellRunCountsAsOneCommand() {
    assertFindings(DL3059.self, """
      FROM mcr.microsoft.com/windows/servercore
      SHELL ["powershell", "-Command"]
      RUN Write-Host ('Downloading {0} ...' -f $env:URL)
      1️⃣RUN Invoke-WebRequest -Uri $env:URL -OutFile 'a.msi'; Remove-Item b.txt2️⃣

      """, [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testTestCommandStillCounts() {
    assertNoFindings(DL3059.self, "FROM alpine\nRUN a\nRUN test -d /var && echo yes\n")
  }

  func testMergeKeepsBracketTest() {
    assertFix(DL3059.self,
              before: "FROM alpine\nRUN apk add git\nRUN [ -e /etc/hosts ] && grep dns /etc/hosts\n",
              after: "FROM alpine\nRUN apk add git \\\n    && [ -e /etc/hosts ] && grep dns /etc/hosts\n")
  }

  // MARK: - Where it must not fire

  func testOtherInstructionSeparatesRuns() {
    assertNoFindings(DL3059.self, "FROM alpine\nRUN a\nWORKDIR /x\nRUN b\n")
  }

  func testRunsOfDifferentStagesAreSeparate() {
    assertNoFindings(DL3059.self, "FROM alpine AS one\nRUN a\nFROM alpine\nRUN b\n")
  }

  func testDifferentFlagsAreSeparate() {
    assertNoFindings(DL3059.self, "FROM alpine\nRUN --mount=type=cache,target=/root/.cache a\nRUN b\n")
  }

  func testChainsAreDeliberate() {
    assertNoFindings(DL3059.self, "FROM alpine\nRUN a && b\nRUN c\n")
    assertNoFindings(DL3059.self, "FROM alpine\nRUN a\nRUN b | c\n")
    assertNoFindings(DL3059.self, "FROM alpine\nRUN a\nRUN b; c\n")
  }

  func testExecFormCountsAsOneCommand() {
    assertFindings(DL3059.self, "FROM alpine\nRUN [\"a\"]\n1️⃣RUN b2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  // MARK: - The merge fix

  func testMergeJoinsWithContinuation() {
    assertFix(DL3059.self,
              before: "FROM debian\nRUN apt-get update\nRUN apt-get install -y curl\n",
              after: "FROM debian\nRUN apt-get update \\\n    && apt-get install -y curl\n",
              title: "Merge with the previous RUN")
  }

  func testMergeKeepsCommentLinesInsideContinuation() {
    assertFix(DL3059.self,
              before: "FROM debian\nRUN a\n\n# then b\nRUN b\n",
              after: "FROM debian\nRUN a \\\n# then b\n    && b\n")
  }

  func testMergeKeepsCommentInsideLaterRun() {
    assertFix(DL3059.self,
              before: "FROM debian\nRUN a\nRUN \\\n  # b next\n  b\n",
              after: "FROM debian\nRUN a \\\n  # b next\n  && b\n")
  }

  // MARK: - Where the fix is not offered

  func testNoFixForExecForm() {
    assertNoFix(DL3059.self, "FROM debian\nRUN [\"a\"]\nRUN b\n")
  }

  func testNoFixForHeredoc() {
    assertNoFix(DL3059.self, "FROM debian\nRUN a\nRUN <<EOF\nb\nEOF\n")
  }

  func testNoFixUnderPowerShell() {
    assertNoFix(DL3059.self, "FROM mcr.microsoft.com/windows/servercore\nSHELL [\"powershell\", \"-Command\"]\nRUN a\nRUN b\n")
  }
}
