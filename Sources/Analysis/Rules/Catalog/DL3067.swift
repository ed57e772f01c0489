/// Reports `COPY --from=<stage> / /`, which copies a whole file system.
struct DL3067: Rule {
  static let id = "DL3067"
  static let title = "Do not copy a whole file system from another stage"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `COPY --from=build / /` copies every file of the other stage, its operating system, \
    package caches and build tools included, over the current stage. The image gets large, \
    and files of the current base image are silently replaced. Copy only the directories the \
    image needs.

    The rule fires when one of the sources is `/` and the destination is `/`, as in hadolint \
    2.15.1; quotes around them do not matter. Every stage is checked, whichever stage it \
    copies from.

    ## Example
    ```dockerfile
    FROM golang:1.22 AS build
    RUN go build -o /out/app .
    FROM gcr.io/distroless/static
    COPY --from=build / /
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS build
    RUN go build -o /out/app .
    FROM gcr.io/distroless/static
    COPY --from=build /out/app /app
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for instruction in context.instructions where instruction.kind == .copy {
      guard let from = instruction.flag("from")?.value else { continue }
      // Each path with its source range, quotes removed.
      var paths: [(text: String, range: Range<Int>)]
      if let execForm = instruction.execForm {
        paths = execForm.elements.map { ($0.value, $0.range) }
      } else {
        paths = instruction.arguments.blankSeparatedWordRanges().map { word in
          let text = instruction.arguments.bytes.withUnsafeBufferPointer {
            KeyValueArguments.unquote($0, word, escape: context.tree.escapeCharacter).text
          }
          return (text, instruction.arguments.sourceRange(word))
        }
      }
      guard paths.count >= 2, paths[paths.count - 1].text == "/",
        let root = paths.dropLast().first(where: { $0.text == "/" })
      else { continue }
      findings.append(finding(root.range, "Copying `/` of `\(from)` to `/` copies its whole file system into this stage"))
    }
  }
}
