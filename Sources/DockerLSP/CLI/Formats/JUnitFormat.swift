import Analysis
import Foundation

/// JUnit XML, which CI servers show as test results: one failed test case per finding, in
/// hadolint's layout.
enum JUnitFormat {
  static func render(_ report: LintReport) -> String {
    let stamp = timestamps(report.date)
    let name = "\(LanguageServer.name) \(LanguageServer.version)"
    var output = #"<?xml version="1.0" encoding="UTF-8"?>"#
    output += #"<testsuites id="\#(stamp.id)" name="\#(LanguageServer.name) run at \#(stamp.readable)" time="0.001">"#
    let entries = report.entries
    output += #"<testsuite errors="0" failures="\#(entries.count)" id="\#(LanguageServer.name)" name="\#(name)" time="0.001""#
    if entries.isEmpty { return output + "/></testsuites>\n" }
    output += ">"
    for (file, finding) in entries {
      let location = FindingFormatter.Location(finding, in: file.source)
      let level = finding.severity.rawValue
      let message = FindingFormatter.xmlEscaped(finding.message)
      output += #"<testcase id="\#(LanguageServer.name).rule.\#(finding.ruleID)" time="0.001">"#
      output += #"<failure id="\#(finding.ruleID)" message="\#(message)" type="\#(level)">"#
      output += "File: \(FindingFormatter.xmlEscaped(file.path))\nLine: \(location.line)\n"
      output += "Category: \(LanguageServer.name) - Dockerfile Static Analysis\n\(level): \(message)\n"
      output += "</failure></testcase>"
    }
    return output + "</testsuite></testsuites>\n"
  }

  /// The run's time as `20261204_200948` for the id and `2026-12-04 20:09:48` for the name, in UTC.
  static func timestamps(_ date: Date) -> (id: String, readable: String) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
    let day = "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))"
    let time = "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    return (day.replacingOccurrences(of: "-", with: "") + "_" + time.replacingOccurrences(of: ":", with: ""), "\(day) \(time)")
  }
}
