extension RuleRegistry {
  /// Package-manager rules on caches, non-interactive switches and recommended packages.
  static let packageCleanupRules: [any Rule.Type] = [
    DL3009.self,
    DL3014.self,
    DL3015.self,
    DL3019.self,
    DL3027.self,
    DL3060.self,
  ]
}
