extension RuleRegistry {
  /// The image-size rules (DX1001–DX1007) and DL3010.
  static let imageSizeRules: [any Rule.Type] = [
    DX1003.self,
    DX1006.self,
    DX1007.self,
  ]
}
