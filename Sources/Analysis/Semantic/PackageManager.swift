/// A package manager whose commands the rules understand, with its option syntax.
public enum PackageManager: String, Sendable, CaseIterable {
  case aptGet = "apt-get"
  case apt
  case apk
  case yum
  case dnf
  case microdnf
  case zypper
  case pip
  case npm
  case yarn
  case gem
  case go

  /// Maps a command's base name to its manager: `pip3` and `pip3.12` are pip, `dnf5` is dnf.
  public init?(commandName name: String) {
    switch name {
    case "apt-get": self = .aptGet
    case "apt": self = .apt
    case "apk": self = .apk
    case "yum": self = .yum
    case "dnf", "dnf5", "dnf-3": self = .dnf
    case "microdnf": self = .microdnf
    case "zypper": self = .zypper
    case "npm": self = .npm
    case "yarn", "yarnpkg": self = .yarn
    case "gem": self = .gem
    case "go": self = .go
    default:
      guard name.hasPrefix("pip"), name.dropFirst(3).allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
      self = .pip
    }
  }

  /// The options that take a value, so that a value (`-o Dpkg::Options::=--force-confnew`) is
  /// never read as a flag or a package. Taken from each tool's manual: apt-get 2.6, apk-tools
  /// 2.14, yum 4 / dnf 4, zypper 1.14, pip 24, npm 10, yarn 1, RubyGems 3, go 1.22.
  public var optionSyntax: ShellOptionSyntax {
    // Built once per manager, because each syntax contains sets that cost thousands of
    // instructions to build, and every classified command reads its manager's syntax often.
    PackageManager.optionSyntaxes[self]!
  }

  private static let optionSyntaxes = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.buildOptionSyntax()) })

  private func buildOptionSyntax() -> ShellOptionSyntax {
    switch self {
    case .aptGet, .apt:
      return ShellOptionSyntax(short: "ocat", long: ["option", "config-file", "host-architecture", "target-release", "default-release"])
    case .apk:
      return ShellOptionSyntax(
        short: "Xpt",
        long: ["repository", "root", "arch", "cache-dir", "virtual", "keys-dir", "repositories-file", "cache-max-age", "timeout", "wait"])
    case .yum, .dnf, .microdnf:
      return ShellOptionSyntax(
        short: "cdexR",
        long: ["config", "debuglevel", "errorlevel", "installroot", "enablerepo", "disablerepo", "exclude", "releasever",
               "setopt", "repo", "repoid", "rpmverbosity", "color", "downloaddir", "destdir", "forcearch"])
    case .zypper:
      return ShellOptionSyntax(short: "Rrtc", long: ["root", "repo", "type", "config", "from", "installroot", "reposd-dir", "cache-dir"])
    case .pip:
      return ShellOptionSyntax(
        short: "rceitfC",
        long: ["requirement", "constraint", "editable", "index-url", "extra-index-url", "target", "prefix", "root", "find-links",
               "trusted-host", "cache-dir", "progress-bar", "platform", "python-version", "implementation", "abi", "src",
               "upgrade-strategy", "log", "proxy", "timeout", "retries", "exists-action", "cert", "client-cert",
               "global-option", "config-settings", "only-binary", "no-binary", "python", "report", "root-user-action"])
    case .npm:
      return ShellOptionSyntax(short: "w", long: ["prefix", "registry", "cache", "workspace", "omit", "include", "tag", "userconfig", "loglevel"])
    case .yarn:
      return ShellOptionSyntax(long: ["cwd", "cache-folder", "modules-folder", "registry", "network-timeout", "mutex", "global-folder"])
    case .gem:
      return ShellOptionSyntax(short: "vinsPg", long: ["version", "install-dir", "bindir", "source", "trust-policy", "platform", "file", "build-root"])
    case .go:
      return ShellOptionSyntax(short: "CpoX", long: [])
    }
  }
}

/// One package-manager command that a RUN runs, such as `apt-get install -y curl`.
public struct PackageManagerCommand: Sendable {
  public let manager: PackageManager
  /// The subcommand, normalised to its long name: `install` for `apt-get install`, `apk add`,
  /// `zypper in`, `npm i`, `gem i`; `add` for `yarn add`; nil when there is none.
  public let subcommand: String?
  public let subcommandWord: ShellWord?
  /// The positional arguments after the subcommand: usually package names and versions.
  public let packages: [ShellWord]
  /// The command after unwrapping `sudo` and the like; for `python -m pip`, the words from `pip` on.
  public let invocation: ShellInvocation
  /// The arguments after the subcommand, options included.
  public let subcommandArguments: [ShellWord]
  public let occurrence: ShellCommandOccurrence
  /// Index of the RUN instruction in `RuleContext.instructions`.
  public let instructionIndex: Int
  /// Index of the script in `RuleContext.runScripts(ofInstructionAt:)`.
  public let scriptIndex: Int

  /// Returns whether the command has `-short` or `--long` among its arguments, for any name in
  /// `long`, using the manager's option syntax.
  public func hasOption(short: Character? = nil, long: [String] = []) -> Bool {
    invocation.hasOption(short: short, long: long, syntax: manager.optionSyntax)
  }

