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
  /// Whether `# hadolint ignore=…` and `# hadolint global ignore=…` comments suppress findings
  /// (hadolint's `disable-ignore-pragma` turns this off).
  public var honorsIgnorePragmas: Bool

  public init(
    disabledRules: Set<String> = [], enabledRules: Set<String> = [], severityOverrides: [String: Severity] = [:],
    settings: RuleSettings = RuleSettings(), honorsIgnorePragmas: Bool = true
  ) {
    self.disabledRules = disabledRules
    self.enabledRules = enabledRules
    self.severityOverrides = severityOverrides
    self.settings = settings
    self.honorsIgnorePragmas = honorsIgnorePragmas
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

  /// Returns the findings for `document`, sorted by start offset and then rule id, without
  /// those that the file's ignore pragmas suppress. `cache` keeps shell scripts parsed by earlier
  /// lints of the same document, so that linting an edited version reparses only the scripts
  /// that changed.
  public func lint(_ document: Document, cache: ShellScriptCache? = nil) -> [Finding] {
    cache?.startGeneration()
    let context = RuleContext(document: document, settings: configuration.settings, cache: cache)
    var findings: [Finding] = []
    for rule in rules {
      rule.check(context, into: &findings)
    }
    if configuration.honorsIgnorePragmas {
      let suppressions = PragmaSuppressions(tree: document.tree)
      if !suppressions.isEmpty {
        findings.removeAll { Linter.isSuppressed($0, by: suppressions, instructions: context.instructions) }
      }
    }
    for index in findings.indices {
      if let severity = configuration.severityOverrides[findings[index].ruleID] {
        findings[index].severity = severity
      }
    }
    findings.sort { ($0.range.lowerBound, $0.ruleID) < ($1.range.lowerBound, $1.ruleID) }
    return findings
  }

  /// Whether a pragma suppresses `finding`: a global one, or one on the instruction that
  /// contains the finding's start.
  static func isSuppressed(_ finding: Finding, by suppressions: PragmaSuppressions, instructions: [Instruction]) -> Bool {
    if suppressions.global.contains(finding.ruleID) { return true }
    guard let index = instructionIndex(containing: finding.range.lowerBound, in: instructions) else { return false }
    return suppressions.byInstruction[index]?.contains(finding.ruleID) ?? false
  }

  /// Returns the index of the instruction whose range contains `offset` (its end included), or nil.
  public static func instructionIndex(containing offset: Int, in instructions: [Instruction]) -> Int? {
    // Instructions are in source order, so the candidate is the last one starting at or before `offset`.
    var low = 0
    var high = instructions.count
    while low < high {
      let middle = (low + high) / 2
      if instructions[middle].range.lowerBound <= offset { low = middle + 1 } else { high = middle }
    }
    let index = low - 1
    guard index >= 0, offset <= instructions[index].range.upperBound else { return nil }
    return index
  }
}
