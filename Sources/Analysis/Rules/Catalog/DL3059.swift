/// Reports a RUN that directly follows another RUN of the same stage, and offers to merge them.
struct DL3059: Rule {
  static let id = "DL3059"
  static let title = "Merge consecutive RUN instructions"
  static let defaultSeverity = Severity.info
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    Each `RUN` adds a layer to the image. Files that one layer writes stay in the image even \
    when a later layer deletes them, so a download removed in the next `RUN` still costs its \
    full size. Short consecutive `RUN`s are usually one step of work: merged, they make one \
    layer, and cleanup in the same `RUN` really frees the space.

    Like hadolint 2.15.1, the rule reports a `RUN` only when it and the `RUN` before it each \
    run a single command: `RUN`s that already chain commands were most likely split on \
    purpose. As in hadolint, a test in brackets (`[ -d /tmp ]`, `[[ … ]]`) does not count as a \
    command and an `if` counts as the commands inside it, so `RUN [ -f a ] && rm a` runs one \
    command. Under a `SHELL` other than a POSIX shell (PowerShell, `cmd`), where the script \
    cannot be split into commands, each `RUN` counts as one command, as exec form does. \
    Comment lines between \
    the two do not separate them; any other instruction, or different flags such as `--mount`, \
    does.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update
    RUN apt-get install -y curl
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update \\
        && apt-get install -y curl
    ```

    ## Fix
    "Merge with the previous RUN" joins the two with `&&` on a continuation line and keeps \
    comment lines. It wraps the earlier commands in `( … )` when they change shell state \
    (`cd`, `export`, `set`, assignments) and the later ones in `{ …; }` when they use `;` or \
    `||`, so the merged `RUN` does what the two did. It is not offered for exec form, \
    heredocs, different flags, a shell comment in the earlier `RUN`, or a non-POSIX `SHELL`.
    """

  /// The number of commands above which a RUN counts as deliberately separate. hadolint 2.15.1
  /// reports `RUN a` then `RUN b`, but neither `RUN a && b` then `RUN c` nor `RUN a` then
  /// `RUN b | c` (checked by running it).
  static let maximumCommands = 1

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    // The previous RUN of the current sequence and its command count, reset by any other instruction.
    var previous: (index: Int, commands: Int)?
    for (index, instruction) in context.instructions.enumerated() {
      guard instruction.kind == .run else {
        previous = nil
        continue
      }
      let commands = commandCount(context, index)
      defer { previous = (index, commands) }
      guard let earlier = previous,
        context.instructions[earlier.index].flags.map(\.text) == instruction.flags.map(\.text),
        commands <= Self.maximumCommands, earlier.commands <= Self.maximumCommands
      else { continue }

      let range = instruction.keywordRange.lowerBound..<max(instruction.keywordRange.upperBound, instruction.argumentsRange.upperBound)
      let fixes = RunMerge.fix(earlier: earlier.index, later: index, in: context).map { [$0] } ?? []
      findings.append(finding(range, "This `RUN` follows another `RUN` and can be merged with it into one layer", fixes: fixes))
    }
  }

  /// Counts the commands of a RUN: every simple command with a name, heredoc bodies included.
  func commandCount(_ context: RuleContext, _ index: Int) -> Int {
    let instruction = context.instructions[index]
    // A PowerShell or cmd script cannot be split into commands here, so it counts as one, like exec form.
    if instruction.execForm != nil || !SemanticModel.isPOSIXShell(context.model.shellOfInstruction[index]) { return 1 }
    var count = context.shellScript(ofInstructionAt: index).simpleCommands().count { Self.counts($0.command) }
    for heredoc in instruction.heredocs {
      count += context.shellScript(parsing: Array(heredoc.content.utf8)).simpleCommands().count { Self.counts($0.command) }
    }
    return count
  }

  /// Returns whether a simple command adds to the count. hadolint 2.15.1 parses `[ … ]` and
  /// `[[ … ]]` as conditions rather than commands, so they do not count, while `test` does.
  static func counts(_ command: SimpleCommand) -> Bool {
    guard let name = command.name else { return false }
    return name != "[" && name != "[["
  }
}
