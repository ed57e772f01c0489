/// Reports `useradd` with a long UID and without `-l`, and offers to add `-l`.
struct DL3046: Rule {
  static let id = "DL3046"
  static let title = "Add -l to useradd with a high UID"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    Without `-l` (`--no-log-init`), `useradd` adds the user to the lastlog and faillog \
    databases. Both are sparse files indexed by UID, so a high UID such as `1000000` makes \
    `/var/log/lastlog` and `/var/log/faillog` huge. A sparse file costs little on disk, but \
    image layers store it in full, which can add gigabytes to the image.

    The rule fires, as hadolint's does, when the UID given with `-u` is longer than five \
    digits; `--uid` counts too. Every stage is checked, since a builder stage's layers also \
    cost build time and cache space.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN useradd -u 1000000 app
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    RUN useradd -l -u 1000000 app
    ```

    ## Fix
    "Add `-l` to useradd" inserts `-l` right after `useradd`; nothing else changes.
    """

  /// The options of shadow's `useradd` 4.13 that take a value, so that a value is never read as a flag.
  static let optionSyntax = ShellOptionSyntax(
    short: "bcdefgGkKpRPsuZ",
    long: ["base-dir", "comment", "home-dir", "expiredate", "inactive", "gid", "groups", "skel", "key",
           "password", "root", "prefix", "shell", "uid", "selinux-user", "btrfs-subvolume-home"])

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for (index, instruction) in context.instructions.enumerated() where instruction.kind == .run && instruction.isShellForm {
      let script = context.shellScript(ofInstructionAt: index)
      for entry in script.simpleCommands() {
        let invocation = entry.command.unwrappedInvocation
        guard invocation.name == "useradd", let nameWord = invocation.nameWord else { continue }
        guard !invocation.hasOption(short: "l", long: ["no-log-init"], syntax: Self.optionSyntax) else { continue }
        let uids = invocation.optionValues(short: "u", long: ["uid"], syntax: Self.optionSyntax)
        guard uids.contains(where: { ($0?.count ?? 0) > 5 }) else { continue }

        let range = instruction.arguments.sourceRange(entry.command.range)
        let nameEnd = instruction.arguments.sourceRange(nameWord.range).upperBound
        let fix = Fix(title: "Add `-l` to useradd", edits: [.insert(" -l", at: nameEnd)])
        findings.append(finding(range, "`useradd` with a high UID and without `-l` makes the image much larger", fixes: [fix]))
      }
    }
  }
}
