/// Reports a CMD that follows another CMD of the same stage.
struct DL4003: Rule {
  static let id = "DL4003"
  static let title = "Keep one CMD per stage"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    A container runs one default command. When a stage has several `CMD` instructions, only \
    the last one is kept, so the earlier ones are dead text that suggests the container does \
    something it does not.

    Each stage is checked on its own: a stage may replace the `CMD` of the stage it is built \
    on. `CMD` inside `ONBUILD` is not counted.

    ## Example
    ```dockerfile
    FROM python:3.12-slim
    CMD ["python", "manage.py", "migrate"]
    CMD ["gunicorn", "app.wsgi"]
    ```

    ## Use instead
    ```dockerfile
    FROM python:3.12-slim
    CMD ["gunicorn", "app.wsgi"]
    ```

    ## Fix
    "Remove the earlier `CMD`" deletes the lines of the earlier `CMD` instructions of the \
    stage, which have no effect.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    DuplicateInstructions.check(
      self, kind: .cmd, message: "Only the last `CMD` of a stage takes effect",
      fixTitle: "Remove the earlier `CMD`", context: context, into: &findings)
  }
}
