/// Reports a HEALTHCHECK that follows another HEALTHCHECK of the same stage.
struct DL3012: Rule {
  static let id = "DL3012"
  static let title = "Keep one HEALTHCHECK per stage"
  static let defaultSeverity = Severity.error
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    An image has one health check. When a stage has several `HEALTHCHECK` instructions, only \
    the last one is kept, so the earlier ones only mislead the reader about how the container \
    is checked. `HEALTHCHECK NONE` counts as a `HEALTHCHECK` too.

    Each stage is checked on its own: a stage may replace the health check of the stage it is \
    built on with one `HEALTHCHECK` of its own. `HEALTHCHECK` inside `ONBUILD` is not counted.

    ## Example
    ```dockerfile
    FROM nginx:1.27
    HEALTHCHECK CMD curl -f http://localhost/ || exit 1
    HEALTHCHECK --interval=30s CMD curl -f http://localhost/health || exit 1
    ```

    ## Use instead
    ```dockerfile
    FROM nginx:1.27
    HEALTHCHECK --interval=30s CMD curl -f http://localhost/health || exit 1
    ```

    ## Fix
    "Remove the earlier `HEALTHCHECK`" deletes the lines of the earlier `HEALTHCHECK` \
    instructions of the stage, which have no effect.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    DuplicateInstructions.check(
      self, kind: .healthcheck, message: "Only the last `HEALTHCHECK` of a stage takes effect",
      fixTitle: "Remove the earlier `HEALTHCHECK`", context: context, into: &findings)
  }
}
