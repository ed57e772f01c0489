import Analysis

extension LanguageServer {
  /// One decoded entry of `contentChanges`.
  private enum ContentChange {
    case incremental(PositionRange, String)
    case full(String)
  }

  /// Handles `textDocument/didChange`: applies the changes in order and publishes diagnostics,
  /// unless another change for the same document is already queued, in which case only that
  /// later change is linted.
  func didChange(params: JSONValue?) throws {
    let reader = ParamsReader(params)
    let textDocument = try reader["textDocument"].object()
    let uri = try textDocument["uri"].string()
    let version = try textDocument["version"].int()

    guard let previousVersion = documents[uri]?.version else {
      logger.error("server", "Skipped a change to \(uri) version \(version), which is not open")
      return
    }
    if version <= previousVersion {
      logger.error("server", "Version of \(uri) went from \(previousVersion) to \(version); applying the change anyway")
    }

    // Decode every change before applying any: if one is invalid, the client's text is now
    // unknown, so the document is dropped rather than kept in a state the client never had.
    let changes: [ContentChange]
    do {
      changes = try reader["contentChanges"].array().map(decodeChange)
    } catch let error as ResponseError {
      dropDocument(uri: uri, version: version, reason: error.message)
      return
    }

    let encoding = positionEncoding
    documents.modify(uri: uri) { entry in
      for change in changes {
        switch change {
        case .full(let text):
          entry.document = Document(text: text)
        case .incremental(let range, let text):
          let byteRange = LSPConverter(source: entry.document.source, encoding: encoding).offsets(range)
          entry.document.apply(TextEdit(range: byteRange, newText: text))
        }
      }
      entry.version = version
    }
    logger.debug("server", "Applied \(changes.count) changes to \(uri) version \(version)")

    if hasQueuedChange(for: uri) {
      logger.debug("server", "Deferred diagnostics for \(uri) version \(version) to a queued change")
      return
    }
    publishDiagnostics(for: uri)
  }

  private func decodeChange(_ change: ParamsReader) throws -> ContentChange {
    _ = try change.object()
    let text = try change["text"].string()
    if change["range"].isPresent {
      return .incremental(try change["range"].range(), text)
    }
    return .full(text)
  }

  /// Removes a document whose change could not be applied, clears its diagnostics and shows the
  /// user how to recover.
  private func dropDocument(uri: String, version: Int, reason: String) {
    documents.close(uri: uri)
    logger.error("server", "Dropped \(uri) at version \(version) because a change could not be decoded: \(reason)")
    connection.notify("window/showMessage", [
      "type": 2,
      "message": .string("docker-lsp could not apply an edit to \(uri) (\(reason)). Close and reopen the file to get diagnostics again."),
    ])
    publishEmptyDiagnostics(for: uri)
  }
}
