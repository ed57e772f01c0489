/// Which rules run and at what severity.
public struct LintConfiguration: Sendable {
  /// Rule ids that do not run.
  public var disabledRules: Set<String>
  /// Rule ids whose findings get another severity than the rule's default.
  public var severityOverrides: [String: Severity]

  public init(disabledRules: Set<String> = [], severityOverrides: [String: Severity] = [:]) {
    self.disabledRules = disabledRules
    self.severityOverrides = severityOverrides
  }
}

/// Runs the rules over a document.
public struct Linter: Sendable {
  public var configuration: LintConfiguration

  public init(configuration: LintConfiguration = LintConfiguration()) {
    self.configuration = configuration
  }

  /// Returns the findings for `document`, sorted by position.
  public func lint(_ document: Document) -> [Finding] {
    // TODO: placeholder until the rule engine lands: report syntax errors only.
    document.tree.errors.map { error in
      Finding(ruleID: "DL1000", severity: .error, range: error.range, message: error.message)
    }
  }
}
