import Analysis

/// One document that the client has opened.
struct OpenDocument {
  let uri: String
  var version: Int
  var document: Document
  /// The linter's findings for `document`, computed at most once per version.
  var cachedFindings: [Finding]?
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

  /// Replaces the text and version of an open document, dropping its cached findings.
  mutating func update(uri: String, version: Int, document: Document) {
    documents[uri]?.version = version
    documents[uri]?.document = document
    documents[uri]?.cachedFindings = nil
  }

  @discardableResult
  mutating func close(uri: String) -> OpenDocument? {
    documents.removeValue(forKey: uri)
  }

  /// Returns the findings for the current version of `uri`, linting on the first call per version.
  mutating func findings(for uri: String, lint: (Document) -> [Finding]) -> [Finding] {
    guard let entry = documents[uri] else { return [] }
    if let cached = entry.cachedFindings { return cached }
    let findings = lint(entry.document)
    documents[uri]?.cachedFindings = findings
    return findings
  }
}
