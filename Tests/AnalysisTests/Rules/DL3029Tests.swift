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

  func testTargetPlatformIsRedundant() {
    assertFindings(DL3029.self, "FROM 1️⃣--platform=${TARGETPLATFORM}2️⃣ debian:12\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`--platform=${TARGETPLATFORM}` is redundant; the target platform is the default")])
  }

  func testFixRemovesRedundantFlag() {
    assertFix(DL3029.self, before: "FROM --platform=$TARGETPLATFORM debian:12 AS base\n", after: "FROM debian:12 AS base\n",
              title: "Remove redundant `--platform=$TARGETPLATFORM`")
  }

  func testFixKeepsOtherFlagsAndContinuations() {
    assertFix(DL3029.self, before: "FROM --platform=${TARGETPLATFORM} \\\n  debian:12\n", after: "FROM debian:12\n")
  }

  func testFixBeforeAnotherFlagInCRLFFile() {
    assertFix(DL3029.self, before: "FROM --platform=$TARGETPLATFORM --other=x debian:12\r\n", after: "FROM --other=x debian:12\r\n")
  }
}
