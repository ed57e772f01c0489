/// Reports `apt` in a RUN, and offers `apt-get` where it does the same.
struct DL3027: Rule {
  static let id = "DL3027"
  static let title = "Use apt-get or apt-cache instead of apt"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `apt` is made for people at a terminal: its output and behaviour may change between \
    releases, and it warns that its command-line interface is not stable for scripts. \
    `apt-get` and `apt-cache` keep a stable interface, so a build that uses them keeps working \
    the same way when the base image moves to a newer apt.

    Every `apt` command is reported, in every stage, as hadolint 2.15.1 does; unlike hadolint, \
    `apt` after wrappers such as `sudo` and called by path (`/usr/bin/apt`) is found too. \
    `ONBUILD RUN` triggers are checked as well. Exec-form \
    RUN is not checked.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN apt update && apt install -y curl
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update && apt-get install -y curl
    ```

    ## Fix
    "Use `apt-get`" turns `apt` into `apt-get` for the subcommands that apt-get runs the same \
    way: `install`, `update`, `remove`, `purge`, `autoremove`, `dist-upgrade` and `clean`. It \
    is not offered for `apt upgrade`, which unlike `apt-get upgrade` installs new \
    dependencies, nor for `search`, `show`, `list` and the like, which belong to apt-cache or \
    dpkg.
    """

  /// Subcommands that `apt-get` runs as `apt` does (apt 2.6).
  static let sameInAptGet: Set<String> = ["install", "update", "remove", "purge", "autoremove", "dist-upgrade", "clean"]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for command in PackageCaches.commands(in: context) where command.manager == .apt {
      let range = PackageCaches.sourceRange(of: command, in: context)
      let fixes = fix(command, context).map { [$0] } ?? []
      findings.append(finding(range, "Use `apt-get` or `apt-cache` instead of `apt`, whose command-line interface is not stable for scripts", fixes: fixes))
    }
  }

  func fix(_ command: PackageManagerCommand, _ context: RuleContext) -> Fix? {
    guard let subcommand = command.subcommand, Self.sameInAptGet.contains(subcommand),
      let nameWord = command.invocation.nameWord, let name = nameWord.literalValue,
      name == "apt" || name.hasSuffix("/apt"),
      CommandEdits.mapsExactly(scriptIndex: command.scriptIndex, ofRunAt: command.instructionIndex, in: context)
    else { return nil }
    // Only a name written plainly, without quotes or a continuation inside it, is extended.
    let range = PackageCaches.scripts(ofRunAt: command.instructionIndex, in: context)[command.scriptIndex].sourceRange(nameWord.range)
    guard context.source[range] == name else { return nil }
    return Fix(title: "Use `apt-get`", edits: [.insert("-get", at: range.upperBound)])
  }
}
