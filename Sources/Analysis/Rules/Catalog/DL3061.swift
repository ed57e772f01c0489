/// Reports an instruction other than ARG before the first FROM.
struct DL3061: Rule {
  static let id = "DL3061"
  static let title = "Begin the file with FROM or ARG"
  static let defaultSeverity = Severity.error
  static let documentation = """
    ## Why
    Every instruction but `ARG` belongs to a stage, and a stage begins with `FROM`. BuildKit \
    rejects a file with any other instruction before the first `FROM`. Parser directives, \
    comments, blank lines and `ARG` instructions (which set build arguments for the `FROM` \
    lines) may come first.

    ## Example
    ```dockerfile
    LABEL org.opencontainers.image.authors="team@example.com"
    FROM alpine:3.20
    ```

    ## Use instead
    ```dockerfile
    ARG ALPINE_VERSION=3.20
    FROM alpine:${ALPINE_VERSION}
    LABEL org.opencontainers.image.authors="team@example.com"
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for instruction in context.instructions {
      if instruction.kind == .from { break }
      guard instruction.kind != .arg else { continue }
      let range = StageReferences.headerRange(of: instruction)
      let keyword = instruction.keyword.uppercased()
      findings.append(finding(range, "`\(keyword)` comes before the first `FROM`, where only `ARG` is allowed"))
    }
  }
}
