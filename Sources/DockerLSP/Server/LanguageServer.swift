import Analysis
import Foundation

/// The Dockerfile language server: lifecycle, open documents and request handling.
///
/// All state is owned by the worker thread that calls `run()`; only the `Connection` is shared
/// with the reader thread.
final class LanguageServer {
  /// The server's stage in the LSP lifecycle.
  enum Lifecycle {
    case waitingForInitialize
    case running
    /// After `shutdown`: requests are rejected until `exit`.
    case shutDown
  }

  /// A request handler that a test adds, to inspect the server's state or produce failures that
  /// real handlers do not. It runs on the worker thread like every handler.
  typealias ExtraRequestHandler = @Sendable (LanguageServer, JSONValue?) throws -> JSONValue

  static let name = "docker-lsp"
  static let version = "0.1.0"

  let connection: Connection
  let analysis: AnalysisProviders
  let extraRequestHandlers: [String: ExtraRequestHandler]
  var lifecycle = Lifecycle.waitingForInitialize
  var positionEncoding = PositionEncoding.utf16
  var documents = DocumentStore()
  var workspace = WorkspaceConfiguration()
  /// What the client announced in `initialize` that configuration handling depends on.
  var clientSupport = ClientSupport()
  /// Requests sent to the client that wait for a response, by id.
  var pendingClientRequests: [RequestID: ClientResponseHandler] = [:]
  var nextClientRequestNumber = 1

  var logger: Logger { connection.logger }

  init(
    connection: Connection, analysis: AnalysisProviders = AnalysisProviders(),
    extraRequestHandlers: [String: ExtraRequestHandler] = [:]
  ) {
    self.connection = connection
    self.analysis = analysis
    self.extraRequestHandlers = extraRequestHandlers
    let (environmentOptions, issues) = LintOptions.fromEnvironment(ProcessInfo.processInfo.environment)
    workspace.environment = environmentOptions
    for issue in issues {
      connection.logger.error("config", "Ignored an environment variable: \(issue)")
    }
  }

  /// Returns the findings for the current version of `uri`, linted with its configuration.
  func findings(for uri: String) -> [Finding] {
    if let cached = documents[uri]?.cachedFindings { return cached }
    let linter = workspace.linter(forDocument: uri) { path, result in reportConfigurationProblems(path, result) }
    let lint = analysis.lint
    return documents.findings(for: uri) { lint($0, linter, .document($1)) }
  }

  /// Serves until `exit`, end of input or an unreadable stream, and returns the exit code:
  /// 0 after `shutdown` then `exit` or at end of input, 1 for `exit` without `shutdown` or a
  /// malformed stream.
  func run() -> Int32 {
    connection.startReading()
    logger.info("server", "Started \(LanguageServer.name) \(LanguageServer.version)")
    while true {
      switch connection.queue.pop() {
      case .message(let message):
        if let exitCode = handle(message) {
          logger.info("server", "Exiting with code \(exitCode)")
          return exitCode
        }
      case .invalid(let invalid):
        logger.error("server", "Rejected a message (id \(invalid.id?.description ?? "null")): \(invalid.error.message)")
        connection.respond(to: invalid.id, error: invalid.error)
      case .endOfInput:
        logger.info("server", "Input ended; exiting with code 0")
        return 0
      case .streamFailed(let reason):
        logger.fault("connection", "\(reason); exiting because the stream cannot be resynchronized")
        return 1
      }
    }
  }

  /// Handles one message and returns an exit code when the server must stop.
  func handle(_ message: Message) -> Int32? {
    switch message {
    case .request(let id, let method, let params):
      handleRequest(id: id, method: method, params: params)
      return nil
    case .notification(let method, let params):
      return handleNotification(method: method, params: params)
    case .response(let id, let result, let error):
      handleResponse(id: id, result: result, error: error)
      return nil
    }
  }

  /// Returns whether a `didChange` for `uri` is waiting in the queue behind the current message.
  func hasQueuedChange(for uri: String) -> Bool {
    connection.queue.containsQueued { item in
      guard case .message(.notification("textDocument/didChange", let params)) = item else { return false }
      return params?["textDocument"]?["uri"]?.stringValue == uri
    }
  }

  /// Returns a converter between byte ranges and LSP positions for `source`.
  func converter(for source: SourceText) -> LSPConverter {
    LSPConverter(source: source, encoding: positionEncoding)
  }
}
