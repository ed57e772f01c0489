/// The options that hadolint reads from `.hadolint.yaml`, its environment variables and its
/// command line, as set by one of those sources. Nil and empty mean "not set here", so layers
/// can be combined with `overriding(_:)`.
public struct LintOptions: Sendable, Equatable {
  /// The output format names that `format` accepts.
  public static let formatNames = [
    "tty", "json", "checkstyle", "codeclimate", "gitlab_codeclimate", "gnu", "codacy", "sonarqube", "sarif", "junit",
    "github",
  ]

  public var noFail: Bool?
  public var noColor: Bool?
  public var format: String?
  /// The least serious severity that makes the run fail.
  public var failureThreshold: Severity?
  /// Rule codes that do not run.
  public var ignored: [String] = []
  /// Severity overrides by rule code.
  public var overrides: [String: Severity] = [:]
  public var trustedRegistries: [String] = []
  public var labelSchema: [String: RuleSettings.LabelType] = [:]
  public var strictLabels: Bool?
  public var disableIgnorePragma: Bool?

  public init() {}

  /// Returns these options with the ones set in `higher` taking precedence. Lists and label
  /// schemas are combined, as hadolint combines them. A rule's severity override and every
  /// single value come from the highest layer that sets them.
  public func overriding(_ higher: LintOptions) -> LintOptions {
    var result = self
    result.noFail = higher.noFail ?? noFail
    result.noColor = higher.noColor ?? noColor
    result.format = higher.format ?? format
    result.failureThreshold = higher.failureThreshold ?? failureThreshold
    result.ignored = ignored + higher.ignored.filter { !ignored.contains($0) }
    result.overrides.merge(higher.overrides) { _, new in new }
    result.trustedRegistries = trustedRegistries + higher.trustedRegistries.filter { !trustedRegistries.contains($0) }
    result.labelSchema.merge(higher.labelSchema) { _, new in new }
    result.strictLabels = higher.strictLabels ?? strictLabels
    result.disableIgnorePragma = higher.disableIgnorePragma ?? disableIgnorePragma
    return result
  }

  /// The linter configuration these options describe.
  public var lintConfiguration: LintConfiguration {
    LintConfiguration(
      disabledRules: Set(ignored.map { $0.uppercased() }),
      severityOverrides: Dictionary(overrides.map { ($0.key.uppercased(), $0.value) }) { _, new in new },
      settings: RuleSettings(trustedRegistries: trustedRegistries, labelSchema: labelSchema, strictLabels: strictLabels ?? false),
      honorsIgnorePragmas: !(disableIgnorePragma ?? false))
  }

  /// Reads a failure threshold: a severity name, or `none`/`ignore`, which hadolint treats as
  /// the lowest level so that any finding fails the run.
  public static func failureThreshold(named name: String) -> Severity? {
    switch name.lowercased() {
    case "none", "ignore": return .style
    default: return Severity(rawValue: name.lowercased())
    }
  }

  /// Reads a `LABEL:TYPE` label requirement, as given to `--require-label`.
  public static func labelRequirement(_ text: String) -> (String, RuleSettings.LabelType)? {
    guard let colon = text.lastIndex(of: ":") else { return nil }
    let name = String(text[..<colon])
    guard !name.isEmpty, let type = RuleSettings.LabelType(rawValue: String(text[text.index(after: colon)...])) else { return nil }
    return (name, type)
  }
}

/// A problem in a configuration file or in editor settings.
public struct ConfigurationIssue: Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable { case error, warning }

  public var kind: Kind
  /// 1-based line in the file; nil when not known.
  public var line: Int?
  public var message: String

  public init(kind: Kind, line: Int?, message: String) {
    self.kind = kind
    self.line = line
    self.message = message
  }

  public var description: String {
    (line.map { "line \($0): " } ?? "") + message
  }
}

/// Reads hadolint's configuration keys from YAML (`.hadolint.yaml`) or from an already parsed
/// tree (the editor's `docker-lsp` settings).
public enum ConfigurationReader {
  /// The outcome of reading a configuration: the options and the problems found.
  public struct Result: Sendable {
    public var options: LintOptions
    /// Unknown keys; the options are still usable.
    public var warnings: [ConfigurationIssue]
    /// Invalid values or YAML; the values they concern are left unset.
    public var errors: [ConfigurationIssue]

