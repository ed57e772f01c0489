extension RuleRegistry {
  /// Rules on stages, labels, shells and the whole file.
  static let stageAndLabelRules: [any Rule.Type] = [
    DL3012.self,
    DL3022.self,
    DL3023.self,
    DL3024.self,
    DL3061.self,
    DL3063.self,
    DL4003.self,
    DL4004.self,
  ]
}
