/// Reports `ln` that replaces `/bin/sh`.
struct DL4005: Rule {
  static let id = "DL4005"
  static let title = "Use SHELL to change the default shell"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    Linking another shell onto `/bin/sh` changes the shell of every later `RUN`, and of every \
    script and program in the image that calls `/bin/sh`, which may rely on its exact \
    behaviour. The `SHELL` instruction changes the shell of the following `RUN`s only, and \
    says so in the Dockerfile.

    The rule fires when `/bin/sh` is the link that `ln` creates, its last argument. A link \
    that merely points to `/bin/sh` (`ln -s /bin/sh /usr/local/bin/sh`) leaves the default \
    shell alone and is not reported; hadolint reports any `ln` that mentions `/bin/sh`. Every \
    stage is checked, `ONBUILD RUN` included.

    ## Example
    ```dockerfile
    FROM debian:12
    RUN ln -sf /bin/bash /bin/sh
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    SHELL ["/bin/bash", "-c"]
    ```
    """

  /// The options of GNU ln 9 that take a value.
  static let optionSyntax = ShellOptionSyntax(short: "St", long: ["suffix", "target-directory"])

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for run in context.runScripts(includingOnbuild: true) {
      for entry in run.script.simpleCommands() {
        let invocation = entry.invocation
        guard invocation.baseName == "ln" else { continue }
        let parsed = invocation.parsedArguments(syntax: Self.optionSyntax)
        // With `-t DIR`, every argument is a target and the links go into DIR.
        guard parsed.options(short: "t", long: ["target-directory"]).isEmpty, parsed.positionalArguments.count >= 2,
              parsed.positionalArguments.last?.literalValue == "/bin/sh" else { continue }
        findings.append(finding(run.sourceRange(entry.command.range), "`ln` onto `/bin/sh` changes the default shell; use `SHELL` instead"))
      }
    }
  }
}
