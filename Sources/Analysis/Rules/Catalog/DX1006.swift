/// Reports a downloaded archive that a RUN unpacks but does not delete.
struct DX1006: Rule {
  static let id = "DX1006"
  static let title = "Delete a downloaded archive after unpacking it"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    An archive downloaded with curl or wget and unpacked with `tar -x` or `unzip` is no longer \
    needed, but unless the same `RUN` deletes it, it is saved in the layer next to its \
    unpacked contents and the image carries both. A later `RUN` cannot take it out again.

    The rule checks every stage: a builder stage's layers are not shipped, but they still fill \
    the build cache. Piping the download straight into tar (`curl -fsSL URL | tar -xz`) \
    writes no archive at all and is the smallest form.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN curl -fsSLo /tmp/node.tar.xz https://nodejs.org/dist/v20.11.0/node-v20.11.0-linux-x64.tar.xz \\
        && tar -xJf /tmp/node.tar.xz -C /usr/local --strip-components=1
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    RUN curl -fsSLo /tmp/node.tar.xz https://nodejs.org/dist/v20.11.0/node-v20.11.0-linux-x64.tar.xz \\
        && tar -xJf /tmp/node.tar.xz -C /usr/local --strip-components=1 \\
        && rm -f /tmp/node.tar.xz
    ```

    ## Fix
    "Delete the archive" appends `&& rm -f <archive>` at the end of the `RUN`, on a new \
    continuation line when the `RUN` already spans several lines. It is offered only when the \
    archive path is a plain literal and the `RUN` ends with no comment, `;` or `&`.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let layers = context.layerModel
    for layer in layers.layers where context.instructions[layer.instructionIndex].kind == .run {
      for download in layer.added where download.origin == .download {
        guard layer.extracted.contains(where: { $0.path == download.path }) else { continue }
        guard !layer.deleted.contains(where: { $0.deletes(download) }) else { continue }
        var fixes: [Fix] = []
        if let word = RunAppend.plainWord(download.path),
           let edit = RunAppend.edit(appending: "rm -f \(word)", toInstructionAt: layer.instructionIndex, in: context) {
          fixes.append(Fix(title: "Delete the archive", edits: [edit]))
        }
        findings.append(finding(
          download.range, "The archive `\(download.path)` is unpacked but not deleted, so it stays in the layer", fixes: fixes))
      }
    }
  }
}
