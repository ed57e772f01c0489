import Analysis

extension LanguageServer {
  /// Handles `codeAction/resolve`: adds the edit to the fix-all action that `codeAction` sent
  /// without one, for the document and version in its `data` (see `fixAllData`). Any other
  /// action comes back unchanged, since every other action already has its edit. The action is
  /// offered when some finding has a quick fix, so in the rare case that applying the fixes
  /// changes nothing, the edit has an empty list of changes.
  ///
  /// The edit is never computed for text other than the one the action was offered for:
  /// - when the document changed since (its version differs, or a change is still queued), the
  ///   response is a content-modified error (-32801), and the client requests code actions again;
  /// - when the document is no longer open, the response is a request-failed error (-32803).
  func resolveCodeAction(params: JSONValue?) throws -> JSONValue {
    let reader = ParamsReader(params)
    var action = try reader.object().value?.objectValue ?? JSONObject()
    let data = reader["data"]["fixAll"]
    guard data.isPresent, !reader["edit"].isPresent else { return .object(action) }
    let uri = try data["uri"].string()
    let version = try data["version"].int()

    guard let entry = documents[uri] else {
      throw ResponseError.requestFailed(
        "\(uri) is not open, so its fix-all edit cannot be computed; open it and request code actions again")
    }
    if entry.version != version || hasQueuedChange(for: uri) {
      throw ResponseError.contentModified(
        "\(uri) changed since version \(version), for which fix-all was offered; request code actions again")
    }

    let findings = self.findings(for: uri)
    let edits = documents.fixAllEdits(for: uri) { fixAllEdits(for: $0, findings: findings) }
    action["edit"] = workspaceEdit(uri: uri, edits: edits, converter: converter(for: entry.document.source))
    return .object(action)
  }
}
