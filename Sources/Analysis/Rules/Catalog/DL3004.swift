/// Reports `sudo` in `RUN` and offers to drop it when the command after it runs unchanged.
struct DL3004: Rule {
  static let id = "DL3004"
  static let title = "Do not use sudo"
  static let defaultSeverity = Severity.error
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    `RUN` already runs as the user that the last `USER` set, root when none did, so `sudo` adds \
    nothing but a dependency on the `sudo` package and its configuration. It also behaves \
    differently from a login session (no terminal, environment reset, password prompts), which \
    makes builds fail in ways that are hard to follow. To run a step as root, switch with \
    `USER root` and back; to drop privileges when the container starts, use a tool such as \
    `gosu` or `su-exec` in the entrypoint.

    `sudo` is found at the start of a command and behind other wrappers such as `env` or \
    `nice`. Every stage is checked, `ONBUILD RUN` included.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN sudo apt-get update
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    USER root
    RUN apt-get update
    ```

    ## Fix
    "Remove `sudo`" deletes the `sudo` word and its options, leaving the command it ran. It is \
    offered only when those options do not pick another user, group or mode (`-u`, `-g`, `-i`, \
    `-s` and the like), when `sudo` actually runs a command, and when no `USER` other than \
    root is in effect in the stage (or the stages it builds on), since the command would then \
    lose its root rights.
    """

  /// Options of sudo that do not change who runs the command or how, so dropping them with
  /// `sudo` keeps the command's effect as root.
  static let harmlessOptions: Set<String> = [
    "E", "preserve-env", "H", "set-home", "n", "non-interactive", "S", "stdin", "P", "preserve-groups", "k", "reset-timestamp",
  ]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    guard let sudo = ShellWrapper.wrappers["sudo"] else { return }
    let runsAsRoot = Self.runsAsRoot(context)
    for run in context.runScripts(includingOnbuild: true) {
      for entry in run.script.simpleCommands() {
        let words = entry.command.words
        var index = 0
        while index < words.count, let name = words[index].literalValue, let wrapper = ShellWrapper.wrappers[ShellWrapper.baseName(name)] {
          let commandIndex = wrapper.commandIndex(in: words, wrapperIndex: index)
          if ShellWrapper.baseName(name) == "sudo" {
            let range = run.sourceRange(words[index].range)
            var fixes: [Fix] = []
            if runsAsRoot[run.instructionIndex], let commandIndex,
               let fix = removal(words, sudoIndex: index, commandIndex: commandIndex, syntax: sudo.syntax, run: run) {
              fixes.append(fix)
            }
            findings.append(finding(range, "Do not use `sudo` in `RUN`; switch users with `USER`", fixes: fixes))
          }
          guard let next = commandIndex else { break }
          index = next
        }
      }
    }
  }

  /// Returns, for each instruction, whether the `USER` in effect is root as far as the file
  /// shows: no `USER` in the stage or the stages it builds on, or `USER root` or `USER 0`.
  static func runsAsRoot(_ context: RuleContext) -> [Bool] {
    var result: [Bool] = []
    var stageIsRoot: [Bool] = []
    for (index, instruction) in context.instructions.enumerated() {
      if let stageIndex = context.model.stageIndexOfInstruction[index] {
        if instruction.kind == .from {
          stageIsRoot.append(context.model.stages[stageIndex].baseStageIndex.map { stageIsRoot[$0] } ?? true)
        } else if instruction.kind == .user {
          let text = instruction.arguments.text.filter { $0 != " " && $0 != "\t" }
          let user = text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
          stageIsRoot[stageIndex] = user == "root" || user == "0"
        }
      }
      result.append(context.model.stageIndexOfInstruction[index].map { stageIsRoot[$0] } ?? true)
    }
    return result
  }

  /// Returns the fix that deletes `sudo` and its options, or nil when they change the command.
  func removal(_ words: [ShellWord], sudoIndex: Int, commandIndex: Int, syntax: ShellOptionSyntax, run: RunScript) -> Fix? {
    let between = Array(words[(sudoIndex + 1)..<commandIndex])
    let parsed = ShellParsedArguments(between, syntax: syntax)
    guard parsed.options.allSatisfy({ Self.harmlessOptions.contains($0.name) }) else { return nil }
    // `NAME=value` words after sudo stay assignments only when sudo starts the command.
    var keepFrom = commandIndex
    for (offset, word) in between.enumerated().reversed() {
      guard let value = word.literalValue, ShellWrapper.isAssignment(value) else { break }
      guard sudoIndex == 0 else { return nil }
      keepFrom = sudoIndex + 1 + offset
    }
    let start = run.sourceRange(words[sudoIndex].range).lowerBound
    let end = run.sourceRange(words[keepFrom].range).lowerBound
    return Fix(title: "Remove `sudo`", edits: [TextEdit(range: start..<end, newText: "")])
  }
}
