extension RuleRegistry {
  /// Rules on stages, labels, shells and the whole file.
  static let stageAndLabelRules: [any Rule.Type] = [
  ]
}
