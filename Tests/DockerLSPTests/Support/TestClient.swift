import Analysis
import Foundation
import XCTest
@testable import DockerLSP

/// An LSP client for tests that talks to a server over pipes: one running in this process on a
/// thread (`inProcess`) or the built `docker-lsp` binary (`launch`).
///
/// A reader thread collects every message the server sends into an inbox. The `next…` helpers
/// take the first matching message and leave the others for later calls.
final class TestClient: @unchecked Sendable {
  /// How long a helper waits for a message before it fails the test. Generous, because the
  /// machine is shared; no test asserts how long anything takes.
  static let timeout: TimeInterval = 20

  private let serverInput: FileHandle
  private let inbox = Inbox()
  private var nextRequestID = 1
  private let waitForExitCode: @Sendable (TimeInterval) -> Int32?
  private let finishTransport: @Sendable () -> Void
  /// Log lines of an in-process server; empty for a launched binary.
  let logs: LogCapture
  /// The process id of a launched binary; nil for an in-process server.
  private(set) var processID: Int32?

  private init(
    serverInput: FileHandle, serverOutput: FileHandle, logs: LogCapture,
    waitForExitCode: @escaping @Sendable (TimeInterval) -> Int32?, finishTransport: @escaping @Sendable () -> Void
  ) {
    self.serverInput = serverInput
    self.logs = logs
    self.waitForExitCode = waitForExitCode
    self.finishTransport = finishTransport
    // The thread must not capture the client, or the client would outlive the test: `deinit`
    // is what ends the server's input and so the thread.
    let inbox = self.inbox
    let thread = Thread { TestClient.readLoop(serverOutput, into: inbox) }
    thread.name = "test client reader"
    thread.start()
  }

  /// Starts a server on a thread of this process, with optional fake analysis and test-only
  /// request handlers.
  static func inProcess(
    analysis: AnalysisProviders = AnalysisProviders(),
    extraRequestHandlers: [String: LanguageServer.ExtraRequestHandler] = [:],
    logThreshold: LogLevel = .debug
  ) -> TestClient {
    signal(SIGPIPE, SIG_IGN)
    let toServer = Pipe()
    let fromServer = Pipe()
    let logs = LogCapture()
    let exit = ExitCodeBox()
    let logger = Logger(threshold: logThreshold) { line in logs.append(line) }
    let connection = Connection(
      input: toServer.fileHandleForReading.fileDescriptor,
      output: fromServer.fileHandleForWriting.fileDescriptor,
      logger: logger)

    let serverThread = Thread {
      let server = LanguageServer(connection: connection, analysis: analysis, extraRequestHandlers: extraRequestHandlers)
      exit.set(server.run())
    }
    serverThread.name = "in-process server"
    serverThread.start()

    return TestClient(
      serverInput: toServer.fileHandleForWriting, serverOutput: fromServer.fileHandleForReading, logs: logs,
      waitForExitCode: { timeout in exit.wait(timeout: timeout) },
      finishTransport: {
        // End the server's input so its reader thread stops, then the client's reader. The
        // pipes close when the client is freed, so the server's reader must be done with its
        // descriptor first, or it could read from a pipe of a later test that reuses the number.
        try? toServer.fileHandleForWriting.close()
        _ = exit.wait(timeout: TestClient.timeout)
        if !connection.waitUntilReadingEnds(timeout: .now() + TestClient.timeout) {
          XCTFail("The in-process server's reader thread did not stop")
        }
        try? fromServer.fileHandleForWriting.close()
      })
  }

