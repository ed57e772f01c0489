/// Reports a final stage whose last USER, its own or inherited from the stage it is built on, is root.
struct DL3002: Rule {
  static let id = "DL3002"
  static let title = "Do not run the final image as root"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    A container runs as the user of the image's last `USER`. Running as root gives a process \
    that is broken into full control of the container and makes escapes to the host easier. \
    Switch back to an unprivileged user once the steps that need root are done.

    Only the final stage is checked, since it is the image that runs; a builder stage may stay \
    root. When the final stage has no `USER`, the last `USER` of the stage it is built on \
    (`FROM <stage>`) is in effect and is checked. `root`, `0`, `root:<group>` and \
    `0:<group>` count as root. hadolint 2.15.1 also reports a root `USER` at the end of any \
    earlier stage.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN useradd -r app
    USER app
    RUN make install
    USER root
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    RUN useradd -r app
    USER root
    RUN make install
    USER app
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    guard let final = context.model.stages.last else { return }
    let graph = StageReferences(context)
    for stageIndex in graph.ancestry(of: final.index) {
      let stage = context.model.stages[stageIndex]
      guard let userIndex = stage.instructionIndices.last(where: { context.instructions[$0].kind == .user }) else { continue }
      let user = context.instructions[userIndex]
      let name = user.arguments.text
      if Self.isRoot(name) {
        let message = stageIndex == final.index
          ? "The image runs as `\(name)` because this is the last `USER` of the final stage"
          : "The image runs as `\(name)` because the final stage inherits this `USER`"
        findings.append(finding(user.argumentsRange, message))
      }
      return
    }
  }

  static func isRoot(_ user: String) -> Bool {
    user == "root" || user == "0" || user.hasPrefix("root:") || user.hasPrefix("0:")
  }
}
