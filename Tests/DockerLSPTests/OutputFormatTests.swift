import Analysis
import Foundation
import XCTest
@testable import DockerLSP

/// Each output format on the same small report: two files with findings and one without.
final class OutputFormatTests: XCTestCase {
  /// Offsets: line 2 "RUN echo a" is 17..<27, line 3 "RUN echo b" is 28..<38.
  static let mergeFinding = Finding(
    ruleID: "DL3059", severity: .info, range: 28..<38, message: "Merge this `RUN` with the previous one",
    fixes: [Fix(title: "Merge with the previous RUN", edits: [TextEdit(range: 27..<32, newText: " \\\n    && ")])])
  static let tagFinding = Finding(ruleID: "DL3006", severity: .warning, range: 5..<11, message: "Tag `ubuntu` <a> & \"b\" 50%")

  static func report(_ first: Finding = mergeFinding, _ second: Finding = tagFinding) -> LintReport {
    LintReport(
      files: [
        LintReport.File(path: "Dockerfile", source: SourceText("FROM alpine:3.20\nRUN echo a\nRUN echo b\n"), findings: [first]),
        LintReport.File(path: "dir/a,b:c", source: SourceText("FROM ubuntu\n"), findings: [second]),
        LintReport.File(path: "empty", source: SourceText("FROM alpine:3.20\n"), findings: []),
      ],
      date: Date(timeIntervalSince1970: 1_800_000_000))
  }

  private func render(_ format: OutputFormat, color: Bool = false) -> String {
    FindingFormatter.format(Self.report(), as: format, color: color)
  }

  func testTTY() {
    XCTAssertEqual(render(.tty), """
      Dockerfile:3 DL3059 info: Merge this `RUN` with the previous one
      dir/a,b:c:1 DL3006 warning: Tag `ubuntu` <a> & "b" 50%

      """)
  }

  func testTTYColoursLevelsAsHadolint() {
    XCTAssertEqual(render(.tty, color: true), """
      Dockerfile:3 DL3059 \u{1B}[92minfo\u{1B}[0m: Merge this `RUN` with the previous one
      dir/a,b:c:1 DL3006 \u{1B}[1m\u{1B}[93mwarning\u{1B}[0m: Tag `ubuntu` <a> & "b" 50%

      """)
    XCTAssertEqual(TTYFormat.colored(.error), "\u{1B}[1m\u{1B}[91merror\u{1B}[0m")
    XCTAssertEqual(TTYFormat.colored(.style), "\u{1B}[96mstyle\u{1B}[0m")
  }

