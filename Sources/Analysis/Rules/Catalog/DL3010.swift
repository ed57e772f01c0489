/// Reports a local tar archive that is copied in and then unpacked by a RUN of the same stage.
struct DL3010: Rule {
  static let id = "DL3010"
  static let title = "Use ADD to extract local tar archives"
  static let defaultSeverity = Severity.info
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    `COPY app.tar.gz /tmp/` followed by `RUN tar -xzf /tmp/app.tar.gz` stores the archive in \
    one layer and its contents in the next, so the image carries both. `ADD` unpacks a local \
    tar archive (plain, gzip, bzip2 or xz) straight into the destination directory, and the \
    archive itself never enters a layer.

    Every stage is checked and the finding is on the `COPY`, as with hadolint. Unlike hadolint \
    2.15.1, only `tar -x` counts as unpacking: `gunzip app.tar.gz` or `zcat` leave a tar file, \
    which is not what `ADD` produces. The archive is matched by its full path (resolved \
    against `WORKDIR`), not by its file name alone, so a relative path under an unknown \
    `WORKDIR` is not matched.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    COPY app.tar.gz /tmp/
    RUN tar -xzf /tmp/app.tar.gz -C /opt
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    ADD app.tar.gz /opt/
    ```

    ## Fix
    "Replace COPY and tar with ADD" turns the `COPY` into `ADD` with the directory tar \
    unpacks into as the destination, and deletes the `RUN`. It is offered only when the `RUN` \
    directly follows the `COPY` and does nothing but `tar -x` of that archive (with `-z`, \
    `-j`, `-J`, `-v`, `-f` and `-C` at most), optionally followed by deleting the archive, \
    the `COPY` has one source and no `--from`, and no later instruction of the stage names \
    the archive.
    """

  static let tarSuffixes = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz"]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let layers = context.layerModel
    var copiedArchives: [String: Int] = [:]
    var currentStage = -1
    for layer in layers.layers {
      if layer.stageIndex != currentStage {
        copiedArchives = [:]
        currentStage = layer.stageIndex
      }
      let instruction = context.instructions[layer.instructionIndex]
      switch instruction.kind {
      case .copy where instruction.flag("from") == nil:
        for path in layer.added where Self.tarSuffixes.contains(where: { path.path.lowercased().hasSuffix($0) }) {
          copiedArchives[path.path] = layer.instructionIndex
        }
      case .run:
        for archive in layer.extracted {
          guard let copyIndex = copiedArchives.removeValue(forKey: archive.path) else { continue }
          let copy = context.instructions[copyIndex]
          let fixes = Self.fix(copyIndex: copyIndex, runIndex: layer.instructionIndex, archive: archive.path,
                               layers: layers, context: context).map { [$0] } ?? []
          findings.append(finding(copy.argumentsRange,
                                  "`\(archive.path)` is copied and then unpacked, so `ADD` can unpack it without keeping the archive",
                                  fixes: fixes))
        }
      default:
        break
      }
    }
  }

  /// The tar options the fix accepts: extract, file, directory, compression and verbosity.
  static let plainTarOptions: Set<String> = ["x", "f", "C", "z", "j", "J", "v", "extract", "file", "directory", "gzip",
                                             "bzip2", "xz", "verbose"]

  static func fix(copyIndex: Int, runIndex: Int, archive: String, layers: LayerModel, context: RuleContext) -> Fix? {
    let copy = context.instructions[copyIndex]
    let run = context.instructions[runIndex]
    guard runIndex == copyIndex + 1, copy.execForm == nil, copy.heredocs.isEmpty, run.flags.isEmpty,
          CopyArguments(copy).sources.count == 1, let destinationWord = copy.lastArgumentWordRange else { return nil }
    guard let runLayer = layers.layer(ofInstructionAt: runIndex), runLayer.extracted.count == 1,
          let target = runLayer.added.first(where: { $0.origin == .extraction }), runLayer.added.count == 1 else { return nil }
    // The RUN must be `tar -x…` alone, or followed by `&& rm` of the archive.
    let script = context.shellScript(ofInstructionAt: runIndex)
    guard script.errors.isEmpty, script.comments.isEmpty, script.body.items.count == 1 else { return nil }
    let andOr = script.body.items[0].andOr
    guard andOr.rest.allSatisfy({ $0.op == .and }), andOr.pipelines.allSatisfy({ $0.commands.count == 1 && !$0.isNegated }) else {
      return nil
    }
    let commands = context.shellScript(ofInstructionAt: runIndex).simpleCommands()
    guard commands.count == andOr.pipelines.count, let tar = commands.first, tar.invocation.baseName == "tar",
          tar.command.assignments.isEmpty, tar.command.redirections.isEmpty else { return nil }
    var tarWords = tar.invocation.arguments
    if let first = tarWords.first?.literalValue, !first.hasPrefix("-") {
      var converted = tarWords[0]
      converted.literalValue = "-" + first
      tarWords[0] = converted
    }
    let parsed = ShellParsedArguments(tarWords, syntax: RunCollector.tarSyntax)
    guard parsed.positionalArguments.isEmpty, parsed.options.allSatisfy({ plainTarOptions.contains($0.name) }) else { return nil }
    for entry in commands.dropFirst() {
      guard entry.invocation.baseName == "rm", entry.command.redirections.isEmpty else { return nil }
    }
    guard runLayer.deleted.allSatisfy({ $0.path == archive }) else { return nil }

    // No later instruction of the stage may read the archive.
    let name = PathPattern.baseName(archive)
    let stageEnd = context.model.stages[runLayer.stageIndex].instructionIndices.upperBound
    for index in (runIndex + 1)..<stageEnd where context.instructions[index].arguments.text.contains(name) {
      return nil
    }

    guard let destination = RunAppend.plainWord(target.path) else { return nil }
    let keyword = copy.keyword == copy.keyword.lowercased() ? "add" : "ADD"
    return Fix(title: "Replace COPY and tar with ADD", edits: [
      TextEdit(range: copy.keywordRange, newText: keyword),
      TextEdit(range: copy.arguments.sourceRange(destinationWord), newText: destination == "/" ? "/" : destination + "/"),
      TextEdit(range: run.range, newText: ""),
    ])
  }
}
