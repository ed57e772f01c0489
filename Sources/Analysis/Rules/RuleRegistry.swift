/// The list of every rule the linter can run.
public enum RuleRegistry {
  /// All rules, in id order.
  public static let all: [any Rule.Type] = [
    DL1000.self,
    DL3046.self,
    DL3059.self,
  ]

  private static let byID: [String: any Rule.Type] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

  /// Returns the rule with `id` (case-insensitive), or nil.
  public static func rule(id: String) -> (any Rule.Type)? { byID[id.uppercased()] }

  public static func info(id: String) -> RuleInfo? { rule(id: id).map(RuleInfo.init) }
}
