/// One problem that a rule found in a document.
public struct Finding: Sendable, Hashable {
  /// The rule's id, such as `DL3059`.
  public var ruleID: String
  public var severity: Severity
  /// The byte range in the document's source that the problem is about.
  public var range: Range<Int>
  /// One sentence, capitalised, no final period, offending text in backticks.
  public var message: String
  /// Edits that resolve the finding, most preferred first. Empty when no edit is safe.
  public var fixes: [Fix]

  public init(ruleID: String, severity: Severity, range: Range<Int>, message: String, fixes: [Fix] = []) {
    self.ruleID = ruleID
    self.severity = severity
    self.range = range
    self.message = message
    self.fixes = fixes
  }
}

/// A titled set of non-overlapping text edits that resolves a finding.
public struct Fix: Sendable, Hashable {
  public enum Kind: String, Sendable {
    /// Safe to apply without review: it keeps what the build does, apart from the change its title names.
    case quickFix
    /// Changes what the build produces (for example the base image), so it is offered as a
    /// refactoring for the user to review, never applied by fix-all.
    case refactor
  }

  /// An imperative title, such as "Merge with the previous RUN".
  public var title: String
  public var edits: [TextEdit]
  public var kind: Kind
  /// Whether an editor may apply this fix as the preferred one for its finding.
  public var isPreferred: Bool

  public init(title: String, edits: [TextEdit], kind: Kind = .quickFix, isPreferred: Bool = true) {
    self.title = title
    self.edits = edits
    self.kind = kind
    self.isPreferred = isPreferred
  }
}
