extension RuleRegistry {
  /// Package-manager rules on caches, non-interactive switches and recommended packages.
  static let packageCleanupRules: [any Rule.Type] = [
  ]
}
