/// Reports `pip install` without `--no-cache-dir`, and offers to add it.
struct DL3042: Rule {
  static let id = "DL3042"
  static let title = "Use --no-cache-dir with pip install"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    pip keeps every wheel it downloads or builds in its cache (`~/.cache/pip`), next to the \
    installed copy. In an image that cache is never used again, yet it stays in the layer: \
    for packages such as numpy or torch that is tens to hundreds of megabytes.

    The cache counts as disabled when the command has `--no-cache-dir`; when \
    `PIP_NO_CACHE_DIR` is set by `ENV` in the stage or a stage it builds `FROM`, by `ARG` \
    with a default in the stage, before the command by `export`, or on the command itself \
    (`PIP_NO_CACHE_DIR=1 pip install …`, `env PIP_NO_CACHE_DIR=1 pip …`); or when the `RUN` \
    mounts a cache or tmpfs on pip's cache directory (a path ending in `.cache/pip` or \
    `.cache`, or inside one). Every stage is checked, as in hadolint 2.15.1, and \
    `python -m pip` counts.

    Unlike hadolint, any value that pip reads as a boolean counts, `0`, `false` and `off` \
    included: pip turns the cache off whenever `PIP_NO_CACHE_DIR` holds a valid boolean, so \
    hadolint's finding for `PIP_NO_CACHE_DIR=0` is a false positive. An `ARG` and a mount on \
    `/root/.cache` count too, and pip after wrappers such as `sudo` is checked. \
    pip run by its path (`/opt/conda/bin/pip`) counts too, where hadolint matches only the bare name. \
    `ONBUILD RUN` triggers are checked as well. Exec-form \
    RUN is not checked.

    ## Example
    ```dockerfile
    FROM python:3.12-slim
    RUN pip install flask==3.0.3
    ```

    ## Use instead
    ```dockerfile
    FROM python:3.12-slim
    RUN pip install --no-cache-dir flask==3.0.3
    ```

