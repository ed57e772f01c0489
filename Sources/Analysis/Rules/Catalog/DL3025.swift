/// Reports `CMD` and `ENTRYPOINT` in shell form.
struct DL3025: Rule {
  static let id = "DL3025"
  static let title = "Use JSON notation for CMD and ENTRYPOINT"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    In shell form, `CMD` and `ENTRYPOINT` run as `/bin/sh -c "…"`. Unless the shell replaces \
    itself with the program, which some shells do only in simple cases, the shell is process 1 \
    and the program its child. `docker stop` then sends `SIGTERM` to the shell, \
    which does not pass it on: the program never shuts down cleanly and is killed after the \
    timeout. A shell form `ENTRYPOINT` also ignores the arguments of `docker run` and `CMD`. \
    In exec (JSON) form the program itself is process 1 and receives signals and arguments.

    `HEALTHCHECK CMD` is not checked: the probe is a short-lived command that is never sent \
    a stop signal, and shell operators such as `|| exit 1` are its usual form. hadolint \
    reports it. Every stage is checked.

    ## Example
    ```dockerfile
    FROM python:3.12-slim
    CMD python -m http.server
    ```

    ## Use instead
    ```dockerfile
    FROM python:3.12-slim
    CMD ["python", "-m", "http.server"]
    ```

    ## Fix
    None: turning the shell form into JSON changes how the command runs (no variable \
    expansion, no shell operators, other signal handling), so the rewrite is left to you.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for instruction in context.instructions where instruction.kind == .cmd || instruction.kind == .entrypoint {
      guard instruction.isShellForm else { continue }
      findings.append(finding(instruction.argumentsRange, "Use JSON notation for `\(instruction.kind.keyword)` so the program receives signals"))
    }
  }
}
