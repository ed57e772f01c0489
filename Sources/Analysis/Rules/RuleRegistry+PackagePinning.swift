extension RuleRegistry {
  /// Package-manager rules on version pinning.
  static let packagePinningRules: [any Rule.Type] = [
    DL3008.self,
    DL3013.self,
    DL3016.self,
    DL3018.self,
    DL3028.self,
    DL3033.self,
    DL3037.self,
    DL3041.self,
    DL3062.self,
  ]
}
