/// The Dockerfile instructions that BuildKit knows, plus `unknown` for any other word.
public enum InstructionKind: String, Sendable, CaseIterable {
  case add, arg, cmd, copy, entrypoint, env, expose, from, healthcheck, label, maintainer
  case onbuild, run, shell, stopsignal, user, volume, workdir
  case unknown

  /// Classifies a keyword in any letter case.
  public init(keyword: some StringProtocol) {
    self = InstructionKind(rawValue: keyword.lowercased()) ?? .unknown
  }

  /// The canonical upper-case spelling (`RUN`); empty for `unknown`.
  public var keyword: String { self == .unknown ? "" : rawValue.uppercased() }

  /// Whether BuildKit accepts heredocs in this instruction's arguments.
  public var allowsHeredocs: Bool { self == .run || self == .copy || self == .add }
}
