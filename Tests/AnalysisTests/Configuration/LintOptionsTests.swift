import Analysis
import XCTest

final class LintOptionsTests: XCTestCase {
  func testReadsEveryHadolintKey() {
    let result = ConfigurationReader.read(yaml: """
      ignored: [DL3008, dl3015]
      override:
        error: [DL3001]
        warning:
          - DL3042
        info: [DL3032]
        style: [DL3059]
      trustedRegistries:
        - docker.io
        - my-company.com:5000
      label-schema:
        author: text
        url: url
      strict-labels: true
      failure-threshold: warning
      format: sarif
      no-fail: false
      no-color: true
      disable-ignore-pragma: true
      """)
    XCTAssertEqual(result.errors, [])
    XCTAssertEqual(result.warnings, [])
    var expected = LintOptions()
    expected.ignored = ["DL3008", "DL3015"]
    expected.overrides = ["DL3001": .error, "DL3042": .warning, "DL3032": .info, "DL3059": .style]
    expected.trustedRegistries = ["docker.io", "my-company.com:5000"]
    expected.labelSchema = ["author": .text, "url": .url]
    expected.strictLabels = true
    expected.failureThreshold = .warning
    expected.format = "sarif"
    expected.noFail = false
    expected.noColor = true
    expected.disableIgnorePragma = true
    XCTAssertEqual(result.options, expected)

    let configuration = result.options.lintConfiguration
    XCTAssertEqual(configuration.disabledRules, ["DL3008", "DL3015"])
    XCTAssertEqual(configuration.severityOverrides["DL3059"], .style)
    XCTAssertEqual(configuration.settings.trustedRegistries, ["docker.io", "my-company.com:5000"])
    XCTAssertTrue(configuration.settings.strictLabels)
    XCTAssertFalse(configuration.honorsIgnorePragmas)
  }

  func testUnknownKeysWarnAndInvalidValuesNameTheKey() {
    let result = ConfigurationReader.read(yaml: """
      ignored: DL3008
      colour: true
      failure-threshold: bogus
      no-fail: yes
      override:
        fatal: [DL3001]
      label-schema:
        author: words
      format: xml
      """)
    XCTAssertEqual(result.warnings.map(\.description), ["line 2: unknown key `colour` is ignored"])
    XCTAssertEqual(result.errors.map(\.description), [
      "line 1: `ignored` must be a list, such as `ignored: [a, b]`",
      "line 3: `failure-threshold` must be one of error, warning, info, style, none; got `bogus`",
      "line 4: `no-fail` must be true or false",
      "line 6: `override` accepts the keys error, warning, info and style; got `fatal`",
      "line 8: `label-schema.author` must be one of text, url, semver, hash, rfc3339, spdx, email",
      "line 9: `format` must be one of tty, json, checkstyle, codeclimate, gitlab_codeclimate, gnu, codacy, sonarqube, sarif, junit, github; got `xml`",
    ])
  }

  func testYAMLErrorsAreReported() {
    let result = ConfigurationReader.read(yaml: "ignored:\n  - DL3008\n - DL3009\n")
    XCTAssertEqual(result.errors.map(\.description), ["invalid YAML at line 3: unexpected indentation; check the spaces before `- DL3009`"])
  }

  func testEnvironmentVariables() {
    let (options, issues) = LintOptions.fromEnvironment([
      "HADOLINT_NOFAIL": "yes", "HADOLINT_FORMAT": "json", "HADOLINT_FAILURE_THRESHOLD": "error",
      "HADOLINT_IGNORE": "DL3008, DL3015", "HADOLINT_OVERRIDE_ERROR": "DL3001", "HADOLINT_OVERRIDE_STYLE": "DL3059",
      "HADOLINT_ALLOWED_REGISTRIES": "docker.io", "HADOLINT_REQUIRE_LABELS": "author:text,bad",
      "HADOLINT_STRICT_LABELS": "0", "HADOLINT_DISABLE_IGNORE_PRAGMA": "TRUE", "NO_COLOR": "1",
    ])
    XCTAssertEqual(issues.map(\.description), ["HADOLINT_REQUIRE_LABELS entries must look like `name:type`; got `bad`"])
    XCTAssertEqual(options.noFail, true)
    XCTAssertEqual(options.format, "json")
    XCTAssertEqual(options.failureThreshold, .error)
    XCTAssertEqual(options.ignored, ["DL3008", "DL3015"])
    XCTAssertEqual(options.overrides, ["DL3001": .error, "DL3059": .style])
    XCTAssertEqual(options.trustedRegistries, ["docker.io"])
    XCTAssertEqual(options.labelSchema, ["author": .text])
    XCTAssertEqual(options.strictLabels, false)
    XCTAssertEqual(options.disableIgnorePragma, true)
    XCTAssertEqual(options.noColor, true)
  }

  func testHigherLayersWinAndListsCombine() {
    var file = LintOptions()
    file.ignored = ["DL3006"]
    file.format = "gnu"
    file.overrides = ["DL3009": .error]
    file.noFail = true
    var commandLine = LintOptions()
    commandLine.ignored = ["DL3008"]
    commandLine.format = "json"
    commandLine.overrides = ["DL3009": .warning]
    let merged = file.overriding(commandLine)
    XCTAssertEqual(merged.ignored, ["DL3006", "DL3008"])
    XCTAssertEqual(merged.format, "json")
    XCTAssertEqual(merged.overrides, ["DL3009": .warning])
    XCTAssertEqual(merged.noFail, true)
  }

  func testFailureThresholdNames() {
    XCTAssertEqual(LintOptions.failureThreshold(named: "none"), .style)
    XCTAssertEqual(LintOptions.failureThreshold(named: "Warning"), .warning)
    XCTAssertNil(LintOptions.failureThreshold(named: "fatal"))
  }
}
