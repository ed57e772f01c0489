import Foundation
import Analysis

/// SARIF 2.1.0, which GitHub code scanning and other analysis platforms import. Each result
/// points at its rule's metadata (`tool.driver.rules`) and carries the finding's quick fixes as
/// SARIF fixes. Columns count Unicode code points, as `columnKind` says.
enum SARIFFormat {
  static func render(_ report: LintReport) -> String {
    let ruleIDs = Array(Set(report.entries.map(\.finding.ruleID))).sorted()
    let ruleIndex = Dictionary(uniqueKeysWithValues: ruleIDs.enumerated().map { ($1, $0) })
    let results: [JSONValue] = report.entries.map { file, finding in
      var result = JSONObject([
        ("ruleId", .string(finding.ruleID)),
        ("ruleIndex", .int(ruleIndex[finding.ruleID]!)),
        ("level", .string(level(finding.severity))),
        ("message", ["text": .string(finding.message)]),
        ("locations", [["physicalLocation": physicalLocation(file, range: finding.range)]]),
      ])
      let fixes = finding.fixes.filter { $0.kind == .quickFix }
      if !fixes.isEmpty {
        result["fixes"] = .array(fixes.map { fix(file, $0) })
      }
      return .object(result)
    }
    let driver: JSONValue = [
      "name": .string(LanguageServer.name),
      "version": .string(LanguageServer.version),
      "rules": .array(ruleIDs.map(rule)),
    ]
    let log: JSONValue = [
      "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
      "version": "2.1.0",
      "runs": [[
        "tool": ["driver": driver],
        "columnKind": "unicodeCodePoints",
        "results": .array(results),
      ]],
    ]
    return FindingFormatter.jsonText(log) + "\n"
  }

  /// SARIF has error, warning and note levels; info and style findings become notes.
  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .info, .style: return "note"
    }
  }

  static func physicalLocation(_ file: LintReport.File, range: Range<Int>) -> JSONValue {
    ["artifactLocation": ["uri": .string(file.path)], "region": region(range, in: file.source)]
  }

  static func region(_ range: Range<Int>, in source: SourceText) -> JSONValue {
    let location = FindingFormatter.Location(range, in: source)
    return [
      "startLine": .int(location.line), "startColumn": .int(location.column),
      "endLine": .int(location.endLine), "endColumn": .int(location.endColumn),
    ]
  }

  static func fix(_ file: LintReport.File, _ fix: Fix) -> JSONValue {
    let replacements: [JSONValue] = fix.edits.map { edit in
      ["deletedRegion": region(edit.range, in: file.source), "insertedContent": ["text": .string(edit.newText)]]
    }
    return [
      "description": ["text": .string(fix.title)],
      "artifactChanges": [["artifactLocation": ["uri": .string(file.path)], "replacements": .array(replacements)]],
    ]
  }

  /// A rule's metadata from its documentation; an id that no rule has gets only its id.
  static func rule(_ id: String) -> JSONValue {
    guard let info = RuleRegistry.info(id: id) else { return ["id": .string(id)] }
    var object = JSONObject([
      ("id", .string(info.id)),
      ("name", .string(identifier(info.title))),
      ("shortDescription", ["text": .string(info.title)]),
      ("fullDescription", ["text": .string(whySection(info.documentation) ?? info.title)]),
      ("help", ["text": .string(info.documentation), "markdown": .string(info.documentation)]),
      ("defaultConfiguration", ["level": .string(level(info.defaultSeverity)), "enabled": .bool(info.isEnabledByDefault)]),
    ])
    if let url = info.documentationURL { object["helpUri"] = .string(url) }
    return .object(object)
  }

  /// Turns a title such as "Merge consecutive RUN instructions" into `MergeConsecutiveRunInstructions`.
  static func identifier(_ title: String) -> String {
    title.split { !$0.isLetter && !$0.isNumber }.map { word in
      word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }.joined()
  }

  /// The first paragraph of the documentation's `## Why` section, joined into one line.
  static func whySection(_ documentation: String) -> String? {
    let lines = documentation.split(separator: "\n", omittingEmptySubsequences: false)
    guard let heading = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "## Why" }) else { return nil }
    let paragraph = lines[(heading + 1)...].drop { $0.trimmingCharacters(in: .whitespaces).isEmpty }
      .prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    let text = paragraph.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    return text.isEmpty ? nil : text
  }
}