  /// Returns the values given to an option, such as the `--virtual` name of `apk add`.
  public func optionValues(short: Character? = nil, long: [String] = []) -> [String?] {
    invocation.optionValues(short: short, long: long, syntax: manager.optionSyntax)
  }

  /// The literal package names (words with expansions are skipped).
  public var packageNames: [String] { packages.compactMap(\.literalValue) }

  /// Whether this command installs packages.
  public var isInstall: Bool { subcommand == "install" || (manager == .yarn && subcommand == "add") }

  /// Whether this command removes packages (`apt-get purge`, `apk del`, `yum remove`, …).
  public var isRemoval: Bool { subcommand == "remove" || subcommand == "purge" || subcommand == "autoremove" }
}

/// Finds the package-manager commands that RUN instructions run.
public enum PackageManagerCommands {
  /// Subcommand spellings that mean the same as another, by manager.
  static let subcommandAliases: [PackageManager: [String: String]] = [
    .apk: ["add": "install", "del": "remove"],
    .zypper: ["in": "install", "rm": "remove", "up": "update", "dup": "dist-upgrade", "cc": "clean", "ref": "refresh",
              "se": "search", "ve": "verify", "pa": "packages"],
    .npm: ["i": "install", "add": "install", "isntall": "install", "in": "install", "ins": "install", "inst": "install",
           "insta": "install", "instal": "install", "isnt": "install", "isnta": "install", "isntal": "install", "un": "remove",
           "uninstall": "remove", "rm": "remove", "r": "remove", "unlink": "remove"],
    .gem: ["i": "install", "uninstall": "remove"],
    .yum: ["erase": "remove"],
    .dnf: ["erase": "remove", "in": "install", "rm": "remove"],
    .microdnf: ["erase": "remove"],
  ]

  /// Returns every package-manager command of the RUN at `instructionIndex`, in execution order.
  public static func commands(ofInstructionAt instructionIndex: Int, in context: RuleContext) -> [PackageManagerCommand] {
    // The cache rules and the pinning rules both ask: classify each RUN's commands once.
    if let known = context.packageCommandsByIndex[instructionIndex] { return known }
    let result = classify(ofInstructionAt: instructionIndex, in: context)
    context.packageCommandsByIndex[instructionIndex] = result
    return result
  }

  private static func classify(ofInstructionAt instructionIndex: Int, in context: RuleContext) -> [PackageManagerCommand] {
    var result: [PackageManagerCommand] = []
    for (scriptIndex, runScript) in context.runScripts(ofInstructionAt: instructionIndex).enumerated() {
      for occurrence in runScript.script.simpleCommands() {
        if let command = command(occurrence, instructionIndex: instructionIndex, scriptIndex: scriptIndex) {
          result.append(command)
        }
      }
    }
    return result
  }

  /// Returns every package-manager command of every RUN instruction, in file order.
  public static func allCommands(in context: RuleContext) -> [PackageManagerCommand] {
    context.instructions.indices.flatMap { commands(ofInstructionAt: $0, in: context) }
  }

  static func command(_ occurrence: ShellCommandOccurrence, instructionIndex: Int, scriptIndex: Int) -> PackageManagerCommand? {
    var invocation = occurrence.command.unwrappedInvocation
    guard var name = invocation.baseName else { return nil }

    // `python -m pip install …` runs pip.
    if name.hasPrefix("python"), invocation.arguments.count >= 2, invocation.arguments[0].literalValue == "-m",
      let module = invocation.arguments[1].literalValue, PackageManager(commandName: module) == .pip
    {
      invocation = ShellInvocation(wrappers: invocation.wrappers + [invocation.nameWord].compactMap { $0 },
                                   nameWord: invocation.arguments[1], arguments: Array(invocation.arguments.dropFirst(2)))
      name = module
    }
    guard let manager = PackageManager(commandName: name) else { return nil }

    // The subcommand is the first positional argument; `yarn global add` nests one level.
    var parsed = invocation.parsedArguments(syntax: manager.optionSyntax)
    var subcommandWord = parsed.positionalArguments.first
    if manager == .yarn, subcommandWord?.literalValue == "global", parsed.positionalArguments.count > 1 {
      subcommandWord = parsed.positionalArguments[1]
    }
    let rawSubcommand = subcommandWord?.literalValue
    let subcommand = rawSubcommand.map { subcommandAliases[manager]?[$0] ?? $0 }

    var subcommandArguments: [ShellWord] = []
    if let subcommandWord, let position = invocation.arguments.firstIndex(of: subcommandWord) {
      subcommandArguments = Array(invocation.arguments[(position + 1)...])
    }
    parsed = ShellParsedArguments(subcommandArguments, syntax: manager.optionSyntax)

    return PackageManagerCommand(
      manager: manager, subcommand: subcommand, subcommandWord: subcommandWord, packages: parsed.positionalArguments,
      invocation: invocation, subcommandArguments: subcommandArguments, occurrence: occurrence,
      instructionIndex: instructionIndex, scriptIndex: scriptIndex)
  }
}
