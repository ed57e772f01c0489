/// Reports commands in `RUN` that are meant for an interactive machine, not an image build.
struct DL3001: Rule {
  static let id = "DL3001"
  static let title = "Avoid commands that make no sense in a container"
  static let defaultSeverity = Severity.info
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    A `RUN` step executes once, without a terminal, in a throwaway container that has no init \
    system and no other processes. Commands made for managing a running machine (`ssh`, `vim`, \
    `shutdown`, `service`, `ps`, `free`, `top`, `kill`, `mount`, `ifconfig`) either hang, fail \
    or do nothing useful there. Services are started by the container's `CMD` or `ENTRYPOINT`, \
    files are edited with `COPY` or `sed`, and mounts are declared at run time.

    The command is found after wrappers such as `sudo` or `env`, so `sudo service nginx start` \
    is reported too. hadolint's list leaves out `ifconfig` although its message names it; this \
    rule includes it. `ONBUILD RUN` is checked as well, in every stage.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN service nginx start
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    CMD ["nginx", "-g", "daemon off;"]
    ```
    """

  static let commands: Set<String> = ["ssh", "vim", "shutdown", "service", "ps", "free", "top", "kill", "mount", "ifconfig"]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for run in context.runScripts(includingOnbuild: true) {
      for entry in run.script.simpleCommands() {
        guard let name = entry.invocation.baseName, Self.commands.contains(name) else { continue }
        findings.append(finding(run.sourceRange(entry.command.range), "`\(name)` makes no sense in a container build"))
      }
    }
  }
}
