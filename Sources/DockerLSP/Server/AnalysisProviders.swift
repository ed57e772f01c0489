import Analysis

/// The analysis functions that the server calls: the document's configured linter and the hover
/// provider by default. Tests replace them to get findings with fixes and hover content that the
/// placeholders lack.
struct AnalysisProviders: Sendable {
  /// Lints a document with the linter configured for it, reusing what `reuse` holds.
  var lint: @Sendable (Document, Linter, LintReuse) -> [Finding]
  var hover: @Sendable (_ offset: Int, Document, [Finding]) -> HoverContent?

  /// `lint`, when given, replaces the configured linter: it receives only the document.
  init(
    lint: (@Sendable (Document) -> [Finding])? = nil,
    hover: @escaping @Sendable (_ offset: Int, Document, [Finding]) -> HoverContent? = AnalysisProviders.defaultHover
  ) {
    if let lint {
      self.lint = { document, _, _ in lint(document) }
    } else {
      self.lint = { document, linter, reuse in
        switch reuse {
        case .document(let cache): linter.lint(document, reusing: cache)
        case .scripts(let scripts): linter.lint(document, cache: scripts)
        }
      }
    }
    self.hover = hover
  }

  /// The results of earlier lints of one document that a lint may reuse.
  enum LintReuse {
    /// The document's cache, which outlives its versions, so that a lint after an edit redoes
    /// only the work the edit touched.
    case document(LintCache)
    /// Only the document's parsed shell scripts, for texts made from it (the rounds of "Fix
    /// all"), so that they parse only the scripts their fixes changed.
    case scripts(ShellScriptCache)
  }

  static let defaultHover: @Sendable (_ offset: Int, Document, [Finding]) -> HoverContent? = {
    HoverProvider.hover(at: $0, in: $1, findings: $2)
  }
}
