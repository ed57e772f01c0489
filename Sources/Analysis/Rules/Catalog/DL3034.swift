/// Reports zypper commands that change packages without a non-interactive switch, and offers
/// to add `-n`.
struct DL3034: Rule {
  static let id = "DL3034"
  static let title = "Run zypper non-interactively"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `zypper install`, `remove`, `source-install` and `patch` ask for confirmation before they \
    change anything. A build has no terminal to answer, so zypper aborts and the build fails.

    The rule accepts the global `-n` or `--non-interactive` before the subcommand, and `-y` \
    or `--no-confirm` after it; `--non-interactive` also counts after it. It checks every \
    stage, as hadolint 2.15.1 does. Unlike hadolint, it does not take `zypper install -n` as \
    non-interactive, because after `install` the option `-n` means `--name`; and it finds \
    zypper after wrappers such as `sudo`. `ONBUILD RUN` triggers are checked as well. Exec-form \
    RUN is not checked.

    ## Example
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper install curl && zypper clean --all
    ```

    ## Use instead
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper -n install curl && zypper clean --all
    ```

    ## Fix
    "Add `-n`" inserts the global option `-n` right after `zypper`, which answers every \
    prompt of the command with its default.
    """

  /// zypper 1.14 subcommands that ask before changing packages, by the model's normalised names.
  static let confirmingSubcommands: Set<String> = ["install", "remove", "source-install", "si", "patch"]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for command in PackageCaches.commands(in: context) where command.manager == .zypper {
      guard let subcommand = command.subcommand, Self.confirmingSubcommands.contains(subcommand),
        let subcommandWord = command.subcommandWord, !Self.isNonInteractive(command)
      else { continue }
      let fixes = command.invocation.nameWord
        .flatMap { CommandEdits.insert("-n", after: $0, of: command, in: context) }
        .map { [Fix(title: "Add `-n`", edits: [$0])] } ?? []
      let written = subcommandWord.literalValue ?? subcommand
      findings.append(finding(PackageCaches.sourceRange(of: command, in: context),
                              "`zypper \(written)` without `-n` aborts at the confirmation prompt", fixes: fixes))
    }
  }

  /// Whether the command has `-n` or `--non-interactive` among the global options, or
  /// `--non-interactive`, `-y` or `--no-confirm` anywhere.
  static func isNonInteractive(_ command: PackageManagerCommand) -> Bool {
    if command.hasOption(short: "y", long: ["no-confirm", "non-interactive"]) { return true }
    let globalCount = command.invocation.arguments.count - command.subcommandArguments.count - 1
    let globalOptions = ShellParsedArguments(Array(command.invocation.arguments.prefix(max(globalCount, 0))),
                                             syntax: command.manager.optionSyntax)
    return !globalOptions.options(short: "n", long: ["non-interactive"]).isEmpty
  }
}
