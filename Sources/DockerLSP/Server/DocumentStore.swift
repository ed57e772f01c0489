import Analysis

/// One document that the client has opened.
struct OpenDocument {
  let uri: String
  var version: Int
  var document: Document
  /// The linter's findings for `document`, computed at most once per version.
  var cachedFindings: [Finding]?
  /// The edits of "Fix all" for `document`, computed at most once per version because they may
  /// take several lint rounds.
  var cachedFixAllEdits: [TextEdit]?
  /// Shell scripts and instruction findings from earlier versions, so a lint after an edit
  /// redoes only the instructions the edit touched (and the rules that read the whole document).
  let lintCache = LintCache()
  /// The last diagnostics sent, from which the next notification copies what did not change.
  let diagnosticsMemo = DiagnosticsMemo()
}

/// The open documents, keyed by URI.
struct DocumentStore {
  private var documents: [String: OpenDocument] = [:]

  var count: Int { documents.count }

  /// The URIs of the open documents, sorted so that re-linting them all is deterministic.
  var uris: [String] { documents.keys.sorted() }

  subscript(uri: String) -> OpenDocument? {
    documents[uri]
  }

  mutating func open(uri: String, version: Int, document: Document) {
    documents[uri] = OpenDocument(uri: uri, version: version, document: document, cachedFindings: nil)
  }

  /// Changes an open document in place and drops its cached findings. Editing in place keeps the
  /// document's storage uniquely referenced, so the parser can update it without copying.
  mutating func modify(uri: String, _ body: (inout OpenDocument) -> Void) {
    guard documents[uri] != nil else { return }
    body(&documents[uri]!)
    documents[uri]!.cachedFindings = nil
    documents[uri]!.cachedFixAllEdits = nil
  }

  /// Drops the cached findings of every document, after the configuration changed.
  mutating func invalidateAllFindings() {
    for uri in documents.keys {
      documents[uri]?.lintCache.removeAll()
      documents[uri]?.cachedFindings = nil
      documents[uri]?.cachedFixAllEdits = nil
    }
  }

  @discardableResult
  mutating func close(uri: String) -> OpenDocument? {
    documents.removeValue(forKey: uri)
  }

  /// Returns the findings for the current version of `uri`, linting on the first call per version.
  mutating func findings(for uri: String, lint: (Document, LintCache) -> [Finding]) -> [Finding] {
    guard let entry = documents[uri] else { return [] }
    if let cached = entry.cachedFindings { return cached }
    let findings = lint(entry.document, entry.lintCache)
    documents[uri]?.cachedFindings = findings
    return findings
  }

  /// Returns the fix-all edits for the current version of `uri`, computing them on the first call
  /// per version.
  mutating func fixAllEdits(for uri: String, compute: (OpenDocument) -> [TextEdit]) -> [TextEdit] {
    guard let entry = documents[uri] else { return [] }
    if let cached = entry.cachedFixAllEdits { return cached }
    let edits = compute(entry)
    documents[uri]?.cachedFixAllEdits = edits
    return edits
  }
}