    public init(options: LintOptions, warnings: [ConfigurationIssue], errors: [ConfigurationIssue]) {
      self.options = options
      self.warnings = warnings
      self.errors = errors
    }
  }

  /// Keys that hadolint accepts and this tool ignores because they have no effect here.
  static let ignoredKeys: Set<String> = ["verbose"]

  /// Parses a `.hadolint.yaml` file's text.
  public static func read(yaml text: String) -> Result {
    let root: YAMLNode
    do {
      root = try YAMLReader.parse(text)
    } catch {
      return Result(options: LintOptions(), warnings: [], errors: [ConfigurationIssue(kind: .error, line: nil, message: error.description)])
    }
    return read(root)
  }

  /// Reads options from a parsed mapping. An empty document gives empty options.
  public static func read(_ root: YAMLNode) -> Result {
    var reader = OptionsReader()
    switch root.value {
    case .null: break
    case .mapping(let entries):
      for entry in entries { reader.read(entry) }
    default:
      reader.error(root.line, "the configuration must be a mapping of keys such as `ignored` and `override`")
    }
    return Result(options: reader.options, warnings: reader.warnings, errors: reader.errors)
  }

  private struct OptionsReader {
    var options = LintOptions()
    var warnings: [ConfigurationIssue] = []
    var errors: [ConfigurationIssue] = []

    mutating func error(_ line: Int?, _ message: String) {
      errors.append(ConfigurationIssue(kind: .error, line: line, message: message))
    }

    mutating func read(_ entry: YAMLEntry) {
      let node = entry.value
      let key = entry.key
      switch key {
      case "ignored": options.ignored = ruleCodes(node, key: key)
      case "override": readOverride(node)
      case "trustedRegistries": options.trustedRegistries = strings(node, key: key)
      case "label-schema": readLabelSchema(node)
      case "strict-labels": options.strictLabels = bool(node, key: key)
      case "no-fail": options.noFail = bool(node, key: key)
      case "no-color": options.noColor = bool(node, key: key)
      case "disable-ignore-pragma": options.disableIgnorePragma = bool(node, key: key)
      case "failure-threshold":
        guard case .scalar(let text, _) = node.value else {
          if node.value != .null { error(node.line, "`failure-threshold` must be one of error, warning, info, style, none") }
          return
        }
        if let severity = LintOptions.failureThreshold(named: text) {
          options.failureThreshold = severity
        } else {
          error(node.line, "`failure-threshold` must be one of error, warning, info, style, none; got `\(text)`")
        }
      case "format":
        guard case .scalar(let text, _) = node.value else {
          if node.value != .null { error(node.line, "`\(key)` must be a format name") }
          return
        }
        if LintOptions.formatNames.contains(text) {
          options.format = text
        } else {
          error(node.line, "`\(key)` must be one of \(LintOptions.formatNames.joined(separator: ", ")); got `\(text)`")
        }
      default:
        if ConfigurationReader.ignoredKeys.contains(key) { return }
        warnings.append(ConfigurationIssue(kind: .warning, line: node.line, message: "unknown key `\(key)` is ignored"))
      }
    }

    mutating func readOverride(_ node: YAMLNode) {
      switch node.value {
      case .null: return
      case .mapping(let entries):
        for entry in entries {
          guard let severity = Severity(rawValue: entry.key) else {
            error(entry.value.line, "`override` accepts the keys error, warning, info and style; got `\(entry.key)`")
            continue
          }
          for code in ruleCodes(entry.value, key: "override.\(entry.key)") {
            options.overrides[code] = severity
          }
        }
      default:
        error(node.line, "`override` must be a mapping from error, warning, info or style to lists of rule codes")
      }
    }

    mutating func readLabelSchema(_ node: YAMLNode) {
      switch node.value {
      case .null: return
      case .mapping(let entries):
        for entry in entries {
          guard let text = entry.value.scalarText, let type = RuleSettings.LabelType(rawValue: text) else {
            let types = RuleSettings.LabelType.allCases.map(\.rawValue).joined(separator: ", ")
            error(entry.value.line, "`label-schema.\(entry.key)` must be one of \(types)")
            continue
          }
          options.labelSchema[entry.key] = type
        }
      default:
        error(node.line, "`label-schema` must be a mapping from label names to types such as text or url")
      }
    }

