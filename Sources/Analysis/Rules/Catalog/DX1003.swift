/// Reports a RUN that deletes files an earlier layer of the same stage created.
struct DX1003: Rule {
  static let id = "DX1003"
  static let title = "Delete files in the layer that creates them"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    Every `RUN`, `COPY` and `ADD` adds a layer, and layers only stack: deleting a file in a \
    later layer hides it but its bytes stay in the layer that wrote it. A downloaded archive, \
    a copied installer or a package index removed in a later `RUN` still costs its full size \
    in the image. Delete such files in the same `RUN` that creates them.

    The rule looks at the stages that ship: the final stage, the stages it is built on and \
    the stages whose whole filesystem it copies (`COPY --from=stage / /`). A builder stage \
    that is only copied from does not ship its layers. Paths come from `COPY` and `ADD` \
    destinations, curl and wget downloads, redirections, `tar -x -C`, `unzip -d`, `mkdir`, \
    `git clone` and package indexes (`apt-get update`); deletions from `rm`, `rmdir`, \
    `apt-get clean`, `yum clean all`, `dnf clean all` and `apk cache clean`. Relative paths \
    are resolved against the `WORKDIR` when it is known.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update && apt-get install -y --no-install-recommends curl
    RUN rm -rf /var/lib/apt/lists/*
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update && apt-get install -y --no-install-recommends curl \\
        && rm -rf /var/lib/apt/lists/*
    ```

    ## Fix
    When both layers come from `RUN`s and only `RUN`s lie between them, "Merge with the \
    previous RUN" joins them into one `RUN` (one fix for all of them), so the files are \
    created and deleted in one layer. It is offered only when every pair merges safely, as for \
    DL3059. When the earlier layer is a `COPY` or `ADD`, no fix is offered: copy the file in a \
    build stage and `COPY --from` only the result, or bind it for one `RUN` with \
    `RUN --mount=type=bind,source=file,target=/tmp/file`.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let graph = context.stageGraph
    let layers = context.layerModel
    var layersOfStage: [Int: [Layer]] = [:]
    for layer in layers.layers where graph.isShipped(layer.stageIndex) {
      layersOfStage[layer.stageIndex, default: []].append(layer)
    }
    for stageLayers in layersOfStage.values {
      for (position, layer) in stageLayers.enumerated() where !layer.deleted.isEmpty {
        var reported = Set<Range<Int>>()
        for deletion in layer.deleted where !reported.contains(deletion.range) {
          guard let (earlier, path) = Self.earliestCreator(of: deletion, in: stageLayers[..<position]) else { continue }
          reported.insert(deletion.range)
          let earlierInstruction = context.instructions[earlier.instructionIndex]
          var fixes: [Fix] = []
          var message = "`\(path.path)` was created by an earlier layer, so deleting it here does not make the image smaller"
          if earlierInstruction.kind == .run {
            if let fix = RunMerge.chainFix(from: earlier.instructionIndex, to: layer.instructionIndex, in: context) {
              fixes.append(fix)
            }
          } else {
            message = "`\(path.path)` was created by an earlier \(earlierInstruction.kind.keyword), so deleting it here does not make the image smaller"
          }
          findings.append(finding(deletion.range, message, fixes: fixes))
        }
      }
    }
  }

  /// Returns the first earlier layer that added a path `deletion` removes, with that path.
  static func earliestCreator(of deletion: LayerPath, in layers: ArraySlice<Layer>) -> (Layer, LayerPath)? {
    for layer in layers {
      // A path that its own layer deletes again left no bytes behind.
      let path = layer.added.first { added in
        deletion.deletes(added) && !layer.deleted.contains { $0.deletes(added) }
      }
      if let path { return (layer, path) }
    }
    return nil
  }
}