  func testJSON() {
    XCTAssertEqual(render(.json), #"""
      [{"code":"DL3059","column":1,"endColumn":11,"endLine":3,"file":"Dockerfile","level":"info","line":3,"message":"Merge this `RUN` with the previous one"},{"code":"DL3006","column":6,"endColumn":12,"endLine":1,"file":"dir/a,b:c","level":"warning","line":1,"message":"Tag `ubuntu` <a> & \"b\" 50%"}]

      """#)
  }

  func testCheckstyle() {
    XCTAssertEqual(render(.checkstyle), #"""
      <?xml version="1.0" encoding="UTF-8"?><checkstyle version="4.3"><file name="Dockerfile"><error column="1" line="3" message="Merge this `RUN` with the previous one" severity="info" source="DL3059"/></file><file name="dir/a,b:c"><error column="6" line="1" message="Tag `ubuntu` &lt;a&gt; &amp; &quot;b&quot; 50%" severity="warning" source="DL3006"/></file><file name="empty"/></checkstyle>

      """#)
  }

  func testCodeClimateSeparatesIssuesWithNul() {
    XCTAssertEqual(render(.codeclimate), #"""
      {"categories":["Bug Risk"],"check_name":"DL3059","description":"Merge this `RUN` with the previous one","location":{"lines":{"begin":3,"end":3},"path":"Dockerfile"},"severity":"info","type":"issue"}\#u{0}{"categories":["Bug Risk"],"check_name":"DL3006","description":"Tag `ubuntu` <a> & \"b\" 50%","location":{"lines":{"begin":1,"end":1},"path":"dir/a,b:c"},"severity":"major","type":"issue"}\#u{0}
      """#)
  }

  /// The fingerprints are the SHA-1 of each issue's Code Climate JSON, checked with Python's hashlib.
  func testGitLabCodeClimateFingerprintsTheIssueJSON() {
    XCTAssertEqual(render(.gitlabCodeclimate), #"""
      [{"categories":["Bug Risk"],"check_name":"DL3059","description":"Merge this `RUN` with the previous one","fingerprint":"91adb0143f40d79e940e743f0a8a2dde42cd901b","location":{"lines":{"begin":3,"end":3},"path":"Dockerfile"},"severity":"info","type":"issue"},{"categories":["Bug Risk"],"check_name":"DL3006","description":"Tag `ubuntu` <a> & \"b\" 50%","fingerprint":"28e2dd7f2787776dd493442f476bc9f08455288c","location":{"lines":{"begin":1,"end":1},"path":"dir/a,b:c"},"severity":"major","type":"issue"}]

      """#)
  }

  func testSHA1MatchesKnownDigests() {
    XCTAssertEqual(SHA1.hexDigest([]), "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    XCTAssertEqual(SHA1.hexDigest(Array("abc".utf8)), "a9993e364706816aba3e25717850c26c9cd0d89d")
    // Two blocks: the padding spills into a second 64-byte block.
    XCTAssertEqual(
      SHA1.hexDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
      "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
  }

  func testGNU() {
    XCTAssertEqual(render(.gnu), """
      docker-lsp:Dockerfile:3: DL3059 info: Merge this `RUN` with the previous one
      docker-lsp:dir/a,b:c:1: DL3006 warning: Tag `ubuntu` <a> & "b" 50%

      """)
  }

  func testCodacy() {
    XCTAssertEqual(render(.codacy), #"""
      {"filename":"Dockerfile","line":3,"message":"Merge this `RUN` with the previous one","patternId":"DL3059"}{"filename":"dir/a,b:c","line":1,"message":"Tag `ubuntu` <a> & \"b\" 50%","patternId":"DL3006"}

      """#)
  }

  func testSonarQube() {
    XCTAssertEqual(render(.sonarqube), #"""
      {"issues":[{"engineId":"docker-lsp","primaryLocation":{"filePath":"Dockerfile","message":"Merge this `RUN` with the previous one","textRange":{"endColumn":10,"endLine":3,"startColumn":0,"startLine":3}},"ruleId":"DL3059","severity":"MINOR","type":"CODE_SMELL"},{"engineId":"docker-lsp","primaryLocation":{"filePath":"dir/a,b:c","message":"Tag `ubuntu` <a> & \"b\" 50%","textRange":{"endColumn":11,"endLine":1,"startColumn":5,"startLine":1}},"ruleId":"DL3006","severity":"MAJOR","type":"CODE_SMELL"}]}

      """#)
  }

  func testJUnit() {
    XCTAssertEqual(render(.junit), #"""
      <?xml version="1.0" encoding="UTF-8"?><testsuites id="20270115_080000" name="docker-lsp run at 2027-01-15 08:00:00" time="0.001"><testsuite errors="0" failures="2" id="docker-lsp" name="docker-lsp 0.1.0" time="0.001"><testcase id="docker-lsp.rule.DL3059" time="0.001"><failure id="DL3059" message="Merge this `RUN` with the previous one" type="info">File: Dockerfile
      Line: 3
      Category: docker-lsp - Dockerfile Static Analysis
      info: Merge this `RUN` with the previous one
      </failure></testcase><testcase id="docker-lsp.rule.DL3006" time="0.001"><failure id="DL3006" message="Tag `ubuntu` &lt;a&gt; &amp; &quot;b&quot; 50%" type="warning">File: dir/a,b:c
      Line: 1
      Category: docker-lsp - Dockerfile Static Analysis
      warning: Tag `ubuntu` &lt;a&gt; &amp; &quot;b&quot; 50%
      </failure></testcase></testsuite></testsuites>

      """#)
  }

  func testGitHubAnnotations() {
    XCTAssertEqual(render(.github), """
      ::notice file=Dockerfile,line=3,col=1,endLine=3,endColumn=11,title=DL3059::Merge this `RUN` with the previous one
      ::warning file=dir/a%2Cb%3Ac,line=1,col=6,endLine=1,endColumn=12,title=DL3006::Tag `ubuntu` <a> & "b" 50%25

      """)
  }

  func testEmptyReports() {
    let empty = LintReport(files: [], date: Date(timeIntervalSince1970: 0))
    XCTAssertEqual(FindingFormatter.format(empty, as: .codacy, color: false), "")
    XCTAssertEqual(FindingFormatter.format(empty, as: .json, color: false), "[]\n")
    XCTAssertEqual(FindingFormatter.format(empty, as: .junit, color: false), #"""
      <?xml version="1.0" encoding="UTF-8"?><testsuites id="19700101_000000" name="docker-lsp run at 1970-01-01 00:00:00" time="0.001"><testsuite errors="0" failures="0" id="docker-lsp" name="docker-lsp 0.1.0" time="0.001"/></testsuites>

      """#)
  }

  /// Rule ids that no rule has, so the expected text does not change when rule docs do.
  func testSARIFExactOutput() {
    var merge = Self.mergeFinding
    merge.ruleID = "DX9001"
    var tag = Self.tagFinding
    tag.ruleID = "DX9002"
    let output = FindingFormatter.format(Self.report(merge, tag), as: .sarif, color: false)
    XCTAssertEqual(output, #"""
      {"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"docker-lsp","version":"0.1.0","rules":[{"id":"DX9001"},{"id":"DX9002"}]}},"columnKind":"unicodeCodePoints","results":[{"ruleId":"DX9001","ruleIndex":0,"level":"note","message":{"text":"Merge this `RUN` with the previous one"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"Dockerfile"},"region":{"startLine":3,"startColumn":1,"endLine":3,"endColumn":11}}}],"fixes":[{"description":{"text":"Merge with the previous RUN"},"artifactChanges":[{"artifactLocation":{"uri":"Dockerfile"},"replacements":[{"deletedRegion":{"startLine":2,"startColumn":11,"endLine":3,"endColumn":5},"insertedContent":{"text":" \\\n    && "}}]}]}]},{"ruleId":"DX9002","ruleIndex":1,"level":"warning","message":{"text":"Tag `ubuntu` <a> & \"b\" 50%"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"dir/a,b:c"},"region":{"startLine":1,"startColumn":6,"endLine":1,"endColumn":12}}}]}]}]}

      """#)
  }

  /// Checks the fields that the SARIF 2.1.0 schema requires and the rule metadata from the docs.
  func testSARIFRequiredFieldsAndRuleMetadata() throws {
    let output = render(.sarif)
    let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    XCTAssertEqual(log["version"] as? String, "2.1.0")
    let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
    let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    XCTAssertEqual(driver["name"] as? String, "docker-lsp")
    let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
    XCTAssertEqual(rules.map { $0["id"] as? String }, ["DL3006", "DL3059"])

    let mergeRule = rules[1]
    let info = try XCTUnwrap(RuleRegistry.info(id: "DL3059"))
    XCTAssertEqual(mergeRule["name"] as? String, "MergeConsecutiveRunInstructions")
    XCTAssertEqual((mergeRule["shortDescription"] as? [String: Any])?["text"] as? String, info.title)
    let fullDescription = try XCTUnwrap((mergeRule["fullDescription"] as? [String: Any])?["text"] as? String)
    XCTAssertTrue(info.documentation.contains(fullDescription))
    XCTAssertFalse(fullDescription.contains("\n"))
    XCTAssertEqual((mergeRule["help"] as? [String: Any])?["markdown"] as? String, info.documentation)
    XCTAssertEqual(mergeRule["helpUri"] as? String, "https://github.com/hadolint/hadolint/wiki/DL3059")
    XCTAssertEqual((mergeRule["defaultConfiguration"] as? [String: Any])?["level"] as? String, "note")

    let results = try XCTUnwrap(run["results"] as? [[String: Any]])
    XCTAssertEqual(results.count, 2)
    for result in results {
      XCTAssertNotNil((result["message"] as? [String: Any])?["text"] as? String)
      let ruleIndex = try XCTUnwrap(result["ruleIndex"] as? Int)
      XCTAssertEqual(rules[ruleIndex]["id"] as? String, result["ruleId"] as? String)
      let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
      XCTAssertNotNil((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
      let region = try XCTUnwrap(location["region"] as? [String: Any])
      for key in ["startLine", "startColumn", "endLine", "endColumn"] {
        XCTAssertGreaterThanOrEqual(region[key] as? Int ?? 0, 1, key)
      }
    }
    XCTAssertEqual((results[0]["fixes"] as? [Any])?.count, 1)
    XCTAssertNil(results[1]["fixes"])
  }

  func testSARIFRuleNameFromTitle() {
    XCTAssertEqual(SARIFFormat.identifier("Use `--no-install-recommends` with apt-get"), "UseNoInstallRecommendsWithAptGet")
    XCTAssertEqual(SARIFFormat.whySection("## Why\nLine one\nline two.\n\nMore.\n"), "Line one line two.")
    XCTAssertNil(SARIFFormat.whySection("No sections"))
  }
}
