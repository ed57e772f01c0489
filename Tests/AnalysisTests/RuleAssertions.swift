import XCTest
@testable import Analysis

/// The markers that tests put in Dockerfile text to name byte offsets. They are emoji because
/// `$0` or `|` would be valid shell inside RUN.
let markerNames = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣"]

/// Removes the markers from `marked` and returns the clean text with each marker's byte offset.
func extractMarkers(_ marked: String) -> (text: String, offsets: [String: Int]) {
  var text = marked
  var offsets: [String: Int] = [:]
  while let (name, range) = markerNames.compactMap({ name in text.range(of: name).map { (name, $0) } })
    .min(by: { $0.1.lowerBound < $1.1.lowerBound })
  {
    offsets[name] = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
    text.removeSubrange(range)
  }
  return (text, offsets)
}

/// An expected finding: its range between two markers and, when given, its exact message.
struct FindingSpec {
  var start: String
  var end: String
  var message: String?

  init(_ start: String, _ end: String, message: String? = nil) {
    self.start = start
    self.end = end
    self.message = message
  }
}

/// Returns the findings of `rule` alone on `text`.
func findings(of rule: any Rule.Type, in text: String, settings: RuleSettings = RuleSettings()) -> [Finding] {
  let configuration = LintConfiguration(enabledRules: [rule.id], settings: settings)
  return Linter(configuration: configuration).lint(Document(text: text)).filter { $0.ruleID == rule.id }
}

/// Checks that `rule` reports exactly the findings in `expected` on the marked text.
func assertFindings(
  _ rule: any Rule.Type, _ marked: String, _ expected: [FindingSpec], settings: RuleSettings = RuleSettings(),
  file: StaticString = #filePath, line: UInt = #line
) {
  let (text, offsets) = extractMarkers(marked)
  let actual = findings(of: rule, in: text, settings: settings)
  XCTAssertEqual(actual.count, expected.count, "findings: \(actual.map { "\($0.range) \($0.message)" })", file: file, line: line)
  for (finding, spec) in zip(actual, expected) {
    guard let start = offsets[spec.start], let end = offsets[spec.end] else {
      XCTFail("marker \(spec.start) or \(spec.end) is missing from the text", file: file, line: line)
      continue
    }
    XCTAssertEqual(finding.range, start..<end, "range of \(rule.id) finding", file: file, line: line)
    if let message = spec.message {
      XCTAssertEqual(finding.message, message, file: file, line: line)
    }
  }
}

/// Checks that `rule` reports nothing on `text`.
func assertNoFindings(
  _ rule: any Rule.Type, _ text: String, settings: RuleSettings = RuleSettings(),
  file: StaticString = #filePath, line: UInt = #line
) {
  let actual = findings(of: rule, in: text, settings: settings)
  XCTAssertEqual(actual.map(\.message), [], "expected no \(rule.id) findings", file: file, line: line)
}

/// Applies the first fix of the `findingIndex`-th finding of `rule` and compares the whole text.
func assertFix(
  _ rule: any Rule.Type, before: String, after: String, findingIndex: Int = 0, title: String? = nil,
  file: StaticString = #filePath, line: UInt = #line
) {
  let document = Document(text: before)
  let actual = findings(of: rule, in: before)
  guard findingIndex < actual.count else {
    XCTFail("expected at least \(findingIndex + 1) \(rule.id) findings, got \(actual.count)", file: file, line: line)
    return
  }
  guard let fix = actual[findingIndex].fixes.first else {
    XCTFail("\(rule.id) finding has no fix", file: file, line: line)
    return
  }
  if let title {
    XCTAssertEqual(fix.title, title, file: file, line: line)
  }
  XCTAssertEqual(document.source.applying(fix.edits).string, after, file: file, line: line)
}

/// Checks that the `rule` finding exists on `text` but carries no fix.
func assertNoFix(_ rule: any Rule.Type, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
  let actual = findings(of: rule, in: text)
  XCTAssertFalse(actual.isEmpty, "expected a \(rule.id) finding", file: file, line: line)
  XCTAssertEqual(actual.flatMap(\.fixes).map(\.title), [], "expected no fix", file: file, line: line)
}
