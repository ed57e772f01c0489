import XCTest
@testable import Analysis

final class DL3045Tests: XCTestCase {
  func testRelativeDestinationWithoutWorkdirIsReported() {
    assertFindings(DL3045.self, "FROM node\nCOPY package.json 1️⃣.2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`COPY` to relative destination `.` without a `WORKDIR` set in this stage")])
  }

  func testWorkdirBeforeCopyIsFine() {
    assertNoFindings(DL3045.self, "FROM node\nWORKDIR /app\nCOPY package.json .\n")
  }

  func testWorkdirAfterCopyDoesNotCount() {
    assertFindings(DL3045.self, "FROM node\nCOPY a 1️⃣app/2️⃣\nWORKDIR /app\nCOPY b .\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testAbsoluteVariableAndWindowsDestinationsAreFine() {
    assertNoFindings(DL3045.self, "FROM node\nCOPY a /app/\nCOPY a \"/app/\"\nCOPY a $APP\nCOPY a C:\\app\nCOPY a c:/app\n")
  }

  func testWorkdirIsInheritedFromParentStage() {
    assertNoFindings(DL3045.self, "FROM node AS base\nWORKDIR /app\nFROM base\nCOPY a .\n")
  }

  func testStageChosenByVariable() {
    assertNoFindings(DL3045.self, "FROM node AS base-alpine\nWORKDIR /app\nFROM base-${VARIANT} AS e2e\nCOPY a .\n")
    assertNoFindings(DL3045.self, "ARG BASE=base\nFROM node AS base\nWORKDIR /app\nFROM $BASE\nCOPY a .\n")
    assertFindings(DL3045.self, "FROM node AS base-alpine\nFROM base-${VARIANT}\nCOPY a 1️⃣.2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
    assertFindings(DL3045.self, "FROM node AS base-alpine\nWORKDIR /app\nFROM other-${VARIANT}\nCOPY a 1️⃣.2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOtherStagesDoNotCount() {
    assertFindings(DL3045.self, "FROM node AS base\nWORKDIR /app\nFROM node\nCOPY a 1️⃣.2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testExecForm() {
    assertFindings(DL3045.self, "FROM node\nCOPY [\"a\", 1️⃣\"app\"2️⃣]\n", [FindingSpec("1️⃣", "2️⃣")])
  }
}
