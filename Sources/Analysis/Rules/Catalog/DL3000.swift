/// Reports a `WORKDIR` with a relative path.
struct DL3000: Rule {
  static let id = "DL3000"
  static let title = "Use an absolute WORKDIR"
  static let defaultSeverity = Severity.error
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    A relative `WORKDIR` is resolved against the working directory in effect, which may come \
    from the base image or from an earlier `WORKDIR`. Moving or changing either silently moves \
    every later `COPY`, `RUN` and the container's start directory. An absolute path says where \
    the files go on its own.

    A path that starts with a variable (`$HOME/app`, `${APP_DIR}`) is not reported, since the \
    variable usually holds an absolute path, and neither is a Windows path such as `C:\\app` or \
    `c:/app`. Each `WORKDIR` is checked on its own, in every stage.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    WORKDIR app
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    WORKDIR /app
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for instruction in context.instructions where instruction.kind == .workdir {
      let text = String(instruction.arguments.text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
      guard !text.isEmpty, !Self.isAbsolute(text) else { continue }
      findings.append(finding(instruction.argumentsRange, "`WORKDIR \(text)` is relative; use an absolute path"))
    }
  }

  /// Returns whether `path`, without surrounding quotes, is absolute, a variable or a Windows path.
  static func isAbsolute(_ path: String) -> Bool {
    var path = Substring(path)
    while let first = path.first, first == "\"" || first == "'" { path = path.dropFirst() }
    guard let first = path.first else { return true }
    if first == "/" || first == "$" { return true }
    let rest = path.dropFirst()
    return first.isASCII && first.isLetter && rest.first == ":"
  }
}
