/// The OS packages each RUN of a stage installs and removes, for the image-size rules.
struct StagePackages {
  /// One package name in an install or removal command.
  struct Entry {
    var name: String
    var word: ShellWord
    var command: PackageManagerCommand
    /// The source range of the package word and of the whole command.
    var wordRange: Range<Int>
    var commandRange: Range<Int>
  }

  /// The packages installed and removed, in file order. An `apk add --virtual NAME` installs
  /// `NAME` as well, so that `apk del NAME` removes its packages.
  var installed: [Entry] = []
  var removed: [Entry] = []
  /// For apk, the virtual package each installed package belongs to, keyed by installed index.
  var virtualGroup: [Int: String] = [:]
  /// Indices into `installed` of packages that their own RUN removes without naming them: after
  /// `apt-mark auto`, `apt-get purge --auto-remove` or `apt-get autoremove` removes every
  /// package that is not marked manual again.
  var autoRemoved: Set<Int> = []

  static let systemManagers: Set<PackageManager> = [.aptGet, .apt, .apk, .yum, .dnf, .microdnf, .zypper]

  /// Reads the package commands of the RUNs of `stage`.
  init(stage: Stage, context: RuleContext) {
    for index in stage.instructionIndices where context.instructions[index].kind == .run {
      let scripts = context.runScripts(ofInstructionAt: index)
      let firstInstalled = installed.count
      defer {
        if Self.autoRemovesMarkedPackages(scripts) { autoRemoved.formUnion(firstInstalled..<installed.count) }
      }
      for command in PackageManagerCommands.commands(ofInstructionAt: index, in: context)
      where Self.systemManagers.contains(command.manager) && !command.occurrence.context.contains(.functionBody) {
        guard command.isInstall || command.subcommand == "remove" || command.subcommand == "purge" else { continue }
        let script = scripts[command.scriptIndex]
        let commandRange = script.sourceRange(command.occurrence.command.range)
        var words = command.packages.compactMap { word in word.literalValue.map { (Self.baseName($0, command.manager), word) } }
        var virtual: String?
        if command.isInstall, command.manager == .apk,
           let option = command.invocation.parsedArguments(syntax: command.manager.optionSyntax)
             .options(short: "t", long: ["virtual"]).last, let name = option.value, let word = option.valueWord {
          virtual = name
          words.append((name, word))
        }
        for (name, word) in words where !name.isEmpty {
          let entry = Entry(name: name, word: word, command: command, wordRange: script.sourceRange(word.range),
                            commandRange: commandRange)
          if command.isInstall {
            if let virtual, name != virtual { virtualGroup[installed.count] = virtual }
            installed.append(entry)
          } else {
            removed.append(entry)
          }
        }
      }
    }
  }

  /// Returns whether the scripts run `apt-mark auto` and then an automatic removal, the pattern that
  /// removes build dependencies without listing them again.
  static func autoRemovesMarkedPackages(_ scripts: [RunScript]) -> Bool {
    var marked = false
    for script in scripts {
      for entry in script.script.simpleCommands() {
        let invocation = entry.invocation
        let positionals = invocation.positionalArguments(syntax: PackageManager.aptGet.optionSyntax).compactMap(\.literalValue)
        if invocation.baseName == "apt-mark", positionals.first == "auto" { marked = true }
        // `apt-mark showmanual | xargs apt-mark auto`
        if invocation.baseName == "xargs", positionals.starts(with: ["apt-mark", "auto"]) { marked = true }
        guard marked, invocation.baseName == "apt-get" || invocation.baseName == "apt" else { continue }
        if positionals.first == "autoremove" { return true }
        if positionals.first == "purge" || positionals.first == "remove",
           invocation.hasOption(long: ["auto-remove", "autoremove"], syntax: PackageManager.aptGet.optionSyntax) {
          return true
        }
      }
    }
    return false
  }

  /// The package name without a version or architecture: `gcc=4:12.2` and `libssl-dev:amd64`
  /// become `gcc` and `libssl-dev`; apk's `gcc~12`, `gcc>12` and `gcc<12` become `gcc`.
  static func baseName(_ word: String, _ manager: PackageManager) -> String {
    var name = Substring(word)
    let separators: Set<Character> = manager == .apk ? ["=", "~", ">", "<"] : ["=", ":"]
    if let cut = name.firstIndex(where: { separators.contains($0) }) { name = name[..<cut] }
    return String(name)
  }

  /// Returns whether two managers share a package database.
  static func sameDatabase(_ first: PackageManager, _ second: PackageManager) -> Bool {
    func family(_ manager: PackageManager) -> Int {
      switch manager {
      case .aptGet, .apt: return 0
      case .yum, .dnf, .microdnf: return 1
      default: return manager == .apk ? 2 : 3
      }
    }
    return family(first) == family(second)
  }
}
