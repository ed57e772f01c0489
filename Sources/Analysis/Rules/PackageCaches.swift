/// A `--mount` flag of a RUN instruction, reduced to what the cache rules need.
public struct RunMount: Sendable, Hashable {
  /// `bind` (BuildKit's default), `cache`, `tmpfs`, `secret` or `ssh`, lowercased.
  public var type: String
  /// The mount point from `target`, `dst` or `destination`, normalised by `PackageCaches.normalisedPath`.
  public var target: String?

  public init(type: String, target: String?) {
    self.type = type
    self.target = target
  }

  /// Parses a flag value such as `type=cache,target=/root/.cache/pip,sharing=locked`. BuildKit
  /// reads the value as one CSV record, so a field may be double-quoted to hold a comma, and
  /// keys are case-insensitive.
  public init(flagValue: String) {
    var type = "bind"
    var target: String?
    for field in RunMount.csvFields(flagValue) {
      guard let equals = field.firstIndex(of: "=") else { continue }
      let key = field[..<equals].lowercased()
      let value = String(field[field.index(after: equals)...])
      switch key {
      case "type": type = value.lowercased()
      case "target", "dst", "destination": target = PackageCaches.normalisedPath(value)
      default: break
      }
    }
    self.init(type: type, target: target)
  }

  /// Whether files written under the mount point stay out of the image layer.
  public var keepsFilesOutOfLayer: Bool { type == "cache" || type == "tmpfs" }

  static func csvFields(_ record: String) -> [String] {
    var fields: [String] = []
    var current = ""
    var inQuotes = false
    var iterator = record.makeIterator()
    while let character = iterator.next() {
      switch character {
      case "\"" where inQuotes:
        // `""` inside a quoted field is a literal quote.
        if let next = iterator.next() {
          if next == "\"" {
            current.append("\"")
          } else {
            inQuotes = false
            if next == "," {
              fields.append(current)
              current = ""
            } else {
              current.append(next)
            }
          }
        } else {
          inQuotes = false
        }
      case "\"" where current.isEmpty:
        inQuotes = true
      case "," where !inQuotes:
        fields.append(current)
        current = ""
      default:
        current.append(character)
      }
    }
    fields.append(current)
    return fields
  }
}

extension Instruction {
  /// The `--mount` flags of a RUN instruction, in order.
  public var runMounts: [RunMount] {
    flags.compactMap { flag in
      guard flag.name == "mount", let value = flag.value else { return nil }
      return RunMount(flagValue: value)
    }
  }
}

/// Shared checks of the rules on package-manager caches: cache mounts, `rm` of cache
/// directories, and which stages end up in the image.
enum PackageCaches {
  /// Removes repeated and trailing slashes and `.` components: `/var//cache/apk/` becomes
  /// `/var/cache/apk`. `..` is kept, so a path with it matches nothing.
  static func normalisedPath(_ path: String) -> String {
    let components = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
    let joined = components.joined(separator: "/")
    return path.hasPrefix("/") ? "/" + joined : joined
  }

  /// Whether `ancestor` is a proper ancestor directory of `path`. Both are normalised and absolute.
  static func isAncestor(_ ancestor: String, of path: String) -> Bool {
    ancestor == "/" ? path != "/" : path.hasPrefix(ancestor + "/")
  }

  /// Whether the RUN at `index` has a cache or tmpfs mount on one of `directories` or on an
  /// ancestor of one, so that what the package manager writes there stays out of the layer.
  static func hasMount(coveringAnyOf directories: [String], onRunAt index: Int, in context: RuleContext) -> Bool {
    (runInstruction(at: index, in: context)?.runMounts ?? []).contains { mount in
      guard mount.keepsFilesOutOfLayer, let target = mount.target else { return false }
      return directories.contains { $0 == target || isAncestor(target, of: $0) }
    }
  }

