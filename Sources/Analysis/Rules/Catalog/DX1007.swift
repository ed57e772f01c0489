/// Reports `useradd` without `-l`, which writes to the lastlog and faillog databases.
struct DX1007: Rule {
  static let id = "DX1007"
  static let title = "Add -l to useradd"
  static let defaultSeverity = Severity.info
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    Without `-l` (`--no-log-init`), `useradd` records the new user in `/var/log/lastlog` and \
    `/var/log/faillog`. Those files are indexed by UID, so they grow with the UID and end up \
    in the layer, and a container has no use for login records. `-l` skips them.

    A UID longer than five digits, where the files become huge, is DL3046's case; this rule \
    leaves it to DL3046 so that one command is not reported twice. Every stage is checked, as \
    DL3046 does.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN useradd -m app
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    RUN useradd -l -m app
    ```

    ## Fix
    "Add `-l` to useradd" inserts `-l` right after `useradd`; nothing else changes.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for (index, instruction) in context.instructions.enumerated() where instruction.kind == .run && instruction.isShellForm {
      guard SemanticModel.isPOSIXShell(context.model.shellOfInstruction[index]) else { continue }
      let script = context.shellScript(ofInstructionAt: index)
      for entry in script.simpleCommands() {
        // `sudo useradd` counts too.
        let invocation = entry.invocation
        guard invocation.baseName == "useradd", let nameWord = invocation.nameWord else { continue }
        guard !invocation.hasOption(short: "l", long: ["no-log-init"], syntax: DL3046.optionSyntax) else { continue }
        let uids = invocation.optionValues(short: "u", long: ["uid"], syntax: DL3046.optionSyntax)
        // DL3046 reports the high-UID case.
        guard !uids.contains(where: { ($0?.count ?? 0) > 5 }) else { continue }

        let range = instruction.arguments.sourceRange(entry.command.range)
        let nameEnd = instruction.arguments.sourceRange(nameWord.range).upperBound
        let fix = Fix(title: "Add `-l` to useradd", edits: [.insert(" -l", at: nameEnd)])
        findings.append(finding(range, "`useradd` without `-l` writes login records that grow the layer", fixes: [fix]))
      }
    }
  }
}
