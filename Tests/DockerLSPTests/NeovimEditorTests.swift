import Analysis
import Foundation
import XCTest

/// The diagnostics that docker-lsp must publish for `NeovimEditorTests.dockerfile`, as
/// LSP positions (0-based lines, UTF-16 characters, exclusive end).
///
/// DL3059 flags the second of two consecutive `RUN` instructions, and its range is the
/// whole of line 2, `RUN echo done`, which is 13 characters long.
private let expectedDiagnostics = [
  DiagnosticSummary(code: "DL3059", startLine: 2, startCharacter: 0, endLine: 2, endCharacter: 13)
]

/// One diagnostic reduced to the fields the test compares.
private struct DiagnosticSummary: Comparable, CustomStringConvertible {
  var code: String
  var startLine: Int
  var startCharacter: Int
  var endLine: Int
  var endCharacter: Int

  var description: String {
    "\(code) \(startLine):\(startCharacter)-\(endLine):\(endCharacter)"
  }

  static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.startLine, lhs.startCharacter, lhs.code) < (rhs.startLine, rhs.startCharacter, rhs.code)
  }
}

/// Runs the real docker-lsp binary under headless Neovim and checks what the editor receives.
///
/// The Lua side lives in `editors/neovim/test/diagnostics_and_hover.lua` and starts the
/// server through the shipped client setup, so these tests also cover that setup.
/// Without `nvim` on PATH the tests skip, except when `CI` is set, where they fail.
final class NeovimEditorTests: XCTestCase {
  static let dockerfile = """
    FROM alpine:3.20
    RUN apk add --no-cache curl=8.9.1-r0
    RUN echo done

    """

  /// Upper bound for the whole Neovim session, which itself waits at most 5 s for the
  /// client to attach, 20 s for diagnostics and 20 s for hover.
  static let sessionTimeout: TimeInterval = 90

  private var workDirectory: URL!

  override func setUpWithError() throws {
    workDirectory = FileManager.default.temporaryDirectory
      .appendingPathComponent("docker-lsp-nvim-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    if let workDirectory {
      try? FileManager.default.removeItem(at: workDirectory)
    }
  }

  func testModuleSetupGetsDiagnosticsAndHover() throws {
    guard let nvim = try neovimExecutable() else { return }
    try checkSession(nvim: nvim, clientMode: "module")
  }

  func testNativeConfigGetsDiagnosticsAndHover() throws {
    guard let nvim = try neovimExecutable() else { return }
    let version = try neovimVersion(nvim)
    if version.major == 0 && version.minor < 11 {
      throw XCTSkip("vim.lsp.config needs Neovim 0.11 or later, found \(version.major).\(version.minor)")
    }
    try checkSession(nvim: nvim, clientMode: "native")
  }

  // MARK: - Session

  private func checkSession(nvim: URL, clientMode: String) throws {
    let server = try serverExecutable()
    guard FileManager.default.isExecutableFile(atPath: server.path) else {
      XCTFail("docker-lsp binary not found at \(server.path). Run `swift build` before the tests.")
      return
    }

    let session = try runSession(nvim: nvim, server: server, clientMode: clientMode)
    let context = session.failureContext

    // Each of these makes every later check meaningless, so report it once and stop.
    if let scriptError = session.result["script_error"] {
      return XCTFail("Lua test script failed: \(scriptError)\n\(context)")
    }
    if let exit = session.result["server_exit"] as? [String: Any] {
      let code = exit["code"].map { "\($0)" } ?? "?"
      let signal = exit["signal"].map { "\($0)" } ?? "?"
      return XCTFail("docker-lsp exited during the session with code \(code), signal \(signal)\n\(context)")
    }
    if session.result["attached"] as? Bool != true {
      return XCTFail("the LSP client never attached to the Dockerfile buffer\n\(context)")
    }

    XCTAssertEqual(session.exitStatus, 0, "nvim exit status\n\(context)")
    XCTAssertEqual(session.result["filetype"] as? String, "dockerfile", "filetype detection\n\(context)")
    XCTAssertEqual(
      session.result["diagnostics_timed_out"] as? Bool, false,
      "no non-empty diagnostics within 20 s\n\(context)")

    let documentURI = try XCTUnwrap(session.result["document_uri"] as? String, context)
    let publications = jsonArray(session.result["publications"])
      .filter { $0["uri"] as? String == documentURI }
    XCTAssertFalse(publications.isEmpty, "no diagnostics published for \(documentURI)\n\(context)")
    let received = jsonArray(publications.last?["diagnostics"]).map(reduceDiagnostic).sorted()
    XCTAssertEqual(
      received.map(\.description), expectedDiagnostics.sorted().map(\.description),
      "diagnostics in the last publication\n\(context)")

    XCTAssertNil(session.result["hover_error"], "hover request failed\n\(context)")
    let runDocs = try XCTUnwrap(InstructionDocs.markdown(for: .run))
    let hover = hoverText(session.result["hover"])
    XCTAssertTrue(
      hover.contains(runDocs),
      "hover on RUN at 1:1 lacks the RUN docs; received:\n\(hover)\n\(context)")
  }

