/// Reports the syntax errors the parser found, so a broken file shows where it is broken.
struct DL1000: Rule {
  static let id = "DL1000"
  static let title = "Fix Dockerfile syntax errors"
  static let defaultSeverity = Severity.error
  static let documentation = """
    ## Why
    Docker cannot build a Dockerfile that its parser rejects, and an instruction it does not \
    know stops the build. The parser of this tool reads a file the way BuildKit's parser does \
    and reports each problem where it is, so the rest of the file can still be checked.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    RUNN echo hello
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    RUN echo hello
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for error in context.tree.errors {
      findings.append(finding(error.range, error.message))
    }
  }
}
