import Analysis

/// The analysis functions that the server calls: the linter and the hover provider by default.
/// Tests replace them to get findings with fixes and hover content that the placeholders lack.
struct AnalysisProviders: Sendable {
  var lint: @Sendable (Document) -> [Finding]
  var hover: @Sendable (_ offset: Int, Document, [Finding]) -> HoverContent?

  init(
    lint: @escaping @Sendable (Document) -> [Finding] = { Linter().lint($0) },
    hover: @escaping @Sendable (_ offset: Int, Document, [Finding]) -> HoverContent? = {
      HoverProvider.hover(at: $0, in: $1, findings: $2)
    }
  ) {
    self.lint = lint
    self.hover = hover
  }
}
