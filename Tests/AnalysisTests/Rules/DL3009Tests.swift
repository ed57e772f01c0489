import XCTest
@testable import Analysis

final class DL3009Tests: XCTestCase {
  let message = "Delete `/var/lib/apt/lists` in the `RUN` that ran `apt-get update`, or the lists stay in the layer"

  // MARK: - Where it fires

  func testUpdateWithoutDeletionIsReported() {
    assertFindings(DL3009.self, "FROM debian\nRUN 1️⃣apt-get update2️⃣ && apt-get install -y curl\n",
                   [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testLastUpdateOfTheRunIsReported() {
    assertFindings(DL3009.self,
                   "FROM debian\nRUN apt-get update && rm -rf /var/lib/apt/lists/* && 1️⃣apt update2️⃣ && apt-get install -y git\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testDeletionBeforeUpdateDoesNotCount() {
    assertFindings(DL3009.self, "FROM debian\nRUN rm -rf /var/lib/apt/lists/* && 1️⃣apt-get update2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testDistCleanBeforeUpdateDoesNotCount() {
    assertFindings(DL3009.self, "FROM debian\nRUN apt-get dist-clean && 1️⃣apt-get update2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testUnrelatedRemovalDoesNotCount() {
    assertFindings(DL3009.self, "FROM debian\nRUN 1️⃣apt-get update2️⃣ && rm -rf /tmp/* \"/var/lib/apt/lists/*\"\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testStageUsedAsBaseIsChecked() {
    assertFindings(DL3009.self, "FROM debian AS base\nRUN 1️⃣apt-get update2️⃣\nFROM base\nRUN true\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testBindMountDoesNotCount() {
    assertFindings(DL3009.self, "FROM debian\nRUN --mount=type=bind,target=/var/lib/apt/lists 1️⃣apt-get update2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHeredocBodyIsChecked() {
    assertFindings(DL3009.self, "FROM debian\nRUN <<EOF\n1️⃣apt-get update2️⃣\napt-get install -y curl\nEOF\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOnbuildTriggerIsChecked() {
    assertFindings(DL3009.self, "FROM debian\nONBUILD RUN 1️⃣apt-get update2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
    assertNoFindings(DL3009.self, "FROM debian\nONBUILD RUN --mount=type=cache,target=/var/lib/apt apt-get update\n")
  }

  // MARK: - Where it must not fire

  func testDeletionVariantsSatisfyTheRule() {
    for removal in ["rm -rf /var/lib/apt/lists/*", "rm -fr /var/lib/apt/lists", "rm -r -f /var/lib/apt/lists/",
                    "rm -rf /var/lib/apt/lists/partial", "rm -rf /var/lib/apt", "rm -rf /tmp/* /var/lib/apt/lists/*",
                    "sudo rm -rf /var/lib/apt/*", "apt-get dist-clean", "apt dist-clean"] {
      assertNoFindings(DL3009.self, "FROM debian\nRUN apt-get update && apt-get install -y curl && \(removal)\n")
    }
  }

  func testCacheAndTmpfsMountsSatisfyTheRule() {
    for mount in ["type=cache,target=/var/lib/apt/lists", "type=cache,target=/var/lib/apt", "type=tmpfs,dst=/var/lib/apt/lists/",
                  "type=cache,sharing=locked,destination=/var/lib/apt"] {
      assertNoFindings(DL3009.self, "FROM debian\nRUN --mount=\(mount) apt-get update && apt-get install -y curl\n")
    }
  }

  func testStagesOnlyCopiedFromAreIgnored() {
    assertNoFindings(DL3009.self, "FROM debian AS build\nRUN apt-get update\nFROM alpine\nCOPY --from=build /x /x\n")
  }

  func testDeletionInHeredocBodyCounts() {
    assertNoFindings(DL3009.self, "FROM debian\nRUN <<EOF\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n")
  }

  // MARK: - The fix

  func testFixAppendsOnTheSameLine() {
    assertFix(DL3009.self, before: "FROM debian\nRUN apt-get update && apt-get install -y curl\n",
              after: "FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
              title: "Delete the apt lists")
  }

  func testFixKeepsLeadingOperatorStyle() {
    assertFix(DL3009.self, before: "FROM debian\nRUN apt-get update \\\n    && apt-get install -y curl\n",
              after: "FROM debian\nRUN apt-get update \\\n    && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n")
  }

  func testFixKeepsTrailingOperatorStyleWithCRLF() {
    assertFix(DL3009.self, before: "FROM debian\r\nRUN apt-get update && \\\r\n\tapt-get install -y curl\r\n",
              after: "FROM debian\r\nRUN apt-get update && \\\r\n\tapt-get install -y curl && \\\r\n\trm -rf /var/lib/apt/lists/*\r\n")
  }

  func testFixUsesBacktickEscape() {
    assertFix(DL3009.self, before: "# escape=`\nFROM debian\nRUN apt-get update `\n  && apt-get install -y curl\n",
              after: "# escape=`\nFROM debian\nRUN apt-get update `\n  && apt-get install -y curl `\n  && rm -rf /var/lib/apt/lists/*\n")
  }

  func testFixGoesBeforeTrailingSemicolon() {
    assertFix(DL3009.self, before: "FROM debian\nRUN apt-get update && apt-get install -y curl;\n",
              after: "FROM debian\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*;\n")
  }

  func testFixInSingleLineHeredoc() {
    assertFix(DL3009.self, before: "FROM debian\nRUN <<EOF\napt-get update && apt-get install -y curl\nEOF\n",
              after: "FROM debian\nRUN <<EOF\napt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nEOF\n")
  }

  func testFixInOnbuildTrigger() {
    assertFix(DL3009.self, before: "FROM debian\nONBUILD RUN apt-get update \\\n  && apt-get install -y curl\n",
              after: "FROM debian\nONBUILD RUN apt-get update \\\n  && apt-get install -y curl \\\n  && rm -rf /var/lib/apt/lists/*\n")
  }

  func testNoFixForUnsafeShapes() {
    assertNoFix(DL3009.self, "FROM debian\nRUN apt-get update; apt-get install -y curl\n")
    assertNoFix(DL3009.self, "FROM debian\nRUN apt-get update || true\n")
    assertNoFix(DL3009.self, "FROM debian\nRUN apt-get update &\n")
    assertNoFix(DL3009.self, "FROM debian\nRUN apt-get update # refresh\n")
    assertNoFix(DL3009.self, "FROM debian\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n")
  }
}

final class DL3009UpdateOnlyTests: XCTestCase {
  func testNoFixWhenRunOnlyUpdates() {
    assertNoFix(DL3009.self, "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n")
  }
}

final class DL3009LaterInstallTests: XCTestCase {
  func testNoFixWhenLaterRunInstallsWithoutUpdate() {
    assertNoFix(DL3009.self, "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git\n")
  }

  func testNoFixWhenChildStageInstallsWithoutUpdate() {
    assertNoFix(DL3009.self, "FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN apt-get install -y git\n")
  }

  func testFixWhenLaterRunUpdatesFirst() {
    assertFix(DL3009.self,
              before: "FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN apt-get update && apt-get install -y git\n",
              after: "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN apt-get update && apt-get install -y git\n")
  }
}
