import XCTest
@testable import Analysis

final class DL3065Tests: XCTestCase {
  func testTargetPlatformIsReported() {
    assertFindings(DL3065.self, "FROM 1️⃣--platform=$TARGETPLATFORM2️⃣ a:1\nFROM 3️⃣--platform=${TARGETPLATFORM}4️⃣ b:1\n", [
      FindingSpec("1️⃣", "2️⃣", message: "`--platform=$TARGETPLATFORM` repeats the default platform of `FROM`"),
      FindingSpec("3️⃣", "4️⃣"),
    ])
  }

  func testOtherPlatformsAreQuiet() {
    assertNoFindings(DL3065.self, "FROM --platform=$BUILDPLATFORM a:1\nFROM --platform=linux/amd64 a:1\nFROM a:1\n")
  }

  func testFixRemovesFlag() {
    assertFix(DL3065.self, before: "FROM --platform=$TARGETPLATFORM  alpine:3.20 AS x\n",
              after: "FROM alpine:3.20 AS x\n", title: "Remove `--platform=$TARGETPLATFORM`")
  }

  func testFixKeepsContinuation() {
    assertFix(DL3065.self, before: "FROM --platform=\"${TARGETPLATFORM}\" \\\n  alpine:3.20\n",
              after: "FROM \\\n  alpine:3.20\n", title: "Remove `--platform=\"${TARGETPLATFORM}\"`")
  }

  func testFixWithBacktickEscape() {
    assertFix(DL3065.self, before: "# escape=`\r\nFROM --platform=$TARGETPLATFORM `\r\n  alpine:3.20\r\n",
              after: "# escape=`\r\nFROM `\r\n  alpine:3.20\r\n")
  }
}
