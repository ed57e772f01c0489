extension RuleRegistry {
  /// Package-manager rules on version pinning.
  static let packagePinningRules: [any Rule.Type] = [
  ]
}
