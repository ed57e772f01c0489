/// The seriousness of a finding, with hadolint's names and order (`error` is the most serious).
public enum Severity: String, Sendable, CaseIterable, Comparable {
  case error, warning, info, style

  /// Rank for comparisons: a higher rank is more serious.
  public var rank: Int {
    switch self {
    case .error: return 3
    case .warning: return 2
    case .info: return 1
    case .style: return 0
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
