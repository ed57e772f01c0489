extension RuleRegistry {
  /// Rules on single instructions and their arguments.
  static let instructionRules: [any Rule.Type] = [
    DL3000.self,
    DL3001.self,
    DL3003.self,
    DL3004.self,
    DL3006.self,
    DL3007.self,
    DL3011.self,
    DL3020.self,
    DL3021.self,
    DL3025.self,
    DL3026.self,
    DL3029.self,
    DL3043.self,
    DL3044.self,
    DL3045.self,
    DL3047.self,
    DL4000.self,
    DL4001.self,
    DL4005.self,
  ]
}
