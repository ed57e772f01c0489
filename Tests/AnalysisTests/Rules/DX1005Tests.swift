import XCTest
@testable import Analysis

final class DX1005Tests: XCTestCase {
  func testBuildToolsLeftInImage() {
    assertFindings(DX1005.self, "FROM debian\nRUN apt-get update && apt-get install -y curl 1️⃣build-essential2️⃣ \\\n  3️⃣libssl-dev:amd644️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "The build tool `build-essential` is installed in the shipped image and never removed"),
                    FindingSpec("3️⃣", "4️⃣", message: "The build tool `libssl-dev` is installed in the shipped image and never removed")])
    assertFindings(DX1005.self, "FROM fedora\nRUN dnf install -y 1️⃣gcc-c++2️⃣ 3️⃣openssl-devel4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testRemovedOrInBuilderStageIsQuiet() {
    assertNoFindings(DX1005.self, "FROM alpine\nRUN apk add --virtual .build-deps gcc musl-dev && make && apk del .build-deps\n")
    assertNoFindings(DX1005.self, "FROM debian\nRUN apt-get install -y make && make && apt-get purge -y make\n")
    assertNoFindings(DX1005.self, "FROM alpine AS build\nRUN apk add build-base\nFROM alpine\nCOPY --from=build /x /x\n")
    assertNoFindings(DX1005.self, "FROM alpine\nRUN apk add curl devel-tools\n")
    assertNoFindings(DX1005.self, "FROM debian\nRUN saved=\"$(apt-mark showmanual)\"; apt-get install -y gcc libc6-dev; make; apt-mark auto '.*' > /dev/null; apt-mark manual $saved; apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false\n")
    assertNoFindings(DX1005.self, "FROM debian\nRUN apt-get install -y gcc && make && apt-mark showmanual | xargs apt-mark auto && apt-get purge -y --auto-remove\n")
    // Without `apt-mark auto`, packages installed by name are manual and stay.
    assertFindings(DX1005.self, "FROM debian\nRUN apt-get install -y 1️⃣gcc2️⃣ && apt-get purge -y --auto-remove\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testStageCopiedWholeIsChecked() {
    assertFindings(DX1005.self, "FROM alpine AS root\nRUN apk add 1️⃣cmake2️⃣\nFROM scratch\nCOPY --from=root / /\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }
}
