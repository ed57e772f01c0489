/// Reports `cd` in a `RUN` where it changes the directory of the rest of the script.
struct DL3003: Rule {
  static let id = "DL3003"
  static let title = "Use WORKDIR to switch to a directory"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `cd` inside `RUN` lasts only until the end of that `RUN`, so the next instruction is back \
    in the previous directory, which is easy to forget when reading the file. `WORKDIR` \
    changes the directory for every later instruction and for the container, and creates it \
    when it is missing.

    Only a `cd` that runs in the script's own shell is reported. A `cd` inside a subshell \
    `( … )`, a pipeline, a command substitution or a function is a deliberate local change and \
    stays quiet; hadolint reports those too. `ONBUILD RUN` is checked as well (hadolint does \
    not), in every stage.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN cd /usr/src/app && make install
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    WORKDIR /usr/src/app
    RUN make install
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for run in context.runScripts(includingOnbuild: true) {
      for entry in run.script.simpleCommands() where entry.context.runsInScriptShell {
        let invocation = entry.invocation
        // `builtin cd` and `command cd` still run in the shell; `sudo cd` cannot.
        guard invocation.name == "cd",
              invocation.wrappers.allSatisfy({ ["builtin", "command"].contains($0.literalValue) })
        else { continue }
        findings.append(finding(run.sourceRange(entry.command.range), "Use `WORKDIR` instead of `cd` to switch to a directory"))
      }
    }
  }
}