  /// Starts the executable at `url` as a child process speaking LSP on its stdio.
  static func launch(_ url: URL) throws -> TestClient {
    signal(SIGPIPE, SIG_IGN)
    let process = Process()
    process.executableURL = url
    process.arguments = ["--stdio"]
    // Only errors reach the test output; `DOCKER_LSP_LOG=debug` in the environment overrides it.
    var environment = ProcessInfo.processInfo.environment
    environment["DOCKER_LSP_LOG"] = environment["DOCKER_LSP_LOG"] ?? "error"
    process.environment = environment
    let toServer = Pipe()
    let fromServer = Pipe()
    process.standardInput = toServer
    process.standardOutput = fromServer
    process.standardError = FileHandle.standardError
    try process.run()
    let exit = ExitCodeBox()
    let waiter = Thread {
      process.waitUntilExit()
      exit.set(process.terminationStatus)
    }
    waiter.start()
    let client = TestClient(
      serverInput: toServer.fileHandleForWriting, serverOutput: fromServer.fileHandleForReading, logs: LogCapture(),
      waitForExitCode: { timeout in exit.wait(timeout: timeout) },
      finishTransport: {
        try? toServer.fileHandleForWriting.close()
        if exit.wait(timeout: TestClient.timeout) == nil { process.terminate() }
      })
    client.processID = process.processIdentifier
    return client
  }

  deinit {
    finishTransport()
  }

  // MARK: Sending

  func sendRaw(_ bytes: [UInt8]) {
    serverInput.write(Data(bytes))
  }

  func sendBody(_ body: [UInt8]) {
    sendRaw(Framing.frame(body))
  }

  func send(_ message: JSONValue) {
    sendBody(message.serialized)
  }

  /// Sends a request and returns its id.
  @discardableResult
  func request(_ method: String, _ params: JSONValue? = nil) -> Int {
    let id = nextRequestID
    nextRequestID += 1
    var object = JSONObject([("jsonrpc", "2.0"), ("id", .int(id)), ("method", .string(method))])
    if let params { object["params"] = params }
    send(.object(object))
    return id
  }

  /// Sends a request and waits for its response.
  func call(_ method: String, _ params: JSONValue? = nil, file: StaticString = #filePath, line: UInt = #line) -> JSONValue? {
    response(to: request(method, params), file: file, line: line)
  }

  func notify(_ method: String, _ params: JSONValue? = nil) {
    var object = JSONObject([("jsonrpc", "2.0"), ("method", .string(method))])
    if let params { object["params"] = params }
    send(.object(object))
  }

  // MARK: Receiving

  /// Takes the first message that satisfies `predicate`, waiting for it to arrive.
  func next(
    where predicate: (JSONValue) -> Bool, description: String,
    file: StaticString = #filePath, line: UInt = #line
  ) -> JSONValue? {
    switch inbox.take(where: predicate, deadline: Date().addingTimeInterval(TestClient.timeout)) {
    case .success(let message):
      return message
    case .failure(let pending):
      XCTFail("No \(description) received; pending: \(pending.messages.map(\.jsonText))", file: file, line: line)
      return nil
    }
  }

  /// Removes and returns every message received so far.
  func drain() -> [JSONValue] {
    inbox.drain()
  }

  /// Waits for the whole response (with `result` or `error`) to request `id`.
  func response(to id: Int, file: StaticString = #filePath, line: UInt = #line) -> JSONValue? {
    next(where: { $0["id"] == .int(id) && $0["method"] == nil }, description: "response to request \(id)", file: file, line: line)
  }

  func nextNotification(_ method: String, file: StaticString = #filePath, line: UInt = #line) -> JSONValue? {
    next(where: { $0["method"] == .string(method) && $0["id"] == nil }, description: "\(method) notification", file: file, line: line)?["params"]
  }