    ## Fix
    "Add `--no-cache-dir`" inserts the option right after `install`; nothing else changes.
    """

  static let variable = "PIP_NO_CACHE_DIR"

  /// The values that pip 24 accepts as booleans, lowercased; any of them turns the cache off.
  static let booleanValues: Set<String> = ["y", "yes", "t", "true", "on", "1", "n", "no", "f", "false", "off", "0"]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    var environmentDisablesCache: [Int: Bool] = [:]
    for command in PackageCaches.commands(in: context) where command.manager == .pip && command.subcommand == "install" {
      let index = command.instructionIndex
      guard !command.hasOption(long: ["no-cache-dir"]), !Self.setsVariableInline(command),
        !PackageCaches.hasMount(onRunAt: index, in: context, where: Self.isPipCache),
        !Self.exportsVariable(before: command, in: context)
      else { continue }
      if environmentDisablesCache[index] == nil {
        environmentDisablesCache[index] = Self.stageDisablesCache(before: index, in: context)
      }
      guard environmentDisablesCache[index] != true else { continue }
      let fixes = command.subcommandWord
        .flatMap { CommandEdits.insert("--no-cache-dir", after: $0, of: command, in: context) }
        .map { [Fix(title: "Add `--no-cache-dir`", edits: [$0])] } ?? []
      findings.append(finding(PackageCaches.sourceRange(of: command, in: context),
                              "`pip install` without `--no-cache-dir` leaves the downloaded packages in pip's cache",
                              fixes: fixes))
    }
  }

  static func isDisablingAssignment(_ text: String) -> Bool {
    guard text.hasPrefix(variable + "=") else { return false }
    return booleanValues.contains(text.dropFirst(variable.count + 1).lowercased())
  }

  /// Whether the command sets the variable in its own environment: as an assignment before
  /// it, or as a `NAME=value` word of a wrapper such as `env`.
  static func setsVariableInline(_ command: PackageManagerCommand) -> Bool {
    let simple = command.occurrence.command
    if simple.assignments.contains(where: { $0.name == variable && isDisablingAssignment(variable + "=" + ($0.value?.literalValue ?? "")) }) {
      return true
    }
    let nameStart = command.invocation.nameWord?.range.lowerBound ?? simple.range.upperBound
    return simple.words.contains { word in
      word.range.upperBound <= nameStart && word.literalValue.map(isDisablingAssignment) == true
    }
  }

  /// Whether the script's own shell exports the variable with a boolean value before
  /// `command`: `export PIP_NO_CACHE_DIR=1`, or an assignment followed by
  /// `export PIP_NO_CACHE_DIR`. A later `unset` cancels it.
  static func exportsVariable(before command: PackageManagerCommand, in context: RuleContext) -> Bool {
    let script = PackageCaches.scripts(ofRunAt: command.instructionIndex, in: context)[command.scriptIndex].script
    let start = command.occurrence.command.range.lowerBound
    var assignedValue: String?
    var exported = false
    for occurrence in script.simpleCommands() {
      let simple = occurrence.command
      guard simple.range.upperBound <= start else { break }
      guard occurrence.context.runsInScriptShell else { continue }
      if simple.words.isEmpty {
        for assignment in simple.assignments where assignment.name == variable {
          assignedValue = assignment.value?.literalValue ?? ""
        }
        continue
      }
      let arguments = simple.arguments.compactMap(\.literalValue)
      switch simple.name {
      case "export":
        for argument in arguments where argument == variable || argument.hasPrefix(variable + "=") {
          if argument.hasPrefix(variable + "=") { assignedValue = String(argument.dropFirst(variable.count + 1)) }
          exported = assignedValue.map { booleanValues.contains($0.lowercased()) } ?? false
        }
      case "unset":
        if arguments.contains(variable) {
          assignedValue = nil
          exported = false
        }
      default:
        break
      }
    }
    return exported
  }

  /// Whether `ENV` or `ARG` leaves the variable set to a boolean for the instruction at `index`.
  /// `ENV` is inherited from the stages this one builds `FROM`; `ARG` is scoped to its stage.
  static func stageDisablesCache(before index: Int, in context: RuleContext) -> Bool {
    guard let stageIndex = context.model.stageIndexOfInstruction[index] else { return false }
    var chain = [stageIndex]
    var visited: Set<Int> = [stageIndex]
    while let base = context.model.stages[chain[chain.count - 1]].baseStageIndex, visited.insert(base).inserted {
      chain.append(base)
    }
    // A variable set by `ENV` takes precedence over a build argument of the same name.
    var environmentValue: Bool?
    var argumentValue: Bool?
    for stage in chain.reversed() {
      let own = stage == stageIndex
      for instructionIndex in context.model.stages[stage].instructionIndices where !own || instructionIndex < index {
        let instruction = context.instructions[instructionIndex]
        switch instruction.kind {
        case .env:
          let values = BuildKitProjection.values(of: instruction, escape: context.tree.escapeCharacter)
          for pair in stride(from: 0, to: values.count - 1, by: 2) where values[pair] == variable {
            environmentValue = booleanValues.contains(unquoted(values[pair + 1]).lowercased())
          }
        case .arg where own:
          for word in BuildKitProjection.values(of: instruction, escape: context.tree.escapeCharacter) where word.hasPrefix(variable + "=") {
            argumentValue = booleanValues.contains(unquoted(String(word.dropFirst(variable.count + 1))).lowercased())
          }
        default:
          break
        }
      }
    }
    return environmentValue ?? argumentValue ?? false
  }

  /// Removes the quotes around a whole `ENV` or `ARG` value, which BuildKit removes when it
  /// expands the value.
  // NOTE: quotes around part of a value (`"fal"se`) are kept, so such a value does not match.
  static func unquoted(_ value: String) -> String {
    guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else { return value }
    return String(value.dropFirst().dropLast())
  }

  /// Whether a mount target is pip's cache directory, the `.cache` directory above it, or inside it.
  static func isPipCache(_ target: String) -> Bool {
    target.hasSuffix("/.cache/pip") || target.hasSuffix("/.cache") || target.contains("/.cache/pip/")
  }
}