  /// Whether the RUN at `index` has a cache or tmpfs mount whose target satisfies `matches`.
  static func hasMount(onRunAt index: Int, in context: RuleContext, where matches: (String) -> Bool) -> Bool {
    (runInstruction(at: index, in: context)?.runMounts ?? []).contains { mount in
      guard mount.keepsFilesOutOfLayer, let target = mount.target else { return false }
      return matches(target)
    }
  }

  /// Whether removing `word` (an `rm` operand) deletes what `directory` contains: the operand
  /// is the directory, a path inside it (`/var/lib/apt/lists/*`), an ancestor of it, or an
  /// ancestor's contents matched by an unquoted `*` (`/var/cache/*`).
  static func removes(_ word: ShellWord, contentsOf directory: String) -> Bool {
    guard let value = word.literalValue, value.hasPrefix("/") else { return false }
    var path = normalisedPath(value)
    // A quoted `*` is a file name, not a pattern.
    if path.hasSuffix("/*") {
      guard word.hasGlob else { return false }
      path = path == "/*" ? "/" : String(path.dropLast(2))
    }
    return path == directory || path.hasPrefix(directory + "/") || isAncestor(path, of: directory)
  }

  /// The position of a command in a RUN's execution order: script, then offset in the script.
  typealias Position = (script: Int, offset: Int)

  static func isBefore(_ lhs: Position, _ rhs: Position) -> Bool {
    lhs.script != rhs.script ? lhs.script < rhs.script : lhs.offset < rhs.offset
  }

  static func position(of command: PackageManagerCommand) -> Position {
    (command.scriptIndex, command.occurrence.command.range.lowerBound)
  }

  /// Whether an `rm` command after `position` in the RUN at `index` removes the contents of
  /// one of `directories`.
  static func removesAfter(_ position: Position, anyOf directories: [String], onRunAt index: Int, in context: RuleContext) -> Bool {
    for (scriptIndex, runScript) in scripts(ofRunAt: index, in: context).enumerated() where scriptIndex >= position.script {
      for occurrence in runScript.script.simpleCommands() {
        guard isBefore(position, (scriptIndex, occurrence.command.range.lowerBound)) else { continue }
        let invocation = occurrence.command.unwrappedInvocation
        guard invocation.baseName == "rm" else { continue }
        let operands = invocation.positionalArguments()
        if operands.contains(where: { operand in directories.contains { removes(operand, contentsOf: $0) } }) {
          return true
        }
      }
    }
    return false
  }

  /// Returns the RUN that instruction `index` is: the instruction itself, or the trigger of an
  /// `ONBUILD RUN`. Nil for other instructions.
  static func runInstruction(at index: Int, in context: RuleContext) -> Instruction? {
    let instruction = context.instructions[index]
    if instruction.kind == .run { return instruction }
    guard let trigger = instruction.onbuildTrigger?.instruction, trigger.kind == .run else { return nil }
    return trigger
  }

  /// Returns the shell scripts of the RUN at `index` as `RuleContext.runScripts(ofInstructionAt:)`
  /// does, and for an `ONBUILD RUN` the script of its shell-form trigger.
  static func scripts(ofRunAt index: Int, in context: RuleContext) -> [RunScript] {
    let instruction = context.instructions[index]
    guard instruction.kind == .onbuild else { return context.runScripts(ofInstructionAt: index) }
    guard let trigger = runInstruction(at: index, in: context), trigger.execForm == nil else { return [] }
    // NOTE: heredocs of an `ONBUILD RUN` trigger are not searched.
    return [RunScript(script: ShellParser.parse(trigger.arguments.bytes), text: trigger.arguments)]
  }

  /// Returns the package-manager commands of the shell-form RUN instructions and `ONBUILD RUN`
  /// triggers that run under a POSIX shell, in file order. For a trigger, the shell in effect
  /// where `ONBUILD` is written is assumed.
  static func commands(in context: RuleContext) -> [PackageManagerCommand] {
    // Fifteen rules ask for the same list: classify each command once per context.
    context.derived("PackageCaches.commands", computeCommands)
  }

