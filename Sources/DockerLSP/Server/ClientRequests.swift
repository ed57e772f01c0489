/// A callback for the response to a request that the server sent, with its `result` or its `error` object.
typealias ClientResponseHandler = (LanguageServer, _ result: JSONValue?, _ error: JSONValue?) -> Void

/// The client capabilities that configuration handling and code actions depend on.
struct ClientSupport {
  /// `workspace.configuration`: the client responds to `workspace/configuration` requests.
  var configurationRequest = false
  /// `workspace.didChangeWatchedFiles.dynamicRegistration`: the server may register file watchers.
  var watchedFilesRegistration = false
  /// `workspace.didChangeConfiguration.dynamicRegistration`.
  var configurationChangeRegistration = false
  /// `textDocument.completion.completionItem.snippetSupport`: completion items may hold
  /// `${1:…}` placeholders. LSP requires plain text for a client that does not announce it.
  var completionSnippets = false
  /// `textDocument.codeAction.resolveSupport.properties` lists `edit`: the client asks
  /// `codeAction/resolve` for the edit of an action that arrives without one.
  var codeActionEditResolve = false
  /// `textDocument.documentSymbol.hierarchicalDocumentSymbolSupport`: the client shows nested
  /// `DocumentSymbol`s. Without it, LSP requires a flat `SymbolInformation` list.
  var hierarchicalSymbols = false
}

extension LanguageServer {
  /// Sends a request to the client and calls `onResponse` on the worker thread when its
  /// response arrives.
  func sendRequest(_ method: String, _ params: JSONValue, onResponse: @escaping ClientResponseHandler) {
    let id = RequestID.string("docker-lsp-\(nextClientRequestNumber)")
    nextClientRequestNumber += 1
    pendingClientRequests[id] = onResponse
    connection.writer.send(["jsonrpc": "2.0", "id": id.json, "method": .string(method), "params": params])
    logger.debug("server", "Sent \(method) (id \(id))")
  }

  /// Passes a response from the client to the handler of the matching pending request.
  func handleResponse(id: RequestID?, result: JSONValue?, error: JSONValue?) {
    guard let id, let handler = pendingClientRequests.removeValue(forKey: id) else {
      logger.debug("server", "Ignored a response (id \(id?.description ?? "null")) that matches no pending request")
      return
    }
    if let error {
      logger.error("server", "Request \(id) failed on the client: \(error.jsonText)")
    }
    handler(self, result, error)
  }
}
