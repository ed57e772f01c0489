/// Reports `COPY` of several sources to a destination without a trailing `/`.
struct DL3021: Rule {
  static let id = "DL3021"
  static let title = "End the COPY destination with / for several sources"
  static let defaultSeverity = Severity.error
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    When `COPY` has more than one source, the destination must be a directory. The classic \
    builder stops with an error unless the destination ends with `/`; BuildKit does not check. \
    Writing the slash makes the destination a directory for both builders and tells the \
    reader that the files land inside the folder.

    Destinations that contain a variable are not checked, because the value may end with `/`; \
    hadolint reports them. A Windows destination ending with `\\` (`C:\\app\\`) counts as a \
    directory. Heredoc sources count as sources. Every stage is checked.

    ## Example
    ```dockerfile
    FROM debian:12
    COPY package.json package-lock.json /app
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    COPY package.json package-lock.json /app/
    ```

    ## Fix
    "Add `/` to the destination" appends the slash, inside the quotes when the destination is \
    quoted, in both the shell and the JSON form.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for instruction in context.instructions where instruction.kind == .copy {
      let tokens = instruction.argumentTokens
      guard tokens.count > 2, let destination = tokens.last else { continue }
      let path = destination.unquoted
      // A Windows destination may end with its own separator, written `\\` in the file.
      guard !path.hasSuffix("/"), !path.hasSuffix("\\"), !path.contains("$") else { continue }
      let fix = Fix(title: "Add `/` to the destination", edits: [.insert("/", at: destination.appendOffset)])
      findings.append(finding(destination.range, "Destination `\(path)` of a `COPY` with several sources must end with `/`", fixes: [fix]))
    }
  }
}
