/// The set of rules that run, and their severities.
public struct LintConfiguration: Sendable {
  /// Rule ids that do not run.
  public var disabledRules: Set<String>
  /// Rule ids that run although they are off by default.
  public var enabledRules: Set<String>
  /// Rule ids whose findings get another severity than the rule's default.
  public var severityOverrides: [String: Severity]
  /// Options that some rules read.
  public var settings: RuleSettings

  public init(
    disabledRules: Set<String> = [], enabledRules: Set<String> = [], severityOverrides: [String: Severity] = [:],
    settings: RuleSettings = RuleSettings()
  ) {
    self.disabledRules = disabledRules
    self.enabledRules = enabledRules
    self.severityOverrides = severityOverrides
    self.settings = settings
  }

  /// Returns whether `rule` runs under this configuration.
  public func isEnabled(_ rule: any Rule.Type) -> Bool {
    if disabledRules.contains(rule.id) { return false }
    return rule.isEnabledByDefault || enabledRules.contains(rule.id)
  }
}

/// Runs the rules of the registry over a document.
public struct Linter: Sendable {
  public var configuration: LintConfiguration
  private let rules: [any Rule]

  public init(configuration: LintConfiguration = LintConfiguration()) {
    self.configuration = configuration
    self.rules = RuleRegistry.all.filter { configuration.isEnabled($0) }.map { $0.init() }
  }

  /// Returns the findings for `document`, sorted by start offset and then rule id.
  /// `cache` keeps shell scripts parsed by earlier lints of the same document, so that linting
  /// an edited version reparses only the scripts that changed.
  public func lint(_ document: Document, cache: ShellScriptCache? = nil) -> [Finding] {
    cache?.startGeneration()
    let context = RuleContext(document: document, settings: configuration.settings, cache: cache)
    var findings: [Finding] = []
    for rule in rules {
      rule.check(context, into: &findings)
    }
    for index in findings.indices {
      if let severity = configuration.severityOverrides[findings[index].ruleID] {
        findings[index].severity = severity
      }
    }
    findings.sort { ($0.range.lowerBound, $0.ruleID) < ($1.range.lowerBound, $1.ruleID) }
    return findings
  }
}
