import XCTest
@testable import Analysis

final class DL3029Tests: XCTestCase {
  func testConstantPlatformIsReported() {
    assertFindings(DL3029.self, "FROM 1️⃣--platform=linux/amd642️⃣ debian:12\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Do not pin the platform of `FROM` with `--platform=linux/amd64`")])
    assertNoFix(DL3029.self, "FROM --platform=linux/amd64 debian:12\n")
  }

  func testUserVariableIsReported() {
    assertFindings(DL3029.self, "ARG PLATFORM=linux/arm64\nFROM 1️⃣--platform=$PLATFORM2️⃣ debian:12\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testAutomaticPlatformVariablesAreFine() {
    assertNoFindings(DL3029.self, """
      FROM --platform=$BUILDPLATFORM golang:1.22 AS build
      FROM --platform=${BUILDPLATFORM} golang:1.22 AS build2
      FROM --platform=linux/$TARGETARCH debian:12
      FROM debian:12

      """)
  }

  func testTargetPlatformIsLeftToDL3065() {
    let text = "FROM --platform=$TARGETPLATFORM debian:12 AS a\nFROM --platform=${TARGETPLATFORM} debian:12 AS b\n"
    assertNoFindings(DL3029.self, text)
  }

  func testTargetPlatformInsideLongerValueIsFine() {
    assertNoFindings(DL3029.self, "FROM --platform=$TARGETPLATFORM/v2 debian:12\n")
  }

  func testOnlyDL3065ReportsTargetPlatform() {
    let text = "FROM --platform=$TARGETPLATFORM debian:12\nFROM --platform=linux/arm64 debian:12\n"
    let configuration = LintConfiguration(enabledRules: [DL3029.id, DL3065.id])
    let findings = Linter(configuration: configuration).lint(Document(text: text)).filter { $0.ruleID.hasPrefix("DL30") }
    XCTAssertEqual(findings.map(\.ruleID).sorted(), ["DL3029", "DL3065"])
    XCTAssertEqual(findings.first { $0.ruleID == "DL3065" }?.range, 5..<31)
  }

  func testEachStageIsChecked() {
    assertFindings(DL3029.self, """
      FROM --platform=$BUILDPLATFORM golang:1.22 AS build
      FROM 1️⃣--platform=linux/arm642️⃣ debian:12

      """, [FindingSpec("1️⃣", "2️⃣", message: "Do not pin the platform of `FROM` with `--platform=linux/arm64`")])
  }
}
