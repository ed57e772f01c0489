import XCTest
@testable import Analysis

final class DL3047Tests: XCTestCase {
  let message = "`wget` without `--progress` or `-q` fills the build log with progress output"

  func testPlainWgetIsReported() {
    assertFindings(DL3047.self, "FROM debian\nRUN 1️⃣wget https://example.com/a2️⃣ && tar xf a\n", [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testQuietOptionsAreFine() {
    for options in ["-q", "--quiet", "-nv", "--no-verbose", "--progress=bar", "--progress dot", "-qO-", "-o log", "--output-file=log", "-a log"] {
      XCTAssertEqual(findings(of: DL3047.self, in: "FROM debian\nRUN wget \(options) https://example.com/a\n").count, 0, options)
    }
  }

  func testOptionValuesAreNotFlags() {
    assertFindings(DL3047.self, "FROM debian\nRUN 1️⃣wget -O -q https://example.com/a2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testFixInsertsProgress() {
    assertFix(DL3047.self, before: "FROM debian\nRUN wget -O a https://example.com/a\n",
              after: "FROM debian\nRUN wget --progress=dot:giga -O a https://example.com/a\n", title: "Add `--progress=dot:giga`")
  }

  func testFixAfterWrapperAndContinuation() {
    assertFix(DL3047.self, before: "FROM debian\nRUN sudo wget \\\n  https://example.com/a\n",
              after: "FROM debian\nRUN sudo wget --progress=dot:giga \\\n  https://example.com/a\n")
  }

  func testNoFixOnAlpineOrOnbuild() {
    assertNoFix(DL3047.self, "FROM alpine:3.20\nRUN wget https://example.com/a\n")
    assertNoFix(DL3047.self, "FROM python:3.12-alpine AS base\nFROM base\nRUN wget https://example.com/a\n")
    assertNoFix(DL3047.self, "FROM debian\nONBUILD RUN wget https://example.com/a\n")
  }

  func testHeredocScript() {
    assertFindings(DL3047.self, "FROM debian\nRUN <<EOF\nset -e\n1️⃣wget https://example.com/a2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testFixInBacktickEscapeFile() {
    assertFix(DL3047.self, before: "# escape=`\nFROM debian\nRUN wget `\n  https://example.com/a\n",
              after: "# escape=`\nFROM debian\nRUN wget --progress=dot:giga `\n  https://example.com/a\n")
  }
}
