/// Options that individual rules read, set from `.hadolint.yaml`, the command line or the
/// editor's settings.
public struct RuleSettings: Sendable, Hashable {
  /// The kinds of value a label may be required to have (hadolint's `label-schema` types).
  public enum LabelType: String, Sendable, Hashable, CaseIterable {
    case text, url, semver, hash, rfc3339, spdx, email
  }

  /// Registries that FROM may pull from (DL3026); empty allows every registry.
  public var trustedRegistries: [String]
  /// Labels that every image must carry, with the kind of value each must have (DL3049–DL3058).
  public var labelSchema: [String: LabelType]
  /// Whether labels outside `labelSchema` are reported (DL3050).
  public var strictLabels: Bool

  public init(trustedRegistries: [String] = [], labelSchema: [String: LabelType] = [:], strictLabels: Bool = false) {
    self.trustedRegistries = trustedRegistries
    self.labelSchema = labelSchema
    self.strictLabels = strictLabels
  }
}