  private struct Session {
    var exitStatus: Int32
    var result: [String: Any]
    var standardError: String
    var lspLog: String

    /// Text appended to failure messages: what Neovim printed and the end of its LSP log.
    var failureContext: String {
      let logTail = lspLog.split(separator: "\n").suffix(30).joined(separator: "\n")
      return "nvim stderr:\n\(standardError)\nLSP log (last 30 lines):\n\(logTail)"
    }
  }

  private func runSession(nvim: URL, server: URL, clientMode: String) throws -> Session {
    let project = workDirectory.appendingPathComponent("project", isDirectory: true)
    try FileManager.default.createDirectory(
      at: project.appendingPathComponent(".git", isDirectory: true), withIntermediateDirectories: true)
    let dockerfile = project.appendingPathComponent("Dockerfile")
    try Self.dockerfile.write(to: dockerfile, atomically: true, encoding: .utf8)
    let resultFile = workDirectory.appendingPathComponent("result.json")
    let standardErrorFile = workDirectory.appendingPathComponent("nvim-stderr.txt")
    guard FileManager.default.createFile(atPath: standardErrorFile.path, contents: nil) else {
      throw SessionError("failed to create \(standardErrorFile.path)")
    }

    let process = Process()
    process.executableURL = nvim
    process.arguments = ["--headless", "--clean", "-u", try luaScript().path]
    process.currentDirectoryURL = project
    process.environment = sessionEnvironment(
      server: server, dockerfile: dockerfile, resultFile: resultFile, clientMode: clientMode)
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    let standardErrorHandle = try FileHandle(forWritingTo: standardErrorFile)
    defer { try? standardErrorHandle.close() }
    process.standardError = standardErrorHandle

    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    if finished.wait(timeout: .now() + Self.sessionTimeout) == .timedOut {
      process.terminate()
      finished.wait()
      XCTFail("nvim did not finish within \(Int(Self.sessionTimeout)) s and was terminated")
    }

    let standardError = (try? String(contentsOf: standardErrorFile, encoding: .utf8)) ?? ""
    guard let data = FileManager.default.contents(atPath: resultFile.path) else {
      throw SessionError("nvim wrote no result file (exit status \(process.terminationStatus)). stderr:\n\(standardError)")
    }
    guard let result = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw SessionError("result file is not a JSON object: \(String(decoding: data, as: UTF8.self))")
    }
    let lspLog = (result["lsp_log_path"] as? String)
      .flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
    return Session(
      exitStatus: process.terminationStatus, result: result, standardError: standardError, lspLog: lspLog)
  }

  /// Returns the inherited environment plus the script's inputs. Neovim's state, cache,
  /// data and config directories point into the work directory, so the LSP log starts
  /// empty and no user file is read or written.
  private func sessionEnvironment(server: URL, dockerfile: URL, resultFile: URL, clientMode: String)
    -> [String: String]
  {
    var environment = ProcessInfo.processInfo.environment
    for name in ["XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"] {
      environment[name] = workDirectory.appendingPathComponent(name.lowercased()).path
    }
    environment["DOCKER_LSP_CMD"] = server.path
    environment["DOCKER_LSP_DOCKERFILE"] = dockerfile.path
    environment["DOCKER_LSP_RESULT"] = resultFile.path
    environment["DOCKER_LSP_CLIENT"] = clientMode
    environment["DOCKER_LSP_TIMEOUT_MS"] = "20000"
    environment["DOCKER_LSP_HOVER_LINE"] = "1"
    environment["DOCKER_LSP_HOVER_CHARACTER"] = "1"
    return environment
  }

  // MARK: - Locating tools

  /// Returns the `nvim` to test with: `DOCKER_LSP_TEST_NVIM` if set, else the first one on PATH.
  /// Without one it throws `XCTSkip`, or records a failure and returns nil when `CI` is set.
  private func neovimExecutable() throws -> URL? {
    let environment = ProcessInfo.processInfo.environment
    if let override = environment["DOCKER_LSP_TEST_NVIM"], !override.isEmpty {
      return URL(fileURLWithPath: override)
    }
    let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in searchPath.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("nvim")
      if FileManager.default.isExecutableFile(atPath: candidate.path) {
        return candidate
      }
    }

    let message = "nvim not found on PATH. Install Neovim (Debian: apt-get install -y neovim)"
    if environment["CI"] != nil {
      XCTFail("\(message). CI is set, so this editor test must run.")
      return nil
    }
    throw XCTSkip(message)
  }

  private func neovimVersion(_ nvim: URL) throws -> (major: Int, minor: Int) {
    let process = Process()
    process.executableURL = nvim
    process.arguments = ["--version"]
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()

    // The first line reads like "NVIM v0.7.2" or "NVIM v0.12.0-dev-1234+gabcdef".
    let firstLine = String(decoding: data, as: UTF8.self).split(separator: "\n").first ?? ""
    let numbers = firstLine.drop { $0 != "v" }.dropFirst().split(separator: ".").prefix(2).map { Int($0) }
    guard numbers.count == 2, let major = numbers[0], let minor = numbers[1] else {
      throw SessionError("failed to parse the Neovim version from \"\(firstLine)\"")
    }
    return (major, minor)
  }

  private func serverExecutable() throws -> URL {
    BuiltBinary.url
  }

  private func luaScript() throws -> URL {
    let repositoryRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent()  // DockerLSPTests
      .deletingLastPathComponent()  // Tests
      .deletingLastPathComponent()
    let script = repositoryRoot.appendingPathComponent("editors/neovim/test/diagnostics_and_hover.lua")
    guard FileManager.default.fileExists(atPath: script.path) else {
      throw SessionError("Lua test script not found at \(script.path)")
    }
    return script
  }
}

