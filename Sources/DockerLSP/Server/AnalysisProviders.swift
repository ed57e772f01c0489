import Analysis

/// The analysis functions that the server calls: the linter and the hover provider by default.
/// Tests replace them to get findings with fixes and hover content that the placeholders lack.
struct AnalysisProviders: Sendable {
  var lint: @Sendable (Document) -> [Finding]
  var hover: @Sendable (_ offset: Int, Document, [Finding]) -> HoverContent?

  /// The default linter, built once because building it instantiates every rule.
  private static let defaultLinter = Linter()

  init(
    lint: @escaping @Sendable (Document) -> [Finding] = { AnalysisProviders.defaultLinter.lint($0) },
    hover: @escaping @Sendable (_ offset: Int, Document, [Finding]) -> HoverContent? = {
      HoverProvider.hover(at: $0, in: $1, findings: $2)
    }
  ) {
    self.lint = lint
    self.hover = hover
  }
}
