/// A lint rule: its identity, its documentation and its check.
///
/// Each rule lives in one file under `Rules/Catalog/`, named after its id, with its fixes.
/// `documentation` is markdown with the sections *Why*, *Example* and *Use instead*, which hover
/// and `docker-lsp explain` show. A registry test runs the first `dockerfile` block under
/// *Example*, which must fire, and the one under *Use instead*, which must not.
public protocol Rule: Sendable {
  /// A stable id: hadolint's `DL` code when the rule means the same, else `DX` and a number.
  static var id: String { get }
  /// A short imperative summary, such as "Merge consecutive RUN instructions".
  static var title: String { get }
  static var defaultSeverity: Severity { get }
  static var documentation: String { get }
  /// Whether the rule runs without being enabled in the configuration.
  static var isEnabledByDefault: Bool { get }
  /// The settings under which the documentation's examples behave as described, for rules
  /// that read settings (such as the label schema).
  static var exampleSettings: RuleSettings { get }
  /// The inputs the rule's findings depend on, from which a language server learns which findings
  /// it may keep after an edit.
  static var scope: RuleScope { get }

  init()

  /// Appends the rule's findings for the document in `context` to `findings`.
  func check(_ context: RuleContext, into findings: inout [Finding])
}

extension Rule {
  public static var isEnabledByDefault: Bool { true }
  public static var exampleSettings: RuleSettings { RuleSettings() }
  public static var scope: RuleScope { .document }

  /// Creates a finding of this rule at its default severity (the linter applies overrides).
  public func finding(_ range: Range<Int>, _ message: String, fixes: [Fix] = []) -> Finding {
    Finding(ruleID: Self.id, severity: Self.defaultSeverity, range: range, message: message, fixes: fixes)
  }
}

/// The inputs a rule's findings depend on.
public enum RuleScope: Sendable {
  /// Each finding lies inside one instruction, with its fixes, and depends only on that
  /// instruction's text, the escape character and the shell in effect for it: never on other
  /// instructions, stages or comments. `LintCache` keeps such findings while the instruction's
  /// text is unchanged. `IncrementalLintTests` checks every rule with this scope against a full
  /// lint after random edits, as it does for `stage`.
  case instruction
  /// Each finding lies inside one stage (or before the first FROM), with its fixes. It depends
  /// only on the stages linked to it through FROM (the stages it builds on and those built on
  /// it), the instructions before the first FROM, every FROM instruction, and the shell in effect
  /// for each instruction. It may also read the stage's place in `StageGraph`: whether it ships,
  /// is copied whole or built on, and which stages it copies from. It never reads other stages'
  /// instructions. `LintCache` keeps such findings while those inputs are unchanged.
  case stage
  /// Findings may depend on anything in the document, so the rule runs over the whole document
  /// on every lint.
  case document
}

/// Static facts about a rule, for listings, hover and docs.
public struct RuleInfo: Sendable {
  public let id: String
  public let title: String
  public let defaultSeverity: Severity
  public let documentation: String
  public let isEnabledByDefault: Bool

  init(_ rule: any Rule.Type) {
    self.id = rule.id
    self.title = rule.title
    self.defaultSeverity = rule.defaultSeverity
    self.documentation = rule.documentation
    self.isEnabledByDefault = rule.isEnabledByDefault
  }

  /// A page about the rule on the web: hadolint's wiki for `DL` codes, nil for the project's own.
  public var documentationURL: String? {
    id.hasPrefix("DL") && id != "DL1000" ? "https://github.com/hadolint/hadolint/wiki/\(id)" : nil
  }
}
