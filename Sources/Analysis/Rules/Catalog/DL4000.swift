/// Reports `MAINTAINER` and offers the equivalent OCI label.
struct DL4000: Rule {
  static let id = "DL4000"
  static let title = "MAINTAINER is deprecated"
  static let defaultSeverity = Severity.error
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `MAINTAINER` is deprecated: it sets a legacy `Author` field that few tools read. A label \
    is the supported way to record who maintains an image, and \
    `org.opencontainers.image.authors` is the standard key that registries and scanners show. \
    Every stage is checked.

    ## Example
    ```dockerfile
    FROM debian:12
    MAINTAINER Jane Doe <jane@example.com>
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
    ```

    ## Fix
    "Replace with `LABEL org.opencontainers.image.authors`" rewrites the instruction as that \
    label, keeping the text as written. Quotes, `$` and the escape character are escaped, so \
    the label holds exactly the same text.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let escape = UnicodeScalar(context.tree.escapeCharacter)
    for instruction in context.instructions where instruction.kind == .maintainer {
      let range = instruction.keywordRange.lowerBound..<max(instruction.keywordRange.upperBound, instruction.argumentsRange.upperBound)
      var fixes: [Fix] = []
      let text = instruction.arguments.text
      if !text.isEmpty, instruction.heredocs.isEmpty {
        // Scalars, not characters, so that a quote followed by a combining mark is still escaped.
        var quoted = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
          if scalar == "\"" || scalar == "$" || scalar == escape { quoted.append(escape) }
          quoted.append(scalar)
        }
        let keyword = instruction.keyword == instruction.keyword.lowercased() ? "label" : "LABEL"
        let replacement = "\(keyword) org.opencontainers.image.authors=\"\(String(quoted))\""
        fixes.append(Fix(title: "Replace with `LABEL org.opencontainers.image.authors`", edits: [TextEdit(range: range, newText: replacement)]))
      }
      findings.append(finding(range, "`MAINTAINER` is deprecated; use `LABEL org.opencontainers.image.authors`", fixes: fixes))
    }
  }
}
