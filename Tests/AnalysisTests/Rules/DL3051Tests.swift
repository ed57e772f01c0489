import XCTest
@testable import Analysis

final class DL3051Tests: XCTestCase {
  let settings = RuleSettings(labelSchema: ["maintainer": .text, "revision": .hash])

  func testEmptySchemaLabelsAreReported() {
    assertFindings(DL3051.self, "FROM a:1\nLABEL 1️⃣maintainer=\"\"2️⃣ other= 3️⃣revision=4️⃣\n", [
      FindingSpec("1️⃣", "2️⃣", message: "Label `maintainer` is empty"),
      FindingSpec("3️⃣", "4️⃣", message: "Label `revision` is empty"),
    ], settings: settings)
  }

  func testValuesAndVariablesAreQuiet() {
    assertNoFindings(DL3051.self, "FROM a:1\nLABEL maintainer=me revision=$GIT_COMMIT\n", settings: settings)
    assertNoFindings(DL3051.self, "FROM a:1\nLABEL maintainer=\n")
  }
}
