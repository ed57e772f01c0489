/// Reports `apt-get install` without `-y`, and offers to add it.
struct DL3014: Rule {
  static let id = "DL3014"
  static let title = "Use -y with apt-get install"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    Without `-y`, `apt-get install` asks "Do you want to continue?" whenever it installs more \
    than the packages named. A build has no terminal to answer, so apt-get reads end of input, \
    aborts, and the build fails, often only once a dependency change makes the prompt appear.

    The rule accepts `-y`, `--yes`, `--assume-yes`, and a quiet level of 2 or more (`-qq`, \
    `-q -q`, `-q=2`), which apt-get treats as yes. Like hadolint 2.15.1 it looks at every \
    stage. Unlike hadolint, it also finds apt-get after wrappers such as `sudo` and called by \
    path (`/usr/bin/apt-get`), and accepts quiet levels above 2. \
    `ONBUILD RUN` triggers are checked as well. Exec-form \
    RUN is not checked.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update && apt-get install curl
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update && apt-get install -y curl
    ```

    ## Fix
    "Add `-y`" inserts `-y` right after `install`; nothing else changes.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for command in PackageCaches.commands(in: context) where command.manager == .aptGet && command.subcommand == "install" {
      guard !command.hasOption(short: "y", long: ["yes", "assume-yes"]), Self.quietLevel(of: command) < 2 else { continue }
      let fixes = command.subcommandWord
        .flatMap { CommandEdits.insert("-y", after: $0, of: command, in: context) }
        .map { [Fix(title: "Add `-y`", edits: [$0], kind: .quickFix, isPreferred: true)] } ?? []
      findings.append(finding(PackageCaches.sourceRange(of: command, in: context),
                              "`apt-get install` without `-y` aborts at the confirmation prompt", fixes: fixes))
    }
  }

  /// Returns apt-get's quiet level: the number of `-q` and `--quiet`, or the value of
  /// `-q=N` / `--quiet=N` when one is given.
  static func quietLevel(of command: PackageManagerCommand) -> Int {
    var level = 0
    for word in command.invocation.arguments {
      guard let value = word.literalValue else { continue }
      if value == "--" { break }
      if value.hasPrefix("--quiet=") || value.hasPrefix("-q=") {
        level = Int(value.split(separator: "=", maxSplits: 1)[1]) ?? level
      } else if value == "--quiet" {
        level += 1
      } else if value.hasPrefix("-"), !value.hasPrefix("--") {
        // A cluster such as `-qqy`; letters after a value-taking option are its value.
        for letter in value.utf8.dropFirst() {
          if command.manager.optionSyntax.shortOptionsWithValue.contains(letter) { break }
          if letter == UInt8(ascii: "q") { level += 1 }
        }
      }
    }
    return level
  }
}
