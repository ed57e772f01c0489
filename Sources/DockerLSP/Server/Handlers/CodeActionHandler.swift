import Analysis

extension LanguageServer {
  static let fixAllTitle = "Fix all auto-fixable problems"

  /// Handles `textDocument/codeAction`: the fixes of findings that intersect the requested range,
  /// then an action per finding that adds a `# hadolint ignore=` comment, then one
  /// `source.fixAll` action, filtered by `context.only`.
  ///
  /// The fix-all edit may take several whole-document lint rounds, so it is left out of this
  /// response when the client can resolve an action's edit later: the action then carries only
  /// `data` (`fixAllData`) and `codeAction/resolve` computes the edit. Other clients get the edit
  /// here, but only when they ask for fix-all: `context.only` names `source.fixAll` or `source`,
  /// or no `only` is given and the range covers the whole document. A request for the cursor's
  /// line from such a client gets no fix-all action.
  func codeAction(params: JSONValue?) throws -> JSONValue {
    let reader = ParamsReader(params)
    let uri = try reader["textDocument"]["uri"].string()
    let requestedRange = try reader["range"].range()
    let context = try reader["context"].object()
    var onlyKinds: [String]?
    if context["only"].isPresent {
      onlyKinds = try context["only"].array().map { try $0.string() }
    }

    guard let entry = documents[uri] else {
      // A client can close a document while its requests are in flight, so this is no error.
      logger.info("server", "Code actions requested for \(uri), which is not open")
      return []
    }
    if hasQueuedChange(for: uri) {
      throw ResponseError.contentModified("\(uri) has a newer change queued")
    }

    let document = entry.document
    let converter = converter(for: document.source)
    let requested = converter.offsets(requestedRange)
    let findings = self.findings(for: uri)
    var actions: [JSONValue] = []
    var ignoreActions: [JSONValue] = []
    var ignoreEdits: Set<TextEdit> = []
    let wantsIgnores = LanguageServer.isKind("quickfix", allowedBy: onlyKinds)

    // A finding at the cursor matches when the cursor touches it, hence the closed bounds.
    for finding in findings where finding.range.lowerBound <= requested.upperBound && requested.lowerBound <= finding.range.upperBound {
      // Looked up in the nodes, because `tree.instructions` builds a new array on every call.
      if wantsIgnores, let nodeIndex = IgnoreComment.nodeIndex(ofInstructionContaining: finding.range.lowerBound, in: document.tree),
        let edit = IgnoreComment.edit(ignoring: finding.ruleID, onNodeAt: nodeIndex, in: document),
        ignoreEdits.insert(edit).inserted
      {
        ignoreActions.append([
          "title": .string("Ignore \(finding.ruleID) for this instruction"),
          "kind": "quickfix",
          "diagnostics": [converter.diagnostic(finding)],
          "isPreferred": false,
          "edit": workspaceEdit(uri: uri, edits: [edit], converter: converter),
        ])
      }
      for fix in finding.fixes {
        let kind = fix.kind == .quickFix ? "quickfix" : "refactor.rewrite"
        guard LanguageServer.isKind(kind, allowedBy: onlyKinds) else { continue }
        actions.append([
          "title": .string(fix.title),
          "kind": .string(kind),
          "diagnostics": [converter.diagnostic(finding)],
          "isPreferred": .bool(fix.isPreferred),
          "edit": workspaceEdit(uri: uri, edits: fix.edits, converter: converter),
        ])
      }
    }

    actions += ignoreActions
    if let fixAll = fixAllAction(entry, findings: findings, requested: requested, onlyKinds: onlyKinds, converter: converter) {
      actions.append(fixAll)
    }
    return .array(actions)
  }