// MARK: - Reading the result file

private struct SessionError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Returns `value` as an array of objects. Neovim encodes an empty Lua table as `{}`,
/// so an empty object is read as an empty array.
private func jsonArray(_ value: Any?) -> [[String: Any]] {
  value as? [[String: Any]] ?? []
}

private func reduceDiagnostic(_ diagnostic: [String: Any]) -> DiagnosticSummary {
  let range = diagnostic["range"] as? [String: Any]
  let start = range?["start"] as? [String: Any]
  let end = range?["end"] as? [String: Any]
  let code = diagnostic["code"].map { "\($0)" } ?? "<no code>"
  return DiagnosticSummary(
    code: code,
    startLine: start?["line"] as? Int ?? -1,
    startCharacter: start?["character"] as? Int ?? -1,
    endLine: end?["line"] as? Int ?? -1,
    endCharacter: end?["character"] as? Int ?? -1)
}

/// Flattens hover `contents` in any of its LSP shapes (MarkupContent, MarkedString or
/// an array of MarkedString) into one string.
private func hoverText(_ hover: Any?) -> String {
  guard let hover = hover as? [String: Any] else { return "" }
  return markedText(hover["contents"])
}

private func markedText(_ contents: Any?) -> String {
  switch contents {
  case let text as String:
    return text
  case let object as [String: Any]:
    return object["value"] as? String ?? ""
  case let items as [Any]:
    return items.map(markedText).joined(separator: "\n")
  default:
    return ""
  }
}
