import Analysis

/// The analysis functions that the server calls: the document's configured linter and the hover
/// provider by default. Tests replace them to get findings with fixes and hover content that the
/// placeholders lack.
struct AnalysisProviders: Sendable {
  /// Lints a document with the linter configured for it. The cache belongs to that document and
  /// outlives its versions, so a lint after an edit redoes only the work the edit touched.
  var lint: @Sendable (Document, Linter, LintCache?) -> [Finding]
  var hover: @Sendable (_ offset: Int, Document, [Finding]) -> HoverContent?

  /// `lint`, when given, replaces the configured linter: it receives only the document.
  init(
    lint: (@Sendable (Document) -> [Finding])? = nil,
    hover: @escaping @Sendable (_ offset: Int, Document, [Finding]) -> HoverContent? = AnalysisProviders.defaultHover
  ) {
    if let lint {
      self.lint = { document, _, _ in lint(document) }
    } else {
      self.lint = { document, linter, cache in
        cache.map { linter.lint(document, reusing: $0) } ?? linter.lint(document)
      }
    }
    self.hover = hover
  }

  static let defaultHover: @Sendable (_ offset: Int, Document, [Finding]) -> HoverContent? = {
    HoverProvider.hover(at: $0, in: $1, findings: $2)
  }
}
