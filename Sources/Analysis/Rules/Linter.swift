/// The set of rules that run, and their severities.
public struct LintConfiguration: Sendable, Equatable {
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
  /// `rules` split by scope, for `lint(_:reusing:)`.
  private let instructionRules: [any Rule]
  private let stageRules: [any Rule]
  private let documentRules: [any Rule]

  public init(configuration: LintConfiguration = LintConfiguration()) {
    self.configuration = configuration
    let enabled = RuleRegistry.all.filter { configuration.isEnabled($0) }
    self.rules = enabled.map { $0.init() }
    self.instructionRules = enabled.filter { $0.scope == .instruction }.map { $0.init() }
    self.stageRules = enabled.filter { $0.scope == .stage }.map { $0.init() }
    self.documentRules = enabled.filter { $0.scope == .document }.map { $0.init() }
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
    return finish(findings, of: document, instructions: context.instructions)
  }

  /// Returns the same findings as `lint(_:cache:)`, reusing what `cache` kept from earlier lints
  /// of the document. Instruction-scoped rules run only over instructions whose text or shell is
  /// new, stage-scoped rules only over groups of stages whose text changed, and document-scoped
  /// rules over the whole document.
  public func lint(_ document: Document, reusing cache: LintCache) -> [Finding] {
    let instructions = document.tree.instructions
    cache.startGeneration(for: configuration, instructionCount: instructions.count)
    cache.compare(document.source.bytes, escapeCharacter: document.tree.escapeCharacter)
    let reused = cache.reusableModel(tree: document.tree, instructions: instructions, source: document.source.bytes)
    let context = RuleContext(
      document: document, instructions: instructions,
      model: reused?.model ?? SemanticModel(tree: document.tree, instructions: instructions),
      settings: configuration.settings, cache: cache.scripts)
    if let graph = reused?.graph { context.seedShared(StageGraph.self, graph) }
    cache.lastModelWasReused = reused != nil
    cache.lastGraphWasReused = reused?.graph != nil
    var findings: [Finding] = []
    lintInstructions(context, reusing: cache, into: &findings)
    if !stageRules.isEmpty {
      lintStages(context, reusing: cache, into: &findings)
    }
    for rule in documentRules {
      rule.check(context, into: &findings)
    }
    cache.finishLint()
    cache.lastModel = LintCache.ModelSnapshot(
      model: context.model, graph: context.existingShared(StageGraph.self), tree: document.tree, instructions: instructions)
    return finish(findings, of: document, instructions: context.instructions)
  }

  /// Appends the findings of the instruction-scoped rules: those `cache` has for unchanged
  /// instructions, and those of running the rules over a context of the other instructions.
  private func lintInstructions(_ context: RuleContext, reusing cache: LintCache, into findings: inout [Finding]) {
    let instructions = context.instructions
    let source = context.source.bytes
    let escape = context.tree.escapeCharacter
    var missing: [Int] = []
    cache.startInstructions(instructionCount: instructions.count)
    for (index, instruction) in instructions.enumerated() {
      let shell = context.model.shellOfInstruction[index]
      if let kept = cache.findings(forInstruction: index, at: instruction.range, in: source, escapeCharacter: escape, shell: shell) {
        findings += kept
      } else {
        missing.append(index)
      }
    }
    cache.lastCheckedInstructionCount = missing.count
    guard !missing.isEmpty else { return }

    let subcontext = missing.count == instructions.count
      ? context
      : RuleContext(
        document: context.document, instructions: missing.map { instructions[$0] },
        model: SemanticModel(shellsOf: context.model, at: missing), settings: configuration.settings, cache: cache.scripts)
    var fresh: [Finding] = []
    for rule in instructionRules {
      rule.check(subcontext, into: &fresh)
    }
    let ranges = missing.map { instructions[$0].range }
    if let perInstruction = Linter.attribute(fresh, to: ranges) {
      for (position, index) in missing.enumerated() {
        let shell = context.model.shellOfInstruction[index]
        cache.store(perInstruction[position], forInstruction: index, at: ranges[position], in: source, escapeCharacter: escape, shell: shell)
      }
    }
    findings += fresh
  }

