/// Reports `FROM --platform=$TARGETPLATFORM`, which repeats the default.
struct DL3065: Rule {
  static let id = "DL3065"
  static let title = "Drop the redundant --platform=$TARGETPLATFORM"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `FROM` pulls the base image for the target platform unless `--platform` says otherwise, \
    so `--platform=$TARGETPLATFORM` only repeats the default and adds noise. `--platform` is \
    useful with another value, such as `$BUILDPLATFORM` for a stage that cross-compiles. \
    The `FROM` of every stage is checked.

    ## Example
    ```dockerfile
    FROM --platform=$TARGETPLATFORM alpine:3.20
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    ```

    ## Fix
    "Remove `--platform=$TARGETPLATFORM`" deletes the flag and the blanks after it.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let bytes = context.source.bytes
    for instruction in context.instructions where instruction.kind == .from {
      guard let flag = instruction.flag("platform"), flag.value == "$TARGETPLATFORM" || flag.value == "${TARGETPLATFORM}" else { continue }
      var end = flag.range.upperBound
      while end < bytes.count && (bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t")) { end += 1 }
      let written = String(decoding: bytes[flag.range], as: UTF8.self)
      let fix = Fix(title: "Remove `\(written)`", edits: [TextEdit(range: flag.range.lowerBound..<end, newText: "")])
      findings.append(finding(flag.range, "`\(written)` repeats the default platform of `FROM`", fixes: [fix]))
    }
  }
}