  private static func computeCommands(in context: RuleContext) -> [PackageManagerCommand] {
    context.instructions.indices.flatMap { index -> [PackageManagerCommand] in
      guard runInstruction(at: index, in: context) != nil,
        SemanticModel.isPOSIXShell(context.model.shellOfInstruction[index])
      else { return [] }
      guard context.instructions[index].kind == .onbuild else {
        return PackageManagerCommands.commands(ofInstructionAt: index, in: context)
      }
      return scripts(ofRunAt: index, in: context).enumerated().flatMap { scriptIndex, runScript in
        runScript.script.simpleCommands().compactMap {
          PackageManagerCommands.command($0, instructionIndex: index, scriptIndex: scriptIndex)
        }
      }
    }
  }

  /// Returns the source range of a command found by the package-manager model.
  static func sourceRange(of command: PackageManagerCommand, in context: RuleContext) -> Range<Int> {
    scripts(ofRunAt: command.instructionIndex, in: context)[command.scriptIndex].sourceRange(command.occurrence.command.range)
  }

  /// Whether the stage of `instructionIndex` ends up in an image, as hadolint 2.15.1 decides
  /// for its cleanup rules: the last stage, and every stage that another stage names in `FROM`.
  /// A stage only copied from with `COPY --from` does not count. Instructions before the
  /// first `FROM` count.
  static func isInKeptStage(_ instructionIndex: Int, in context: RuleContext) -> Bool {
    let stages = context.model.stages
    guard let stageIndex = context.model.stageIndexOfInstruction[instructionIndex] else { return true }
    return stageIndex == stages.count - 1 || stages.contains { $0.baseStageIndex == stageIndex }
  }

  /// Returns, for each RUN and each manager in `managers`, the first install command after
  /// which neither a cleanup of the same manager nor an `rm` of one of `cacheDirectories`
  /// runs. RUNs with a cache or tmpfs mount on one of `cacheDirectories` are skipped.
  static func installsWithoutCleanup(
    in context: RuleContext, managers: Set<PackageManager>, cacheDirectories: [String],
    isInstall: (PackageManagerCommand) -> Bool, isCleanup: (PackageManagerCommand) -> Bool
  ) -> [PackageManagerCommand] {
    var result: [PackageManagerCommand] = []
    var runIndex: Int?
    var runCommands: [PackageManagerCommand] = []
    func flush() {
      guard let index = runIndex, !hasMount(coveringAnyOf: cacheDirectories, onRunAt: index, in: context) else { return }
      for manager in PackageManager.allCases where managers.contains(manager) {
        let own = runCommands.filter { $0.manager == manager }
        let lastCleanup = own.last(where: isCleanup).map(position(of:))
        let pending = own.filter { command in
          isInstall(command) && lastCleanup.map { isBefore($0, position(of: command)) } ?? true
        }
        guard let first = pending.first, !removesAfter(position(of: pending.last ?? first), anyOf: cacheDirectories, onRunAt: index, in: context)
        else { continue }
        result.append(first)
      }
    }
    for command in commands(in: context) where managers.contains(command.manager) {
      if command.instructionIndex != runIndex {
        flush()
        runIndex = command.instructionIndex
        runCommands = []
      }
      runCommands.append(command)
    }
    flush()
    return result
  }

  /// Returns the word that names the install operation of a yum or dnf command: the subcommand,
  /// or `install` after `group` or `module`. Nil for other operations.
  static func rpmInstallWord(_ command: PackageManagerCommand) -> ShellWord? {
    switch command.subcommand {
    case "install", "groupinstall", "localinstall":
      return command.subcommandWord
    case "group", "groups", "module":
      return command.packages.first.flatMap { $0.literalValue == "install" ? $0 : nil }
    default:
      return nil
    }
  }

  /// Returns the fix that appends `cleanup` to the RUN of `command`, titled after it.
  static func appendCleanupFix(_ cleanup: String, after command: PackageManagerCommand, in context: RuleContext) -> [Fix] {
    CommandEdits.appendAndCommand(cleanup, toRunAt: command.instructionIndex, in: context)
      .map { [Fix(title: "Add `\(cleanup)`", edits: [$0])] } ?? []
  }
}
