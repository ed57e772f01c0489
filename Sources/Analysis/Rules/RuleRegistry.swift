/// The list of every rule the linter can run.
///
/// Rules are grouped by theme, one file per group (`RuleRegistry+<Group>.swift`), so that rules
/// added to different groups do not touch the same lines.
public enum RuleRegistry {
  /// All rules, in id order.
  public static let all: [any Rule.Type] = (
    coreRules + imageSizeRules + packageCleanupRules + packagePinningRules + instructionRules + stageAndLabelRules
  ).sorted { $0.id < $1.id }

  /// Rules of the foundation: syntax errors, RUN merging and useradd.
  static let coreRules: [any Rule.Type] = [
    DL1000.self,
    DL3046.self,
    DL3059.self,
  ]

  private static let byID: [String: any Rule.Type] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

  /// Returns the rule with `id` (case-insensitive), or nil.
  public static func rule(id: String) -> (any Rule.Type)? { byID[id.uppercased()] }

  public static func info(id: String) -> RuleInfo? { rule(id: id).map(RuleInfo.init) }
}
