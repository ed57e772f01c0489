import Foundation
import XCTest
@testable import DockerLSP

/// Runs the built `docker-lsp` binary as a user would from a shell.
final class CommandLineTests: XCTestCase {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static var binary: URL { BuiltBinary.url }

  func run(_ arguments: [String], stdin: String? = nil) throws -> Output {
    try Self.runBinary(arguments, stdin: stdin)
  }

  static func runBinary(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws -> Output {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let stdoutData = output.fileHandleForReading.readDataToEndOfFile()
    let stderrData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                  stderr: String(decoding: stderrData, as: UTF8.self))
  }

  func temporaryFile(_ text: String, name: String = "Dockerfile") throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docker-lsp-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  let twoRuns = "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\nRUN echo done\n"

  func testLintJSONReportsExactLocation() throws {
    let file = try temporaryFile(twoRuns)
    let output = try run(["lint", "--format", "json", file.path])
    XCTAssertEqual(output.status, 1)
    let items = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
    let merge = try XCTUnwrap(items.first { $0["code"] as? String == "DL3059" })
    XCTAssertEqual(merge["file"] as? String, file.path)
    XCTAssertEqual(merge["line"] as? Int, 3)
    XCTAssertEqual(merge["column"] as? Int, 1)
    XCTAssertEqual(merge["endLine"] as? Int, 3)
    XCTAssertEqual(merge["endColumn"] as? Int, 14)
    XCTAssertEqual(merge["level"] as? String, "info")
  }

  func testLintTTYFormatMatchesHadolintLayout() throws {
    let file = try temporaryFile(twoRuns)
    let output = try run(["lint", "--no-color", file.path])
    let lines = output.stdout.split(separator: "\n").map(String.init)
    XCTAssertTrue(lines.contains { $0.hasPrefix("\(file.path):3 DL3059 info: ") }, output.stdout)
  }

  func testFailureThresholdAboveFindingsExitsZero() throws {
    let file = try temporaryFile(twoRuns)
    XCTAssertEqual(try run(["lint", "-t", "error", file.path]).status, 0)
    XCTAssertEqual(try run(["lint", "--failure-threshold", "info", file.path]).status, 1)
    XCTAssertEqual(try run(["lint", "--no-fail", file.path]).status, 0)
  }

  func testIgnoredRuleIsNotReported() throws {
    let file = try temporaryFile(twoRuns)
    let output = try run(["lint", "--ignore", "DL3059", "-f", "json", file.path])
    XCTAssertFalse(output.stdout.contains("DL3059"))
  }

  func testStandardInputIsLintedAsDash() throws {
    let output = try run(["lint", "-f", "json", "-"], stdin: twoRuns)
    XCTAssertTrue(output.stdout.contains("\"file\":\"-\""), output.stdout)
    XCTAssertTrue(output.stdout.contains("DL3059"), output.stdout)
  }

  func testMissingFileExitsTwoWithMessage() throws {
    let output = try run(["lint", "/nonexistent/Dockerfile"])
    XCTAssertEqual(output.status, 2)
    XCTAssertTrue(output.stderr.contains("cannot read '/nonexistent/Dockerfile'"), output.stderr)
  }

  func testUnknownFormatIsUsageError() throws {
    let output = try run(["lint", "-f", "yaml", "x"])
    XCTAssertEqual(output.status, 2)
    XCTAssertTrue(output.stderr.contains("unknown format 'yaml'"), output.stderr)
  }

  func testExplainPrintsRuleDocs() throws {
    let output = try run(["explain", "dl3059"])
    XCTAssertEqual(output.status, 0)
    XCTAssertTrue(output.stdout.hasPrefix("# DL3059: "), output.stdout)
    XCTAssertTrue(output.stdout.contains("## Why"), output.stdout)
  }

  func testExplainUnknownRuleFails() throws {
    let output = try run(["explain", "DL9999"])
    XCTAssertEqual(output.status, 2)
    XCTAssertTrue(output.stderr.contains("unknown rule 'DL9999'"), output.stderr)
  }
}

/// `docker-lsp parse --json` run on every corpus file, compared with BuildKit's oracle.
final class ParseCommandTests: XCTestCase {
  static var corpus: URL {
    if let path = ProcessInfo.processInfo.environment["DOCKERLSP_CORPUS"] { return URL(fileURLWithPath: path) }
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
  }

  /// Re-serialises JSON with sorted keys, so that two documents compare by content.
  static func canonical(_ data: Data) throws -> Data {
    try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: data), options: [.sortedKeys])
  }

  func testParseJSONMatchesBuildKitOnCorpus() throws {
    let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: Self.corpus, includingPropertiesForKeys: nil),
                                   "corpus not found at \(Self.corpus.path); set DOCKERLSP_CORPUS")
    var compared = 0
    var mismatched: [String] = []
    for case let oracle as URL in enumerator where oracle.lastPathComponent.hasSuffix(".parse.json") {
      // `x.parse.json` belongs to `x.Dockerfile`, or to `Dockerfile` for `Dockerfile.parse.json`.
      let stem = String(oracle.path.dropLast(".parse.json".count))
      let dockerfile = URL(fileURLWithPath: stem.hasSuffix("/Dockerfile") ? stem : stem + ".Dockerfile")
      let output = try CommandLineTests.runBinary(["parse", "--json", dockerfile.path])
      let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: oracle))
      let expectsError = (expected as? [String: Any])?["error"] != nil
      if expectsError {
        // The message wording may differ; rejecting the file is what must match.
        if output.status != 1 { mismatched.append(dockerfile.path) }
      } else if try output.status != 0 || Self.canonical(Data(output.stdout.utf8)) != Self.canonical(Data(contentsOf: oracle)) {
        mismatched.append(dockerfile.path)
      }
      compared += 1
    }
    XCTAssertGreaterThan(compared, 250, "expected the whole corpus")
    XCTAssertEqual(mismatched.count, 0, "first mismatches: \(mismatched.prefix(10))")
  }
}

final class CommandLineVersionTests: XCTestCase {
  func testVersionPrintsNameAndVersion() throws {
    let output = try CommandLineTests.runBinary(["--version"])
    XCTAssertEqual(output.status, 0)
    XCTAssertEqual(output.stdout, "docker-lsp \(LanguageServer.version)\n")
  }

  func testRulesMarkOffByDefault() throws {
    let output = try CommandLineTests.runBinary(["rules"])
    let line = output.stdout.split(separator: "\n").first { $0.hasPrefix("DL3057") }
    XCTAssertEqual(line.map(String.init), "DL3057  info      Add a HEALTHCHECK (off by default)")
  }
}