    mutating func strings(_ node: YAMLNode, key: String) -> [String] {
      switch node.value {
      case .null: return []
      case .sequence(let items):
        var values: [String] = []
        for item in items {
          guard let text = item.scalarText else {
            error(item.line, "`\(key)` must be a list of strings")
            continue
          }
          values.append(text)
        }
        return values
      default:
        error(node.line, "`\(key)` must be a list, such as `\(key): [a, b]`")
        return []
      }
    }

    mutating func ruleCodes(_ node: YAMLNode, key: String) -> [String] {
      strings(node, key: key).map { $0.uppercased() }
    }

    mutating func bool(_ node: YAMLNode, key: String) -> Bool? {
      if case .scalar(let text, quoted: false) = node.value {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: break
        }
      }
      if node.value == .null { return nil }
      error(node.line, "`\(key)` must be true or false")
      return nil
    }
  }
}

extension LintOptions {
  /// Reads hadolint's environment variables (`HADOLINT_NOFAIL`, `HADOLINT_FORMAT`,
  /// `HADOLINT_IGNORE`, `HADOLINT_OVERRIDE_ERROR` and the other levels,
  /// `HADOLINT_ALLOWED_REGISTRIES`, `HADOLINT_REQUIRE_LABELS`, `HADOLINT_STRICT_LABELS`,
  /// `HADOLINT_DISABLE_IGNORE_PRAGMA`, `HADOLINT_FAILURE_THRESHOLD`) and `NO_COLOR`.
  /// Invalid values are reported and left unset.
  public static func fromEnvironment(_ environment: [String: String]) -> (LintOptions, [ConfigurationIssue]) {
    var options = LintOptions()
    var issues: [ConfigurationIssue] = []
    func list(_ name: String) -> [String] {
      (environment[name] ?? "").split(separator: ",").map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }.filter { !$0.isEmpty }
    }
    func flag(_ name: String) -> Bool? {
      environment[name].map { ["1", "y", "on", "true", "yes"].contains($0.lowercased()) }
    }
    options.noFail = flag("HADOLINT_NOFAIL")
    // The NO_COLOR convention: any non-empty value turns colour off.
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { options.noColor = true }
    options.strictLabels = flag("HADOLINT_STRICT_LABELS")
    options.disableIgnorePragma = flag("HADOLINT_DISABLE_IGNORE_PRAGMA")
    if let format = environment["HADOLINT_FORMAT"] {
      if formatNames.contains(format) {
        options.format = format
      } else {
        issues.append(ConfigurationIssue(kind: .error, line: nil, message: "HADOLINT_FORMAT must be one of \(formatNames.joined(separator: ", ")); got `\(format)`"))
      }
    }
    if let threshold = environment["HADOLINT_FAILURE_THRESHOLD"] {
      if let severity = failureThreshold(named: threshold) {
        options.failureThreshold = severity
      } else {
        issues.append(ConfigurationIssue(kind: .error, line: nil, message: "HADOLINT_FAILURE_THRESHOLD must be one of error, warning, info, style, none; got `\(threshold)`"))
      }
    }
    options.ignored = list("HADOLINT_IGNORE").map { $0.uppercased() }
    for severity in Severity.allCases.reversed() {
      for code in list("HADOLINT_OVERRIDE_\(severity.rawValue.uppercased())") {
        options.overrides[code.uppercased()] = severity
      }
    }
    options.trustedRegistries = list("HADOLINT_ALLOWED_REGISTRIES")
    for item in list("HADOLINT_REQUIRE_LABELS") {
      if let (name, type) = labelRequirement(item) {
        options.labelSchema[name] = type
      } else {
        issues.append(ConfigurationIssue(kind: .error, line: nil, message: "HADOLINT_REQUIRE_LABELS entries must look like `name:type`; got `\(item)`"))
      }
    }
    return (options, issues)
  }
}