  /// Appends the findings of the stage-scoped rules, running them over a window of the document.
  /// The window contains the instructions before the first FROM, every FROM, and every
  /// instruction of the groups of stages (linked by FROM) that `cache` has no findings for.
  private func lintStages(_ context: RuleContext, reusing cache: LintCache, into findings: inout [Finding]) {
    let instructions = context.instructions
    let stages = context.model.stages
    let source = context.source.bytes
    let preludeEnd = stages.first.map { instructions[$0.fromInstructionIndex].range.lowerBound } ?? source.count
    // Each stage spans the bytes from its FROM to the next FROM, comments included.
    let spans = stages.indices.map { index in
      instructions[stages[index].fromInstructionIndex].range.lowerBound
        ..< (index + 1 < stages.count ? instructions[stages[index + 1].fromInstructionIndex].range.lowerBound : source.count)
    }
    var outline = Array(source[0..<preludeEnd])
    for stage in stages {
      let from = instructions[stage.fromInstructionIndex].range
      outline.append(contentsOf: withUnsafeBytes(of: from.count.littleEndian) { Array($0) })
      outline.append(contentsOf: source[from])
    }
    cache.useOutline(outline)

    // Collected apart, so that the fallback below can replace them all.
    var collected: [Finding] = []
    var missingStages: [Int] = []
    var missingGroups: [[Int]] = []
    let graph = context.stageGraph
    let environments = stages.map { stage in
      LintCache.StageEnvironment(
        shells: Array(context.model.shellOfInstruction[stage.instructionIndices]),
        // The index too: two stages with the same text are not interchangeable (only the later
        // of two stages with one name repeats it).
        graph: [stage.index, graph.isShipped(stage.index) ? 1 : 0, graph.isCopiedWhole[stage.index] ? 1 : 0, graph.isBase[stage.index] ? 1 : 0]
          + graph.copiesFrom[stage.index].sorted())
    }
    for group in Linter.stageGroups(stages) {
      if let kept = cache.groupFindings(spans: group.map { spans[$0] }, in: source, environments: group.map { environments[$0] }) {
        for stageFindings in kept { collected += stageFindings }
      } else {
        missingGroups.append(group)
        missingStages += group
      }
    }
    let preludeIsMissing = cache.prelude == nil
    if let prelude = cache.prelude { collected += prelude }
    cache.lastCheckedStageCount = missingStages.count
    guard !missingStages.isEmpty || preludeIsMissing else {
      findings += collected
      return
    }

    let window: RuleContext
    if missingStages.count == stages.count {
      window = context
    } else {
      let isMissing = Set(missingStages)
      var indices = Array(0..<(stages.first?.fromInstructionIndex ?? instructions.count))
      for stage in stages {
        if isMissing.contains(stage.index) { indices += stage.instructionIndices } else { indices.append(stage.fromInstructionIndex) }
      }
      window = RuleContext(
        document: context.document, instructions: indices.map { instructions[$0] },
        model: SemanticModel(window: context.model, at: indices), settings: configuration.settings, cache: cache.scripts)
      // Stage indices are the same in the window, so the whole document's graph is valid there.
      window.seedShared(StageGraph.self, graph)
      window.keptStages = isMissing
    }
    var fresh: [Finding] = []
    for rule in stageRules {
      rule.check(window, into: &fresh)
    }
    // Keep what falls in the prelude (when missing) or in a missing stage. The cache has the rest.
    let allSpans = [0..<preludeEnd] + spans
    guard let perSpan = Linter.attribute(fresh, to: allSpans) else {
      // NOTE: a finding outside every stage, or an empty one where two stages meet, cannot be
      // placed: then the stage rules run over the whole document and nothing is stored.
      for rule in stageRules { rule.check(context, into: &findings) }
      return
    }
    if preludeIsMissing {
      cache.prelude = perSpan[0]
      collected += perSpan[0]
    }
    for group in missingGroups {
      let groupFindings = group.map { perSpan[$0 + 1] }
      cache.storeGroup(groupFindings, spans: group.map { spans[$0] }, in: source, environments: group.map { environments[$0] })
      for stageFindings in groupFindings { collected += stageFindings }
    }
    findings += collected
  }

  /// Returns the stages in groups linked by FROM (a stage and the stages it builds on or that
  /// build on it), each group in stage order, groups ordered by their first stage.
  static func stageGroups(_ stages: [Stage]) -> [[Int]] {
    var parent = Array(stages.indices)
    func root(_ index: Int) -> Int {
      var current = index
      while parent[current] != current {
        parent[current] = parent[parent[current]]
        current = parent[current]
      }
      return current
    }
    for stage in stages {
      if let base = stage.baseStageIndex {
        let (a, b) = (root(stage.index), root(base))
        if a != b { parent[max(a, b)] = min(a, b) }
      }
    }
    var groups: [Int: [Int]] = [:]
    var order: [Int] = []
    for index in stages.indices {
      let key = root(index)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(index)
    }
    return order.map { groups[$0]! }
  }

  /// Splits `findings` by the range that contains each with its fixes, or returns nil
  /// when one fits no range or two (an empty range where two instructions meet): then nothing is
  /// stored, and the next lint runs those rules again.
  static func attribute(_ findings: [Finding], to ranges: [Range<Int>]) -> [[Finding]]? {
    var result = Array(repeating: [Finding](), count: ranges.count)
    for finding in findings {
      // The candidates are the last range starting at or before the finding, and the one before
      // it when that one ends where the finding starts.
      let low = ranges.countOfLeading(keyAtMost: finding.range.lowerBound) { $0.lowerBound }
      let candidates = [low - 2, low - 1].filter { $0 >= 0 && finding.lies(within: ranges[$0]) }
      guard candidates.count == 1 else { return nil }
      result[candidates[0]].append(finding)
    }
    return result
  }

  /// Removes suppressed findings, applies severity overrides and sorts.
  private func finish(_ unsorted: [Finding], of document: Document, instructions: [Instruction]) -> [Finding] {
    var findings = unsorted
    if configuration.honorsIgnorePragmas {
      let suppressions = PragmaSuppressions(tree: document.tree)
      if !suppressions.isEmpty {
        findings.removeAll { Linter.isSuppressed($0, by: suppressions, instructions: instructions) }
      }
    }
    for index in findings.indices {
      if let severity = configuration.severityOverrides[findings[index].ruleID] {
        findings[index].severity = severity
      }
    }
    // Every key takes part, so that both `lint` methods give the same order.
    findings.sort {
      ($0.range.lowerBound, $0.ruleID, $0.range.upperBound, $0.message) < ($1.range.lowerBound, $1.ruleID, $1.range.upperBound, $1.message)
    }
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
    let index = instructions.countOfLeading(keyAtMost: offset) { $0.range.lowerBound } - 1
    guard index >= 0, offset <= instructions[index].range.upperBound else { return nil }
    return index
  }
}