  /// Waits for the params of the next `publishDiagnostics` for `uri`.
  func nextDiagnostics(_ uri: String, file: StaticString = #filePath, line: UInt = #line) -> JSONValue? {
    next(
      where: { $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri) },
      description: "diagnostics for \(uri)", file: file, line: line)?["params"]
  }

  // MARK: LSP helpers

  /// Sends `initialize` (offering `positionEncodings` when given, announcing `capabilities`) and
  /// `initialized`, and returns the initialize result.
  @discardableResult
  func initialize(
    positionEncodings: [String]? = nil, capabilities announced: JSONObject = JSONObject(),
    file: StaticString = #filePath, line: UInt = #line
  ) -> JSONValue? {
    var capabilities = announced
    if let positionEncodings {
      capabilities["general"] = ["positionEncodings": .array(positionEncodings.map { .string($0) })]
    }
    let params: JSONValue = ["processId": nil, "rootUri": nil, "capabilities": .object(capabilities)]
    let response = call("initialize", params, file: file, line: line)
    notify("initialized", [:])
    return response?["result"]
  }

  func open(_ uri: String, _ text: String, version: Int = 1) {
    notify("textDocument/didOpen", [
      "textDocument": ["uri": .string(uri), "languageId": "dockerfile", "version": .int(version), "text": .string(text)],
    ])
  }

  func change(_ uri: String, version: Int, _ changes: [JSONValue]) {
    notify("textDocument/didChange", [
      "textDocument": ["uri": .string(uri), "version": .int(version)],
      "contentChanges": .array(changes),
    ])
  }

  /// Sends `shutdown` and `exit` and returns the exit code.
  func shutdownAndExit(file: StaticString = #filePath, line: UInt = #line) -> Int32? {
    let response = call("shutdown", file: file, line: line)
    XCTAssertEqual(response?["result"], .null, file: file, line: line)
    notify("exit")
    return waitForExit()
  }

  /// Closes the server's input without an exit notification.
  func closeInput() {
    try? serverInput.close()
  }

  func waitForExit() -> Int32? {
    waitForExitCode(TestClient.timeout)
  }

  // MARK: Reading

  private static func readLoop(_ output: FileHandle, into inbox: Inbox) {
    var buffer: [UInt8] = []
    while true {
      let chunk = output.availableData
      if chunk.isEmpty { break }
      buffer.append(contentsOf: chunk)
      var consumed = 0
      while let body = try? Framing.nextBody(in: buffer, from: consumed) {
        if let message = try? JSONParser.parse(Array(buffer[body])) {
          inbox.append(message)
        }
        consumed = body.upperBound
      }
      buffer.removeFirst(consumed)
    }
    inbox.endOutput()
  }
}

/// The messages received from the server and not yet taken by the test.
final class Inbox: @unchecked Sendable {
  /// The messages that were pending when a wait timed out or the output ended.
  struct Timeout: Error {
    var messages: [JSONValue]
  }

  private let condition = NSCondition()
  private var messages: [JSONValue] = []
  private var outputEnded = false

  func append(_ message: JSONValue) {
    condition.lock()
    messages.append(message)
    condition.broadcast()
    condition.unlock()
  }

  func endOutput() {
    condition.lock()
    outputEnded = true
    condition.broadcast()
    condition.unlock()
  }

  /// Removes and returns the first message that satisfies `predicate`, waiting until `deadline`.
  func take(where predicate: (JSONValue) -> Bool, deadline: Date) -> Result<JSONValue, Timeout> {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let index = messages.firstIndex(where: predicate) {
        return .success(messages.remove(at: index))
      }
      if outputEnded || !condition.wait(until: deadline) {
        return .failure(Timeout(messages: messages))
      }
    }
  }

  func drain() -> [JSONValue] {
    condition.lock()
    defer { condition.unlock() }
    let all = messages
    messages.removeAll()
    return all
  }
}

/// Log lines collected from an in-process server.
final class LogCapture: @unchecked Sendable {
  private let lock = NSLock()
  private var storedLines: [String] = []

  func append(_ line: String) {
    lock.lock()
    storedLines.append(line)
    lock.unlock()
  }

  var lines: [String] {
    lock.lock()
    defer { lock.unlock() }
    return storedLines
  }

  func contains(_ fragment: String) -> Bool {
    lines.contains { $0.contains(fragment) }
  }
}

/// The exit code of a server, set once by the thread that ran it.
final class ExitCodeBox: @unchecked Sendable {
  private let condition = NSCondition()
  private var code: Int32?

  func set(_ value: Int32) {
    condition.lock()
    code = value
    condition.broadcast()
    condition.unlock()
  }

  func wait(timeout: TimeInterval) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    condition.lock()
    defer { condition.unlock() }
    while code == nil {
      if !condition.wait(until: deadline) { break }
    }
    return code
  }
}
