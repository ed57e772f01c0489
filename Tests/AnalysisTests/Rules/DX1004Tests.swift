import XCTest
@testable import Analysis

final class DX1004Tests: XCTestCase {
  func testRemovedInLaterRun() {
    assertFindings(DX1004.self, "FROM alpine\nRUN apk add --no-cache gcc musl-dev\nRUN make\nRUN 1️⃣apk del gcc musl-dev2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`gcc`, `musl-dev` were installed by an earlier RUN, so removing them here does not make the image smaller")])
  }

  func testAptPurgeOverContinuationAndVirtualPackage() {
    assertFindings(DX1004.self, "FROM debian\nRUN apt-get install -y gcc=4:12.2.0-3\nRUN true && 1️⃣apt-get purge \\\n  -y gcc2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`gcc` was installed by an earlier RUN, so removing it here does not make the image smaller")])
    assertFindings(DX1004.self, "FROM alpine\nRUN apk add --virtual .build-deps gcc\nRUN 1️⃣apk del .build-deps2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
    assertFindings(DX1004.self, "FROM fedora\nRUN dnf install -y gcc\nRUN 1️⃣yum remove -y gcc2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testQuietCases() {
    assertNoFindings(DX1004.self, "FROM alpine\nRUN apk add gcc && make && apk del gcc\n")
    assertNoFindings(DX1004.self, "FROM alpine\nRUN apk add gcc\nRUN apk del curl\n")
    assertNoFindings(DX1004.self, "FROM debian\nRUN apt-get install -y gcc\nRUN apk del gcc\n")
    assertNoFindings(DX1004.self, "FROM alpine AS build\nRUN apk add gcc\nRUN apk del gcc\nFROM scratch\nCOPY --from=build /x /x\n")
    assertNoFindings(DX1004.self, "FROM alpine AS a\nRUN apk add gcc\nFROM alpine\nRUN apk del gcc\n")
  }

  func testFixMergesFromInstallToRemoval() {
    assertFix(DX1004.self, before: "FROM alpine\nRUN apk add gcc\nRUN make\nRUN apk del gcc\n",
              after: "FROM alpine\nRUN apk add gcc \\\n    && make \\\n    && apk del gcc\n", title: "Merge the 3 RUN instructions")
    assertNoFix(DX1004.self, "FROM alpine\nRUN apk add gcc\nWORKDIR /src\nRUN apk del gcc\n")
  }
}
