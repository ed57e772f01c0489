import Analysis

extension LanguageServer {
  /// Handles `initialize`: negotiates the position encoding and advertises the implemented
  /// capabilities.
  func initialize(params: JSONValue?) throws -> JSONValue {
    guard lifecycle == .waitingForInitialize else {
      throw ResponseError.invalidRequest("initialize was already received")
    }
    let reader = ParamsReader(params)
    _ = try reader.object()

    let offered = reader["capabilities"]["general"]["positionEncodings"]
    var offeredNames: [String] = []
    if offered.isPresent {
      offeredNames = try offered.array().compactMap { element in element.value?.stringValue }
    }
    positionEncoding = LanguageServer.negotiatePositionEncoding(offered: offeredNames)
    readConfigurationSupport(reader)
    clientSupport.completionSnippets =
      reader["capabilities"]["textDocument"]["completion"]["completionItem"]["snippetSupport"].value?.boolValue ?? false
    let resolvable = reader["capabilities"]["textDocument"]["codeAction"]["resolveSupport"]["properties"].value
    clientSupport.codeActionEditResolve = resolvable?.arrayValue?.contains { $0.stringValue == "edit" } ?? false
    clientSupport.hierarchicalSymbols =
      reader["capabilities"]["textDocument"]["documentSymbol"]["hierarchicalDocumentSymbolSupport"].value?.boolValue ?? false
    lifecycle = .running
    logger.info("server", "Initialized with position encoding \(positionEncoding.rawValue)")

    let capabilities: JSONValue = [
      "positionEncoding": .string(positionEncoding.rawValue),
      "textDocumentSync": ["openClose": true, "change": 2],
      "hoverProvider": true,
      "codeActionProvider": ["codeActionKinds": ["quickfix", "refactor", "source.fixAll"], "resolveProvider": true],
      "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
      "documentSymbolProvider": true,
      "foldingRangeProvider": true,
      "definitionProvider": true,
      "referencesProvider": true,
      "documentHighlightProvider": true,
      "renameProvider": ["prepareProvider": true],
      "semanticTokensProvider": LanguageServer.semanticTokensCapability,
      "documentFormattingProvider": true,
      "documentRangeFormattingProvider": true,
      "completionProvider": ["triggerCharacters": .array(LanguageServer.completionTriggerCharacters.map { .string($0) })],
    ]
    return [
      "capabilities": capabilities,
      "serverInfo": ["name": .string(LanguageServer.name), "version": .string(LanguageServer.version)],
    ]
  }

  /// Reads the workspace folders (or the root URI) and the client's configuration capabilities.
  private func readConfigurationSupport(_ reader: ParamsReader) {
    let workspaceCapabilities = reader["capabilities"]["workspace"].value
    clientSupport.configurationRequest = workspaceCapabilities?["configuration"]?.boolValue ?? false
    clientSupport.watchedFilesRegistration =
      workspaceCapabilities?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue ?? false
    clientSupport.configurationChangeRegistration =
      workspaceCapabilities?["didChangeConfiguration"]?["dynamicRegistration"]?.boolValue ?? false

    var rootURIs = (reader["workspaceFolders"].value?.arrayValue ?? []).compactMap { $0["uri"]?.stringValue }
    if rootURIs.isEmpty, let rootURI = reader["rootUri"].value?.stringValue { rootURIs = [rootURI] }
    workspace.roots = rootURIs.compactMap(WorkspaceConfiguration.path(ofURI:))
    if workspace.roots.isEmpty, let rootPath = reader["rootPath"].value?.stringValue { workspace.roots = [rootPath] }
  }

  /// Picks utf-8 when offered, because it needs no column conversion, then utf-16, then utf-32.
  /// LSP makes utf-16 the default when the client offers none of them.
  static func negotiatePositionEncoding(offered: [String]) -> PositionEncoding {
    for preferred in [PositionEncoding.utf8, .utf16, .utf32] where offered.contains(preferred.rawValue) {
      return preferred
    }
    return .utf16
  }

  /// Handles `initialized`: from now on, faults and errors are also sent as `window/logMessage`.
  func initialized() {
    let connection = self.connection
    logger.forwardToClient { _, text in
      connection.notify("window/logMessage", ["type": 1, "message": .string(text)])
    }
    logger.debug("server", "Client confirmed initialization")
    startConfiguration()
  }
}
