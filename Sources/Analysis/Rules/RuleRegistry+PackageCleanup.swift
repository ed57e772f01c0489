extension RuleRegistry {
  /// Package-manager rules on caches, non-interactive switches and recommended packages.
  static let packageCleanupRules: [any Rule.Type] = [
    DL3009.self,
    DL3014.self,
    DL3015.self,
    DL3019.self,
    DL3027.self,
    DL3030.self,
    DL3032.self,
    DL3034.self,
    DL3035.self,
    DL3036.self,
    DL3038.self,
    DL3040.self,
    DL3042.self,
    DL3060.self,
  ]
}
