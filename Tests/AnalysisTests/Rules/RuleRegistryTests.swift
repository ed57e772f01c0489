import XCTest
@testable import Analysis

/// Keeps the rule docs honest: each documented example must behave as the docs say.
final class RuleRegistryTests: XCTestCase {
  /// Settings under which a rule's documented examples run, for rules that stay silent without
  /// configuration.
  let exampleSettings: [String: RuleSettings] = [
    "DL3026": RuleSettings(trustedRegistries: ["registry.example.com"]),
  ]

  /// Returns the findings of `rule` on `text` under the rule's example settings.
  func exampleFindings(of rule: any Rule.Type, in text: String) -> [Finding] {
    let configuration = LintConfiguration(enabledRules: [rule.id], settings: exampleSettings[rule.id] ?? RuleSettings())
    return Linter(configuration: configuration).lint(Document(text: text)).filter { $0.ruleID == rule.id }
  }

  /// Returns the first ```dockerfile block after the heading `## name`.
  func codeBlock(after heading: String, in markdown: String) -> String? {
    guard let headingRange = markdown.range(of: "## \(heading)\n") else { return nil }
    let rest = markdown[headingRange.upperBound...]
    guard let open = rest.range(of: "```dockerfile\n") else { return nil }
    guard let close = rest[open.upperBound...].range(of: "```") else { return nil }
    return String(rest[open.upperBound..<close.lowerBound])
  }

  func testDocumentedExamplesFire() {
    for rule in RuleRegistry.all {
      guard let example = codeBlock(after: "Example", in: rule.documentation) else {
        XCTFail("\(rule.id) has no Example block")
        continue
      }
      XCTAssertFalse(exampleFindings(of: rule, in: example).isEmpty, "\(rule.id) Example does not fire")
    }
  }

  func testDocumentedAlternativesStayQuiet() {
    for rule in RuleRegistry.all {
      guard let alternative = codeBlock(after: "Use instead", in: rule.documentation) else {
        XCTFail("\(rule.id) has no Use instead block")
        continue
      }
      XCTAssertEqual(exampleFindings(of: rule, in: alternative).map(\.message), [], "\(rule.id) Use instead fires")
    }
  }

  func testIDsAreUniqueAndLookupIgnoresCase() {
    XCTAssertEqual(Set(RuleRegistry.all.map { $0.id }).count, RuleRegistry.all.count)
    XCTAssertEqual(RuleRegistry.rule(id: "dl3059")?.id, "DL3059")
    XCTAssertNil(RuleRegistry.rule(id: "DL9999"))
  }
}
