import XCTest
@testable import Analysis

/// Tests of the rules that check a label's value against its kind in the schema (DL3052–DL3058).
final class LabelValueRuleTests: XCTestCase {
  func testURLValueIsReported() {
    let settings = RuleSettings(labelSchema: ["url": .url])
    assertFindings(DL3052.self, "FROM a:1\nLABEL url=1️⃣example.com2️⃣ other=x\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "The value `example.com` of label `url` is not an absolute URL")], settings: settings)
    assertNoFindings(DL3052.self, "FROM a:1\nLABEL url=\"https://example.com\"\n", settings: settings)
  }

  func testTimeValueIsReported() {
    let settings = RuleSettings(labelSchema: ["created": .rfc3339])
    assertFindings(DL3053.self, "FROM a:1\nLABEL created=1️⃣\"2024-05-01 12:30\"2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "The value `2024-05-01 12:30` of label `created` is not an RFC 3339 date and time")],
                   settings: settings)
    assertNoFindings(DL3053.self, "FROM a:1\nLABEL created=2024-05-01T12:30:00Z\n", settings: settings)
  }

  func testLicenseValueIsReported() {
    let settings = RuleSettings(labelSchema: ["license": .spdx])
    assertFindings(DL3054.self, "FROM a:1\nLABEL license=1️⃣GPL2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "The value `GPL` of label `license` is not an SPDX license expression")], settings: settings)
    assertNoFindings(DL3054.self, "FROM a:1\nLABEL license=\"MIT OR Apache-2.0\"\n", settings: settings)
  }

  func testHashValueIsReported() {
    let settings = RuleSettings(labelSchema: ["revision": .hash])
    assertFindings(DL3055.self, "FROM a:1\nLABEL revision=1️⃣main2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "The value `main` of label `revision` is not a git commit hash")], settings: settings)
    assertNoFindings(DL3055.self, "FROM a:1\nLABEL revision=4f2c9e1a\n", settings: settings)
  }

  func testVersionValueIsReported() {
    let settings = RuleSettings(labelSchema: ["version": .semver])
    assertFindings(DL3056.self, "FROM a:1\nLABEL version=1️⃣v1.22️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "The value `v1.2` of label `version` is not a semantic version")], settings: settings)
    assertNoFindings(DL3056.self, "FROM a:1\nLABEL version=1.2.0-rc.1\n", settings: settings)
  }

  func testEmailValueIsReported() {
    let settings = RuleSettings(labelSchema: ["authors": .email])
    assertFindings(DL3058.self, "FROM a:1\nLABEL authors=1️⃣\"Team <t@example.com>\"2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "The value `Team <t@example.com>` of label `authors` is not an email address")],
                   settings: settings)
    assertNoFindings(DL3058.self, "FROM a:1\nLABEL authors=t@example.com\n", settings: settings)
  }

  func testEmptyAndVariableValuesAreSkipped() {
    let settings = RuleSettings(labelSchema: ["version": .semver])
    assertNoFindings(DL3056.self, "FROM a:1\nLABEL version=\"\" \\\n  version=${VERSION}\n", settings: settings)
  }

  func testEmptySchemaFindsNothing() {
    for rule: any Rule.Type in [DL3052.self, DL3053.self, DL3054.self, DL3055.self, DL3056.self, DL3058.self] {
      assertNoFindings(rule, "FROM a:1\nLABEL url=x created=x license=x revision=x version=x authors=x\n")
    }
  }

  func testLegacyFormValueRange() {
    let settings = RuleSettings(labelSchema: ["version": .semver])
    assertFindings(DL3056.self, "FROM a:1\nLABEL version 1️⃣1.22️⃣\n", [FindingSpec("1️⃣", "2️⃣")], settings: settings)
  }
}
