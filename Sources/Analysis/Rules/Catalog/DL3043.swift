/// Reports `ONBUILD` that triggers `ONBUILD`, `FROM` or `MAINTAINER`.
struct DL3043: Rule {
  static let id = "DL3043"
  static let title = "Do not trigger ONBUILD, FROM or MAINTAINER from ONBUILD"
  static let defaultSeverity = Severity.error
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `ONBUILD` stores an instruction that runs when another Dockerfile builds on this image. \
    Chaining `ONBUILD ONBUILD` is not allowed, a trigger cannot start a new stage with `FROM`, \
    and `MAINTAINER` is refused as a trigger too: BuildKit rejects the Dockerfile before it \
    builds anything. Every stage is checked.

    ## Example
    ```dockerfile
    FROM debian:12
    ONBUILD FROM alpine:3.20
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    ONBUILD COPY . /app
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for instruction in context.instructions where instruction.kind == .onbuild {
      guard let trigger = instruction.onbuildTrigger?.instruction, [.onbuild, .from, .maintainer].contains(trigger.kind) else { continue }
      findings.append(finding(trigger.keywordRange, "`ONBUILD` cannot trigger `\(trigger.kind.keyword)`"))
    }
  }
}
