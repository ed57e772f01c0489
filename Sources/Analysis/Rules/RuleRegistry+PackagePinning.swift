extension RuleRegistry {
  /// Package-manager rules on version pinning.
  static let packagePinningRules: [any Rule.Type] = [
    DL3008.self,
    DL3013.self,
    DL3016.self,
  ]
}
