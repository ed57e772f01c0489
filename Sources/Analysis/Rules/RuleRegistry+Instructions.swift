extension RuleRegistry {
  /// Rules on single instructions and their arguments.
  static let instructionRules: [any Rule.Type] = [
  ]
}
