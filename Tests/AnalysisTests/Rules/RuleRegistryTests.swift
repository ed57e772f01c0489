import XCTest
@testable import Analysis

/// Keeps the rule docs honest: each documented example must behave as the docs say.
final class RuleRegistryTests: XCTestCase {
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
      XCTAssertFalse(findings(of: rule, in: example, settings: rule.exampleSettings).isEmpty, "\(rule.id) Example does not fire")
    }
  }

  func testDocumentedAlternativesStayQuiet() {
    for rule in RuleRegistry.all {
      guard let alternative = codeBlock(after: "Use instead", in: rule.documentation) else {
        XCTFail("\(rule.id) has no Use instead block")
        continue
      }
      XCTAssertEqual(findings(of: rule, in: alternative, settings: rule.exampleSettings).map(\.message), [], "\(rule.id) Use instead fires")
    }
  }

  func testIDsAreUniqueAndLookupIgnoresCase() {
    XCTAssertEqual(Set(RuleRegistry.all.map { $0.id }).count, RuleRegistry.all.count)
    XCTAssertEqual(RuleRegistry.rule(id: "dl3059")?.id, "DL3059")
    XCTAssertNil(RuleRegistry.rule(id: "DL9999"))
  }
}
