import XCTest
@testable import Analysis

final class DL3050Tests: XCTestCase {
  let strict = RuleSettings(labelSchema: ["maintainer": .text], strictLabels: true)

  func testLabelsOutsideSchemaAreReported() {
    assertFindings(DL3050.self, "FROM a:1\nLABEL maintainer=me 1️⃣other2️⃣=x\nLABEL 3️⃣Maintainer4️⃣=y\n", [
      FindingSpec("1️⃣", "2️⃣", message: "Label `other` is not in the label schema"),
      FindingSpec("3️⃣", "4️⃣", message: "Label `Maintainer` is not in the label schema"),
    ], settings: strict)
  }

  func testRuleNeedsStrictLabels() {
    assertNoFindings(DL3050.self, "FROM a:1\nLABEL other=x\n", settings: RuleSettings(labelSchema: ["maintainer": .text]))
  }

  func testEmptySchemaFindsNothing() {
    assertNoFindings(DL3050.self, "FROM a:1\nLABEL other=x\n", settings: RuleSettings(strictLabels: true))
  }
}
