import Analysis

/// One document that the client has opened.
struct OpenDocument {
  let uri: String
  var version: Int
  var document: Document
  /// The linter's findings for `document`, computed at most once per version.
  var cachedFindings: [Finding]?
  /// Shell scripts parsed for earlier versions, so a lint after an edit reparses only the RUN
  /// instructions the edit touched.
  let scriptCache = ShellScriptCache()
}

/// The open documents, keyed by URI.
struct DocumentStore {
  private var documents: [String: OpenDocument] = [:]

  var count: Int { documents.count }

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
  }

  @discardableResult
  mutating func close(uri: String) -> OpenDocument? {
    documents.removeValue(forKey: uri)
  }

  /// Returns the findings for the current version of `uri`, linting on the first call per version.
  mutating func findings(for uri: String, lint: (Document, ShellScriptCache) -> [Finding]) -> [Finding] {
    guard let entry = documents[uri] else { return [] }
    if let cached = entry.cachedFindings { return cached }
    let findings = lint(entry.document, entry.scriptCache)
    documents[uri]?.cachedFindings = findings
    return findings
  }
}
