import XCTest
@testable import Analysis

final class DL3049Tests: XCTestCase {
  let settings = RuleSettings(labelSchema: ["maintainer": .text, "version": .semver])

  func testMissingLabelsAreReported() {
    assertFindings(DL3049.self, "1️⃣FROM a:12️⃣\nLABEL version=1.0.0\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "The image built by this stage has no `maintainer` label")], settings: settings)
  }

  func testEachMissingLabelIsReported() {
    assertFindings(DL3049.self, "1️⃣FROM a:12️⃣\n", [
      FindingSpec("1️⃣", "2️⃣", message: "The image built by this stage has no `maintainer` label"),
      FindingSpec("1️⃣", "2️⃣", message: "The image built by this stage has no `version` label"),
    ], settings: settings)
  }

  func testStagesUsedByLaterStagesAreSkipped() {
    assertNoFindings(DL3049.self, """
      FROM a:1 AS build
      RUN make
      FROM a:1 AS base
      FROM base
      COPY --from=build /x /x
      LABEL maintainer=me version=1.0.0

      """, settings: settings)
  }

  func testLabelsOfBaseStageCount() {
    assertNoFindings(DL3049.self, "FROM a:1 AS base\nLABEL maintainer=me version=1.0.0\nFROM base\nRUN x\n", settings: settings)
  }

  func testUnusedStagesAreEachChecked() {
    assertFindings(DL3049.self, "1️⃣FROM a:1 AS test2️⃣\nLABEL version=1.0.0\nFROM a:1\nLABEL maintainer=me version=1.0.0\n",
                   [FindingSpec("1️⃣", "2️⃣")], settings: settings)
  }

  func testOnbuildLabelDoesNotCount() {
    assertFindings(DL3049.self, "1️⃣FROM a:12️⃣\nLABEL version=1.0.0\nONBUILD LABEL maintainer=me\n",
                   [FindingSpec("1️⃣", "2️⃣")], settings: settings)
  }

  func testEmptySchemaFindsNothing() {
    assertNoFindings(DL3049.self, "FROM a:1\n")
  }
}
