/// The result of a request handler: a value to serialize, or the JSON text of the result, which
/// handlers of large results write directly because building the value tree costs more than
/// computing the result.
enum RequestResult {
  case value(JSONValue)
  case encoded([UInt8])
}

/// Routing of requests and notifications to their handlers, with the lifecycle checks and the
/// error handling that all handlers share.
extension LanguageServer {
  func handleRequest(id: RequestID, method: String, params: JSONValue?) {
    let outcome: Result<RequestResult, ResponseError>
    switch lifecycle {
    case .waitingForInitialize where method != "initialize":
      logger.error("server", "Rejected \(method) (id \(id)) received before initialize")
      outcome = .failure(.serverNotInitialized)
    case .shutDown:
      logger.error("server", "Rejected \(method) (id \(id)) received after shutdown")
      outcome = .failure(.invalidRequest("the server is shut down; only the exit notification is accepted"))
    default:
      outcome = runRequestHandler(id: id, method: method, params: params)
    }

    if connection.queue.finishRequest() {
      logger.debug("server", "Request \(method) (id \(id)) was cancelled while it ran")
      connection.respond(to: id, error: .requestCancelled)
      return
    }
    switch outcome {
    case .success(.value(let result)): connection.respond(to: id, result: result)
    case .success(.encoded(let result)): connection.respond(to: id, encodedResult: result)
    case .failure(let error): connection.respond(to: id, error: error)
    }
  }

  private func runRequestHandler(id: RequestID, method: String, params: JSONValue?) -> Result<RequestResult, ResponseError> {
    do {
      switch method {
      case "initialize": return .success(.value(try initialize(params: params)))
      case "shutdown": return .success(.value(shutdown()))
      case "textDocument/hover": return .success(.value(try hover(params: params)))
      case "textDocument/codeAction": return .success(.value(try codeAction(params: params)))
      case "codeAction/resolve": return .success(.value(try resolveCodeAction(params: params)))
      case "textDocument/documentSymbol": return .success(try documentSymbol(params: params))
      default:
        if let feature = LanguageServer.featureRequestHandlers[method] { return .success(.value(try feature(self, params))) }
        guard let handler = extraRequestHandlers[method] else {
          logger.error("server", "Rejected unknown method \(method) (id \(id))")
          return .failure(.methodNotFound(method))
        }
        return .success(.value(try handler(self, params)))
      }
    } catch let error as ResponseError {
      // Content-modified errors are routine while the user types, so they stay out of the
      // client's log.
      let level: LogLevel = error.code == ResponseError.contentModifiedCode ? .debug : .error
      logger.log(level, "server", "Request \(method) (id \(id)) failed: \(error.message)")
      return .failure(error)
    } catch {
      logger.fault("server", "Request \(method) (id \(id)) failed unexpectedly: \(error)")
      return .failure(.internalError("\(method) failed: \(error)"))
    }
  }

  /// Handles a notification and returns an exit code for `exit`.
  func handleNotification(method: String, params: JSONValue?) -> Int32? {
    if method == "exit" { return exitNotification() }
    switch lifecycle {
    case .waitingForInitialize:
      logger.debug("server", "Dropped notification \(method) received before initialize")
      return nil
    case .shutDown:
      logger.debug("server", "Dropped notification \(method) received after shutdown")
      return nil
    case .running:
      break
    }

    do {
      switch method {
      case "initialized": initialized()
      case "textDocument/didOpen": try didOpen(params: params)
      case "textDocument/didChange": try didChange(params: params)
      case "textDocument/didClose": try didClose(params: params)
      case "workspace/didChangeConfiguration": didChangeConfiguration(params: params)
      case "workspace/didChangeWatchedFiles": try didChangeWatchedFiles(params: params)
      case "workspace/didChangeWorkspaceFolders": try didChangeWorkspaceFolders(params: params)
      default: logger.debug("server", "Ignored unknown notification \(method)")
      }
    } catch let error as ResponseError {
      logger.error("server", "Skipped notification \(method): \(error.message)")
    } catch {
      logger.fault("server", "Notification \(method) failed unexpectedly: \(error)")
    }
    return nil
  }
}