  /// Returns the `source.fixAll` action for `codeAction`, or nil when the request does not get
  /// one or there is nothing to fix.
  private func fixAllAction(
    _ entry: OpenDocument, findings: [Finding], requested: Range<Int>, onlyKinds: [String]?, converter: LSPConverter
  ) -> JSONValue? {
    guard LanguageServer.isKind("source.fixAll", allowedBy: onlyKinds) else { return nil }
    let uri = entry.uri
    if clientSupport.codeActionEditResolve {
      // Whether fixing changes the text is known only after a lint round, so the action is offered
      // when some finding has a quick fix. Edits already computed for this version settle it.
      if let cached = entry.cachedFixAllEdits, cached.isEmpty { return nil }
      guard findings.contains(where: { finding in finding.fixes.contains { $0.kind == .quickFix } }) else { return nil }
      return [
        "title": .string(LanguageServer.fixAllTitle),
        "kind": "source.fixAll",
        "data": LanguageServer.fixAllData(uri: uri, version: entry.version),
      ]
    }
    // `isKind` passed above, so an `only` list here names `source.fixAll` or `source`.
    guard onlyKinds != nil || LanguageServer.coversWholeDocument(requested, entry.document.source) else { return nil }
    let edits = documents.fixAllEdits(for: uri) { fixAllEdits(for: $0, findings: findings) }
    guard !edits.isEmpty else { return nil }
    return [
      "title": .string(LanguageServer.fixAllTitle),
      "kind": "source.fixAll",
      "edit": workspaceEdit(uri: uri, edits: edits, converter: converter),
    ]
  }

  /// Returns the `data` of a fix-all action whose edit `codeAction/resolve` computes: enough to
  /// find the document again and to notice that it changed in between.
  static func fixAllData(uri: String, version: Int) -> JSONValue {
    ["fixAll": ["uri": .string(uri), "version": .int(version)]]
  }

  /// Returns whether `range` spans all of `source` apart from line terminators at its end, as a
  /// client's request for the whole file does.
  static func coversWholeDocument(_ range: Range<Int>, _ source: SourceText) -> Bool {
    guard range.lowerBound == 0 else { return false }
    let bytes = source.bytes
    return bytes[min(range.upperBound, bytes.count)...].allSatisfy { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
  }

  /// Returns whether `kind` passes the client's `only` filter. LSP kinds are hierarchical, so
  /// `refactor` allows `refactor.rewrite`.
  static func isKind(_ kind: String, allowedBy onlyKinds: [String]?) -> Bool {
    guard let onlyKinds else { return true }
    return onlyKinds.contains { kind == $0 || kind.hasPrefix($0 + ".") }
  }

  /// Returns the edits of "Fix all": the first round's edits when one round reaches a fixed
  /// point, else one edit from the original text to the text after every round. Rounds after the
  /// first re-lint the fixed text, which costs nothing when the document has no quick fix; the
  /// caller keeps the result per document version, since `codeAction/resolve` and clients
  /// without it may ask again for the same version.
  func fixAllEdits(for entry: OpenDocument, findings: [Finding]) -> [TextEdit] {
    let document = entry.document
    let linter = workspace.linter(forDocument: entry.uri) { path, result in reportConfigurationProblems(path, result) }
    let lint = analysis.lint
    let scripts = entry.lintCache.scripts
    let outcome = FixAll.fix(document, findings: findings) { lint($0, linter, .scripts(scripts)) }
    guard outcome.isChanged else { return [] }
    if outcome.rounds == 1 { return outcome.firstRoundEdits }
    return [FixAll.difference(from: document.source.bytes, to: outcome.bytes)]
  }

  /// Collects the edits of one round of fix-all; see `FixAll.edits(for:)`.
  static func fixAllEdits(_ findings: [Finding]) -> [TextEdit] {
    FixAll.edits(for: findings)
  }

  func workspaceEdit(uri: String, edits: [TextEdit], converter: LSPConverter) -> JSONValue {
    ["changes": .object(JSONObject([(uri, .array(edits.map(converter.textEdit)))]))]
  }
}
