import Analysis

/// The analysis functions that the server calls: the linter and the hover provider by default.
/// Tests replace them to get findings with fixes and hover content that the placeholders lack.
struct AnalysisProviders: Sendable {
  /// Lints a document; the cache belongs to that document and outlives its versions.
  var lint: @Sendable (Document, ShellScriptCache) -> [Finding]
  var hover: @Sendable (_ offset: Int, Document, [Finding]) -> HoverContent?

  /// The default linter, built once because building it instantiates every rule.
  private static let defaultLinter = Linter()

  init(hover: @escaping @Sendable (_ offset: Int, Document, [Finding]) -> HoverContent? = AnalysisProviders.defaultHover) {
    self.lint = { AnalysisProviders.defaultLinter.lint($0, cache: $1) }
    self.hover = hover
  }

  /// Uses `lint` instead of the default linter; it gets no cache.
  init(
    lint: @escaping @Sendable (Document) -> [Finding],
    hover: @escaping @Sendable (_ offset: Int, Document, [Finding]) -> HoverContent? = AnalysisProviders.defaultHover
  ) {
    self.lint = { document, _ in lint(document) }
    self.hover = hover
  }

  static let defaultHover: @Sendable (_ offset: Int, Document, [Finding]) -> HoverContent? = {
    HoverProvider.hover(at: $0, in: $1, findings: $2)
  }
}
