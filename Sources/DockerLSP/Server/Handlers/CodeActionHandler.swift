import Analysis

extension LanguageServer {
  static let fixAllTitle = "Fix all auto-fixable problems"

  /// Handles `textDocument/codeAction`: the fixes of findings that intersect the requested range,
  /// then an action per finding that adds a `# hadolint ignore=` comment, then one
  /// `source.fixAll` action, filtered by `context.only`.
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

    let converter = converter(for: entry.document.source)
    let requested = converter.offsets(requestedRange)
    let findings = self.findings(for: uri)
    var actions: [JSONValue] = []
    var ignoreActions: [JSONValue] = []

    // A finding at the cursor matches when the cursor touches it, hence the closed bounds.
    for finding in findings where finding.range.lowerBound <= requested.upperBound && requested.lowerBound <= finding.range.upperBound {
      if LanguageServer.isKind("quickfix", allowedBy: onlyKinds), let edit = ignoreEdit(for: finding, in: entry.document),
        !ignoreActions.contains(where: { $0["edit"] == workspaceEdit(uri: uri, edits: [edit], converter: converter) })
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

    if LanguageServer.isKind("source.fixAll", allowedBy: onlyKinds) {
      let edits = documents.fixAllEdits(for: uri) { fixAllEdits(for: $0.document, uri: uri, findings: findings) }
      if !edits.isEmpty {
        actions.append([
          "title": .string(LanguageServer.fixAllTitle),
          "kind": "source.fixAll",
          "edit": workspaceEdit(uri: uri, edits: edits, converter: converter),
        ])
      }
    }
    return .array(actions)
  }

  /// Returns the edit that suppresses `finding` on its instruction with a pragma comment, or nil
  /// when the finding is outside every instruction or the comment already lists its rule.
  private func ignoreEdit(for finding: Finding, in document: Document) -> TextEdit? {
    let instructions = document.tree.instructions
    guard let index = Linter.instructionIndex(containing: finding.range.lowerBound, in: instructions) else { return nil }
    return IgnoreComment.edit(ignoring: finding.ruleID, onInstructionAt: index, in: document)
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
  /// caller keeps the result per document version, since clients ask for code actions often.
  // NOTE: computed eagerly for every code-action request, with up to five whole-document lint
  // rounds; on a generated 50,000-line file the request took over a minute in the benchmark.
  // Moving it to `codeAction/resolve` would keep ordinary requests fast.
  private func fixAllEdits(for document: Document, uri: String, findings: [Finding]) -> [TextEdit] {
    let linter = workspace.linter(forDocument: uri) { path, result in reportConfigurationProblems(path, result) }
    let lint = analysis.lint
    let outcome = FixAll.fix(document, findings: findings) { lint($0, linter, nil) }
    guard outcome.isChanged else { return [] }
    if outcome.rounds == 1 { return outcome.firstRoundEdits }
    return [FixAll.difference(from: document.source.bytes, to: outcome.bytes)]
  }

  /// Collects the edits of one round of fix-all; see `FixAll.edits(for:)`.
  static func fixAllEdits(_ findings: [Finding]) -> [TextEdit] {
    FixAll.edits(for: findings)
  }

  private func workspaceEdit(uri: String, edits: [TextEdit], converter: LSPConverter) -> JSONValue {
    ["changes": .object(JSONObject([(uri, .array(edits.map(converter.textEdit)))]))]
  }
}
