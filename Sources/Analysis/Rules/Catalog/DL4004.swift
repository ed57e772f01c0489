/// Reports an ENTRYPOINT that follows another ENTRYPOINT of the same stage.
struct DL4004: Rule {
  static let id = "DL4004"
  static let title = "Keep one ENTRYPOINT per stage"
  static let defaultSeverity = Severity.error
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    A container has one entry point. When a stage has several `ENTRYPOINT` instructions, only \
    the last one is kept, so the earlier ones are dead text that suggests the container starts \
    differently than it does.

    Each stage is checked on its own: a stage may replace the `ENTRYPOINT` of the stage it is \
    built on. `ENTRYPOINT` inside `ONBUILD` is not counted.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    ENTRYPOINT ["/bin/sh"]
    ENTRYPOINT ["/usr/local/bin/app"]
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    ENTRYPOINT ["/usr/local/bin/app"]
    ```

    ## Fix
    "Remove the earlier `ENTRYPOINT`" deletes the lines of the earlier `ENTRYPOINT` \
    instructions of the stage, which have no effect.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    DuplicateInstructions.check(
      self, kind: .entrypoint, message: "Only the last `ENTRYPOINT` of a stage takes effect",
      fixTitle: "Remove the earlier `ENTRYPOINT`", context: context, into: &findings)
  }
}
