import Analysis

/// Configuration from `.hadolint.yaml` files and the editor's `docker-lsp` settings: file
/// watching, settings requests and re-linting when either changes.
extension LanguageServer {
  static let settingsSection = "docker-lsp"
  static let configurationWatcherID = "docker-lsp-hadolint-config"

  /// Registers the configuration file watcher and requests the settings, when the client
  /// supports them. Called on `initialized`.
  func startConfiguration() {
    if clientSupport.watchedFilesRegistration {
      let watcher: JSONValue = ["globPattern": "**/.hadolint.{yaml,yml}"]
      var registrations: [JSONValue] = [[
        "id": .string(LanguageServer.configurationWatcherID),
        "method": "workspace/didChangeWatchedFiles",
        "registerOptions": ["watchers": [watcher]],
      ]]
      if clientSupport.configurationChangeRegistration {
        registrations.append(["id": "docker-lsp-settings", "method": "workspace/didChangeConfiguration"])
      }
      sendRequest("client/registerCapability", ["registrations": .array(registrations)]) { server, _, error in
        if error == nil { server.logger.debug("config", "Registered the configuration file watcher") }
      }
    }
    requestSettings()
  }

  /// Requests the `docker-lsp` settings from the client and applies them when they arrive.
  /// NOTE: one request covers the whole workspace; per-folder settings (`scopeUri`) are not asked for.
  func requestSettings() {
    guard clientSupport.configurationRequest else { return }
    sendRequest("workspace/configuration", ["items": [["section": .string(LanguageServer.settingsSection)]]]) { server, result, _ in
      server.applySettings(result?.arrayValue?.first ?? .null)
    }
  }

  /// Reads settings with the same keys as `.hadolint.yaml` and re-lints the open documents.
  func applySettings(_ value: JSONValue) {
    let result = ConfigurationReader.read(LanguageServer.yamlNode(value))
    for issue in result.warnings + result.errors {
      logger.error("config", "Settings \(LanguageServer.settingsSection): \(issue.message)")
    }
    if !result.errors.isEmpty {
      showConfigurationMessage("docker-lsp settings: \(result.errors.map(\.message).joined(separator: "; "))")
    }
    guard result.options != workspace.settings else { return }
    workspace.setSettings(result.options)
    logger.info("config", "Applied new settings")
    relintOpenDocuments()
  }

  /// Handles `workspace/didChangeConfiguration`: requests the settings again, or reads them
  /// from the notification when the client does not support `workspace/configuration`.
  func didChangeConfiguration(params: JSONValue?) {
    if clientSupport.configurationRequest {
      requestSettings()
    } else if let settings = params?["settings"]?[LanguageServer.settingsSection] {
      applySettings(settings)
    }
  }

  /// Handles `workspace/didChangeWatchedFiles`: a created, changed or deleted configuration
  /// file makes every document's configuration be looked up again.
  func didChangeWatchedFiles(params: JSONValue?) throws {
    let changes = try ParamsReader(params)["changes"].array()
    let uris = try changes.map { try $0["uri"].string() }
    let configurationChanged = uris.contains { uri in
      ConfigurationFiles.projectFileNames.contains { uri.hasSuffix("/" + $0) }
    }
    guard configurationChanged else { return }
    logger.info("config", "Reloading configuration after changes to \(uris.joined(separator: ", "))")
    workspace.reload()
    relintOpenDocuments()
  }

  /// Handles `workspace/didChangeWorkspaceFolders`: updates the roots that bound the search.
  func didChangeWorkspaceFolders(params: JSONValue?) throws {
    let event = try ParamsReader(params)["event"].object()
    let removed = try event["removed"].array().map { try $0["uri"].string() }.compactMap(WorkspaceConfiguration.path(ofURI:))
    let added = try event["added"].array().map { try $0["uri"].string() }.compactMap(WorkspaceConfiguration.path(ofURI:))
    workspace.roots = workspace.roots.filter { !removed.contains($0) } + added
    workspace.reload()
    relintOpenDocuments()
  }

  /// Publishes fresh diagnostics for every open document.
  func relintOpenDocuments() {
    documents.invalidateAllFindings()
    for uri in documents.uris { publishDiagnostics(for: uri) }
  }

  /// Logs a configuration file's problems when it is read, and shows its errors to the user.
  func reportConfigurationProblems(_ path: String, _ result: ConfigurationReader.Result) {
    for issue in result.warnings + result.errors {
      logger.error("config", "\(path): \(issue)")
    }
    if result.errors.isEmpty {
      logger.info("config", "Read \(path)")
    } else {
      showConfigurationMessage("docker-lsp: \(path): \(result.errors.map(\.description).joined(separator: "; "))")
    }
  }

  private func showConfigurationMessage(_ message: String) {
    connection.notify("window/showMessage", ["type": 1, "message": .string(message)])
  }

  /// Converts JSON settings to the YAML tree that `ConfigurationReader` reads. JSON strings
  /// become quoted scalars, so only JSON booleans are read as booleans.
  static func yamlNode(_ value: JSONValue) -> YAMLNode {
    switch value {
    case .null: return YAMLNode(.null, line: 0)
    case .bool(let flag): return YAMLNode(.scalar(flag ? "true" : "false", quoted: false), line: 0)
    case .int(let number): return YAMLNode(.scalar(String(number), quoted: false), line: 0)
    case .double(let number): return YAMLNode(.scalar(String(number), quoted: false), line: 0)
    case .string(let text): return YAMLNode(.scalar(text, quoted: true), line: 0)
    case .array(let elements): return YAMLNode(.sequence(elements.map(yamlNode)), line: 0)
    case .object(let object):
      return YAMLNode(.mapping(object.entries.map { YAMLEntry(key: $0.key, value: yamlNode($0.value)) }), line: 0)
    }
  }
}
