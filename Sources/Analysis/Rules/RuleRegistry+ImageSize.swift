extension RuleRegistry {
  /// The image-size rules (DX1001–DX1007) and DL3010.
  static let imageSizeRules: [any Rule.Type] = [
    DL3010.self,
    DX1001.self,
    DX1002.self,
    DX1003.self,
    DX1004.self,
    DX1005.self,
    DX1006.self,
    DX1007.self,
  ]
}
