import XCTest
@testable import Analysis

final class DX1003Tests: XCTestCase {
  // MARK: - Where it fires

  func testPackageIndexDeletedInLaterRun() {
    assertFindings(DX1003.self, "FROM debian\nRUN apt-get update\nRUN apt-get install -y x && 1️⃣rm -rf /var/lib/apt/lists/*2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`/var/lib/apt/lists` was created by an earlier layer, so deleting it here does not make the image smaller")])
  }

  func testDownloadDeletedInLaterRunAcrossContinuation() {
    assertFindings(DX1003.self, "FROM alpine\nRUN wget https://x.example/a.tgz -O /tmp/a.tgz\nRUN tar -xzf /tmp/a.tgz \\\n  && 1️⃣rm \\\n  /tmp/a.tgz2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testCopiedFileDeletedLater() {
    assertFindings(DX1003.self, "FROM alpine\nCOPY setup.sh /tmp/\nRUN sh /tmp/setup.sh && 1️⃣rm /tmp/setup.sh2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`/tmp/setup.sh` was created by an earlier COPY, so deleting it here does not make the image smaller")])
  }

  func testDeletionInsideCopiedTreeWithWorkdir() {
    assertFindings(DX1003.self, "FROM scratch AS base\nWORKDIR /app\nFROM base\nCOPY . .\nRUN 1️⃣rm -rf tests2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testStageWhoseFilesystemIsCopiedIsChecked() {
    let text = "FROM alpine AS root\nRUN apk update\nRUN 1️⃣rm -rf /var/cache/apk/*2️⃣\nFROM scratch\nCOPY --from=root / /\n"
    assertFindings(DX1003.self, text, [FindingSpec("1️⃣", "2️⃣")])
  }

  // MARK: - Where it must not fire

  func testDeletionInSameRun() {
    assertNoFindings(DX1003.self, "FROM debian\nRUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n")
  }

  func testBuilderStageOnlyCopiedFromIsSkipped() {
    assertNoFindings(DX1003.self, "FROM golang AS build\nRUN curl -o /tmp/a https://x.example/a\nRUN rm /tmp/a\nFROM scratch\nCOPY --from=build /go/bin/app /app\n")
  }

  func testUnrelatedPathsAndOtherStages() {
    assertNoFindings(DX1003.self, "FROM alpine\nRUN mkdir /data\nRUN rm -rf /tmp/*\n")
    assertNoFindings(DX1003.self, "FROM alpine AS a\nRUN apk update\nFROM alpine\nRUN rm -rf /var/cache/apk/*\n")
  }

  func testUnknownWorkdirLeavesRelativePathsOut() {
    assertNoFindings(DX1003.self, "FROM node\nCOPY a.tgz .\nRUN rm a.tgz\n")
  }

  // MARK: - Fixes

  func testMergeTwoRuns() {
    assertFix(DX1003.self, before: "FROM debian\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\n",
              after: "FROM debian\nRUN apt-get update \\\n    && rm -rf /var/lib/apt/lists/*\n", title: "Merge with the previous RUN")
  }

  func testMergeThreeRunsInOneFix() {
    assertFix(DX1003.self, before: "FROM debian\nRUN apt-get update\nRUN apt-get install -y x\nRUN rm -rf /var/lib/apt/lists/*\n",
              after: "FROM debian\nRUN apt-get update \\\n    && apt-get install -y x \\\n    && rm -rf /var/lib/apt/lists/*\n",
              title: "Merge the 3 RUN instructions")
  }

  func testNoFixAcrossOtherInstruction() {
    assertNoFix(DX1003.self, "FROM debian\nRUN apt-get update\nENV A=1\nRUN rm -rf /var/lib/apt/lists/*\n")
  }

  func testNoFixWhenMiddleRunNeedsWrapping() {
    assertNoFix(DX1003.self, "FROM debian\nRUN apt-get update\nRUN cd /x; make\nRUN rm -rf /var/lib/apt/lists/*\n")
  }

  func testNoFixForCopiedFile() {
    assertNoFix(DX1003.self, "FROM alpine\nCOPY setup.sh /tmp/\nRUN rm /tmp/setup.sh\n")
  }

  func testNoFixForDifferentMounts() {
    assertNoFix(DX1003.self, "FROM debian\nRUN apt-get update\nRUN --mount=type=cache,target=/x rm -rf /var/lib/apt/lists/*\n")
  }

  func testMergeInCRLFFile() {
    assertFix(DX1003.self, before: "FROM debian\r\nRUN apt-get update\r\nRUN apt-get clean\r\nRUN rm -rf /var/lib/apt/lists/*\r\n",
              after: "FROM debian\r\nRUN apt-get update \\\r\n    && apt-get clean \\\r\n    && rm -rf /var/lib/apt/lists/*\r\n")
  }
}

extension DX1003Tests {
  func testPathDeletedInItsOwnLayerIsQuiet() {
    assertNoFindings(DX1003.self, "FROM alpine\nRUN curl -o /tmp/a https://x.example/a && rm -f /tmp/a\nRUN rm -f /tmp/a\n")
  }
}
