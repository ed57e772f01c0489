extension RuleRegistry {
  /// Rules on stages, labels, shells and the whole file.
  static let stageAndLabelRules: [any Rule.Type] = [
    DL1001.self,
    DL3002.self,
    DL3012.self,
    DL3022.self,
    DL3023.self,
    DL3024.self,
    DL3057.self,
    DL3061.self,
    DL3063.self,
    DL3064.self,
    DL3065.self,
    DL3066.self,
    DL3067.self,
    DL4003.self,
    DL4004.self,
  ]
}
