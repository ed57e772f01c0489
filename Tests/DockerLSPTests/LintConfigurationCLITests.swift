import Analysis
import Foundation
import XCTest
@testable import DockerLSP

/// `docker-lsp lint` with configuration files, environment variables, command-line options and
/// pragmas, run as the built binary in a scratch directory with its own HOME.
final class LintConfigurationCLITests: XCTestCase {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Three single-command RUNs: DL3059 fires on lines 3 and 4.
  let threeRuns = "FROM alpine:3.20\nRUN echo a\nRUN echo b\nRUN echo c\n"
  var directory: URL!
  var home: URL!

  override func setUpWithError() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("docker-lsp-config-\(UUID().uuidString)")
    directory = base.appendingPathComponent("project")
    home = base.appendingPathComponent("home")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    try write(threeRuns, to: "Dockerfile")
  }

  override func tearDownWithError() throws {
    try FileManager.default.removeItem(at: directory.deletingLastPathComponent())
  }

  func write(_ text: String, to name: String, in folder: URL? = nil) throws {
    let url = (folder ?? directory).appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func lint(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
    let process = Process()
    process.executableURL = BuiltBinary.url
    process.arguments = ["lint"] + arguments
    process.currentDirectoryURL = directory
    process.environment = ["HOME": home.path, "PATH": "/usr/bin:/bin"].merging(environment) { _, new in new }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let stdout = output.fileHandleForReading.readDataToEndOfFile()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
  }

  func testNoConfigurationReportsEveryFinding() throws {
    let output = try lint(["-f", "gnu", "Dockerfile"])
    XCTAssertEqual(output.stdout.split(separator: "\n").count, 2)
    XCTAssertEqual(output.status, 1)
  }

  func testConfigurationInCurrentDirectory() throws {
    try write("ignored:\n  - DL3059\n", to: ".hadolint.yaml")
    let output = try lint(["Dockerfile"])
    XCTAssertEqual(output.stdout, "")
    XCTAssertEqual(output.status, 0)
  }

  func testYmlExtensionAndOverride() throws {
    try write("override:\n  error: [DL3059]\nformat: gnu\n", to: ".hadolint.yml")
    let output = try lint(["Dockerfile"])
    XCTAssertTrue(output.stdout.hasPrefix("docker-lsp:Dockerfile:3: DL3059 error: "), output.stdout)
  }

  func testXDGConfigurationIsFoundAfterTheCurrentDirectory() throws {
    let xdg = home.appendingPathComponent("xdg")
    try write("ignored: [DL3059]\n", to: "hadolint.yaml", in: xdg)
    XCTAssertEqual(try lint(["Dockerfile"], environment: ["XDG_CONFIG_HOME": xdg.path]).stdout, "")
    // A project file takes precedence over the XDG one.
    try write("ignored: []\n", to: ".hadolint.yaml")
    XCTAssertNotEqual(try lint(["Dockerfile"], environment: ["XDG_CONFIG_HOME": xdg.path]).stdout, "")
  }

  func testHomeConfigurationIsTheLastResort() throws {
    try write("ignored: [DL3059]\n", to: ".hadolint.yaml", in: home)
    XCTAssertEqual(try lint(["Dockerfile"]).stdout, "")
  }

  func testExplicitConfigReplacesTheSearch() throws {
    try write("ignored: [DL3059]\n", to: ".hadolint.yaml")
    try write("failure-threshold: error\n", to: "ci/lint.yaml")
    let output = try lint(["-c", "ci/lint.yaml", "-f", "gnu", "Dockerfile"])
    XCTAssertEqual(output.stdout.split(separator: "\n").count, 2)
    XCTAssertEqual(output.status, 0)
  }

  func testMissingExplicitConfigIsAnError() throws {
    let output = try lint(["--config", "missing.yaml", "Dockerfile"])
    XCTAssertEqual(output.status, 2)
    XCTAssertTrue(output.stderr.contains("cannot read configuration file 'missing.yaml'"), output.stderr)
  }

  func testInvalidValueAndUnknownKey() throws {
    try write("ignored: [DL3059]\nfailure-threshold: fatal\n", to: ".hadolint.yaml")
    let invalid = try lint(["Dockerfile"])
    XCTAssertEqual(invalid.status, 2)
    XCTAssertTrue(invalid.stderr.contains("line 2: `failure-threshold` must be one of error, warning, info, style, none; got `fatal`"), invalid.stderr)

    try write("ignored: [DL3059]\ncolour: false\n", to: ".hadolint.yaml")
    let unknown = try lint(["Dockerfile"])
    XCTAssertEqual(unknown.status, 0)
    XCTAssertTrue(unknown.stderr.contains("warning: \(directory.path)/.hadolint.yaml: line 2: unknown key `colour` is ignored"), unknown.stderr)
  }

  func testInvalidYAMLNamesTheLine() throws {
    try write("ignored:\n  - DL3059\n   - DL3006\n", to: ".hadolint.yaml")
    let output = try lint(["Dockerfile"])
    XCTAssertEqual(output.status, 2)
    XCTAssertTrue(output.stderr.contains("invalid YAML at line 3: "), output.stderr)
  }

  func testCommandLineBeatsEnvironmentBeatsFile() throws {
    try write("failure-threshold: error\n", to: ".hadolint.yaml")
    XCTAssertEqual(try lint(["Dockerfile"]).status, 0)
    XCTAssertEqual(try lint(["Dockerfile"], environment: ["HADOLINT_FAILURE_THRESHOLD": "info"]).status, 1)
    XCTAssertEqual(try lint(["-t", "error", "Dockerfile"], environment: ["HADOLINT_FAILURE_THRESHOLD": "info"]).status, 0)

    try write("override:\n  error: [DL3059]\n", to: ".hadolint.yaml")
    let output = try lint(["--warning", "DL3059", "-f", "gnu", "Dockerfile"], environment: ["HADOLINT_OVERRIDE_INFO": "DL3059"])
    XCTAssertTrue(output.stdout.hasPrefix("docker-lsp:Dockerfile:3: DL3059 warning: "), output.stdout)
  }

  func testEnvironmentVariables() throws {
    XCTAssertEqual(try lint(["Dockerfile"], environment: ["HADOLINT_IGNORE": "DL3006,DL3059"]).stdout, "")
    XCTAssertEqual(try lint(["Dockerfile"], environment: ["HADOLINT_NOFAIL": "true"]).status, 0)
    let json = try lint(["Dockerfile"], environment: ["HADOLINT_FORMAT": "json"])
    XCTAssertTrue(json.stdout.hasPrefix(#"[{"code":"DL3059""#), json.stdout)
  }

  func testListsFromAllLayersCombine() throws {
    try write(threeRuns + "RUN useradd -u 123456 bob\n", to: "Dockerfile")
    try write("ignored: [DL3059]\n", to: ".hadolint.yaml")
    XCTAssertTrue(try lint(["Dockerfile"]).stdout.contains("DL3046"))
    XCTAssertEqual(try lint(["Dockerfile"], environment: ["HADOLINT_IGNORE": "DL3046"]).stdout, "")
    XCTAssertEqual(try lint(["--ignore", "DL3046", "Dockerfile"]).stdout, "")
  }

  func testPragmasAndDisableIgnorePragma() throws {
    try write("FROM alpine:3.20\nRUN echo a\n# hadolint ignore=DL3059 # a reason\nRUN echo b\nRUN echo c\n", to: "Dockerfile")
    XCTAssertEqual(try lint(["-f", "gnu", "Dockerfile"]).stdout.split(separator: "\n").count, 1)
    XCTAssertEqual(try lint(["-f", "gnu", "--disable-ignore-pragma", "Dockerfile"]).stdout.split(separator: "\n").count, 2)
    try write("disable-ignore-pragma: true\n", to: ".hadolint.yaml")
    XCTAssertEqual(try lint(["-f", "gnu", "Dockerfile"]).stdout.split(separator: "\n").count, 2)
  }

  func testFilePathInReportAndInlineOptionValues() throws {
    let output = try lint(["--format=checkstyle", "--file-path-in-report=src/Dockerfile", "Dockerfile"])
    XCTAssertTrue(output.stdout.contains(#"<file name="src/Dockerfile">"#), output.stdout)
    XCTAssertEqual(try lint(["--no-fail=yes", "Dockerfile"]).status, 2)
  }

  func testOutputFileAndVerbose() throws {
    try write("ignored: [DL3046]\n", to: ".hadolint.yaml")
    let output = try lint(["-V", "-o", "report.json", "-f", "json", "Dockerfile"])
    XCTAssertEqual(output.status, 1)
    XCTAssertEqual(output.stdout, "")
    XCTAssertTrue(output.stderr.contains("Configuration file used: \(directory.path)/.hadolint.yaml"), output.stderr)
    let report = try String(contentsOf: directory.appendingPathComponent("report.json"), encoding: .utf8)
    XCTAssertTrue(report.hasPrefix(#"[{"code":"DL3059""#), report)
  }

  func testNoneThresholdFailsOnAnyFinding() throws {
    XCTAssertEqual(try lint(["--style", "DL3059", "-t", "warning", "Dockerfile"]).status, 0)
    XCTAssertEqual(try lint(["--style", "DL3059", "-t", "none", "Dockerfile"]).status, 1)
  }

  func testTTYColourOffWithoutTerminal() throws {
    let output = try lint(["Dockerfile"], environment: ["NO_COLOR": "1"])
    XCTAssertFalse(output.stdout.contains("\u{1B}"))
    XCTAssertFalse(try lint(["Dockerfile"]).stdout.contains("\u{1B}"))
  }

  func testManyFilesKeepInputOrder() throws {
    var names: [String] = []
    for index in 0..<24 {
      let name = "Dockerfile.\(index)"
      try write(index.isMultiple(of: 2) ? threeRuns : "FROM alpine:3.20\n", to: name)
      names.append(name)
    }
    let output = try lint(["-f", "gnu"] + names)
    let reported = output.stdout.split(separator: "\n").map { $0.split(separator: ":")[1] }
    let expected = names.enumerated().filter { $0.offset.isMultiple(of: 2) }.flatMap { [Substring($0.element), Substring($0.element)] }
    XCTAssertEqual(reported, expected)
  }

  func testCandidateOrderMatchesHadolint() {
    let paths = ConfigurationFiles.candidates(currentDirectory: "/work", environment: ["HOME": "/home/me"])
    XCTAssertEqual(paths, [
      "/work/.hadolint.yaml", "/work/.hadolint.yml",
      "/home/me/.config/hadolint.yaml", "/home/me/.config/hadolint.yml",
      "/home/me/.hadolint/hadolint.yaml", "/home/me/.hadolint/hadolint.yml",
      "/home/me/.hadolint/config.yaml", "/home/me/.hadolint/config.yml",
      "/home/me/.hadolint.yaml", "/home/me/.hadolint.yml",
    ])
    XCTAssertEqual(
      ConfigurationFiles.candidates(currentDirectory: "/w", environment: ["HOME": "/h", "XDG_CONFIG_HOME": "/x"])[2], "/x/hadolint.yaml")
  }

  func testUsageErrors() throws {
    XCTAssertTrue(try lint(["--require-label", "author", "Dockerfile"]).stderr.contains("invalid label requirement 'author'"))
    XCTAssertTrue(try lint(["-f", "xml", "Dockerfile"]).stderr.contains("unknown format 'xml'"))
    XCTAssertTrue(try lint(["-t", "fatal", "Dockerfile"]).stderr.contains("unknown failure threshold 'fatal'"))
  }
}
