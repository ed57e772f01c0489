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
    assertFindings(DL3059.self, "FROM alpine\nRUN a\n1️⃣RUN b \\\n    && c2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testThreeRunsGiveTwoFindings() {
    assertFindings(DL3059.self, "FROM alpine\nRUN a\n1️⃣RUN b2️⃣\n3️⃣RUN c4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
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

  func testLongChainsAreDeliberate() {
    assertNoFindings(DL3059.self, "FROM alpine\nRUN a && b && c\nRUN d\n")
    assertNoFindings(DL3059.self, "FROM alpine\nRUN a\nRUN b && c && d\n")
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

  func testMergeReusesContinuationIndent() {
    assertFix(DL3059.self,
              before: "FROM debian\nRUN a \\\n  && b\nRUN c\n",
              after: "FROM debian\nRUN a \\\n  && b \\\n  && c\n")
  }

  func testMergeKeepsSameFlags() {
    assertFix(DL3059.self,
              before: "FROM debian\nRUN --network=none a\nRUN --network=none b\n",
              after: "FROM debian\nRUN --network=none a \\\n    && b\n")
  }

  func testEarlierDirectoryChangeRunsInSubshell() {
    assertFix(DL3059.self,
              before: "FROM debian\nRUN cd /src\nRUN make\n",
              after: "FROM debian\nRUN ( cd /src ) \\\n    && make\n")
  }

  func testEarlierExportRunsInSubshell() {
    assertFix(DL3059.self,
              before: "FROM debian\nRUN export A=1\nRUN env\n",
              after: "FROM debian\nRUN ( export A=1 ) \\\n    && env\n")
  }

  func testLaterOrListIsGrouped() {
    assertFix(DL3059.self,
              before: "FROM debian\nRUN a\nRUN b || true\n",
              after: "FROM debian\nRUN a \\\n    && { b || true; }\n")
  }

  func testLaterSequenceIsGrouped() {
    assertFix(DL3059.self,
              before: "FROM debian\nRUN a\nRUN b; c\n",
              after: "FROM debian\nRUN a \\\n    && { b; c; }\n")
  }

  func testMergeKeepsCRLFLineEndings() {
    assertFix(DL3059.self,
              before: "FROM debian\r\nRUN a\r\nRUN b\r\n",
              after: "FROM debian\r\nRUN a \\\r\n    && b\r\n")
  }

  func testMergeUsesBacktickEscape() {
    assertFix(DL3059.self,
              before: "# escape=`\nFROM debian\nRUN a\nRUN b\n",
              after: "# escape=`\nFROM debian\nRUN a `\n    && b\n")
  }

  func testLaterTrailingCommentStaysAtEnd() {
    assertFix(DL3059.self,
              before: "FROM debian\nRUN a\nRUN b # why\n",
              after: "FROM debian\nRUN a \\\n    && b # why\n")
  }

  func testFixAllOfThreeRunsMakesOne() {
    let text = "FROM debian\nRUN a\nRUN cd x\nRUN b; c\n"
    let document = Document(text: text)
    let edits = findings(of: DL3059.self, in: text).flatMap { $0.fixes.first?.edits ?? [] }
    XCTAssertEqual(document.source.applying(edits).string,
                   "FROM debian\nRUN a \\\n    && ( cd x ) \\\n    && { b; c; }\n")
  }

  // MARK: - Where the fix is not offered

  func testNoFixForExecForm() {
    assertNoFix(DL3059.self, "FROM debian\nRUN [\"a\"]\nRUN b\n")
  }

  func testNoFixForHeredoc() {
    assertNoFix(DL3059.self, "FROM debian\nRUN a\nRUN <<EOF\nb\nEOF\n")
  }

  func testNoFixWhenEarlierHasShellComment() {
    assertNoFix(DL3059.self, "FROM debian\nRUN a # note\nRUN b\n")
  }

  func testNoFixWhenEarlierEndsWithSeparator() {
    assertNoFix(DL3059.self, "FROM debian\nRUN a;\nRUN b\n")
  }

  func testNoFixWhenLaterRunsInBackground() {
    assertNoFix(DL3059.self, "FROM debian\nRUN a\nRUN b &\n")
  }

  func testNoFixUnderPowerShell() {
    assertNoFix(DL3059.self, "FROM mcr.microsoft.com/windows/servercore\nSHELL [\"powershell\", \"-Command\"]\nRUN a\nRUN b\n")
  }

  func testNoFixWhenLaterGroupWouldSwallowComment() {
    assertNoFix(DL3059.self, "FROM debian\nRUN a\nRUN b; c # note\n")
  }
}
