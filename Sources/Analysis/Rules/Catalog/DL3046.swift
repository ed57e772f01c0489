/// Reports `useradd` with a long UID and without `-l`, and offers to add `-l`.
struct DL3046: Rule {
  static let id = "DL3046"
  static let title = "Add -l to useradd with a high UID"
  static let defaultSeverity = Severity.warning
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

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for (index, instruction) in context.instructions.enumerated() where instruction.kind == .run && instruction.isShellForm {
      let script = context.shellScript(ofInstructionAt: index)
      for entry in script.simpleCommands() where entry.command.name == "useradd" {
        let command = entry.command
        guard !command.hasOption(short: "l", long: ["no-log-init"]) else { continue }
        let uids = command.optionValues(short: "u", long: ["uid"])
        guard uids.contains(where: { $0.count > 5 }) else { continue }

        let range = instruction.arguments.sourceRange(command.range)
        let nameEnd = instruction.arguments.sourceRange(command.words[0].range).upperBound
        let fix = Fix(title: "Add `-l` to useradd", edits: [.insert(" -l", at: nameEnd)])
        findings.append(finding(range, "`useradd` with a high UID and without `-l` makes the image much larger", fixes: [fix]))
      }
    }
  }
}
