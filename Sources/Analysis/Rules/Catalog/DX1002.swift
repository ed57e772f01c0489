/// Reports a final stage that only copies a binary from a build stage and runs it, on an OS image.
struct DX1002: Rule {
  static let id = "DX1002"
  static let title = "Ship a lone binary on scratch or distroless"
  static let defaultSeverity = Severity.info
  static let documentation = """
    ## Why
    When the final stage only copies a built binary from a build stage and runs it, the \
    operating system underneath (shell, package manager, libraries) is never used, yet it \
    weighs megabytes to hundreds of megabytes and brings packages to patch. A static binary \
    runs on `scratch`, an empty image; a dynamically linked one runs on a distroless image \
    such as `gcr.io/distroless/base-debian12`, which has the C library and CA certificates \
    but no shell.

    The rule looks at the final stage only. It fires when that stage is built on a \
    distribution or language image and contains nothing but `COPY --from=<stage>`, metadata \
    (`ENV`, `LABEL`, `EXPOSE`, `ARG`, `WORKDIR`, `STOPSIGNAL`, `VOLUME`, a numeric `USER`) and \
    an exec-form `ENTRYPOINT` or `CMD` that runs a copied file. A `RUN`, a shell-form command, \
    a `HEALTHCHECK` or a `USER` given by name need the operating system, so they keep it quiet.

    ## Example
    ```dockerfile
    FROM golang:1.22 AS build
    WORKDIR /src
    COPY . .
    RUN go build -o /out/app .
    FROM debian:bookworm
    COPY --from=build /out/app /usr/local/bin/app
    ENTRYPOINT ["/usr/local/bin/app"]
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS build
    WORKDIR /src
    COPY . .
    RUN CGO_ENABLED=0 go build -o /out/app .
    FROM scratch
    COPY --from=build /out/app /usr/local/bin/app
    ENTRYPOINT ["/usr/local/bin/app"]
    ```

    ## Fix
    "Switch to `scratch`" is a refactoring, never applied by fix-all, and is offered only \
    when the binary is provably static: every stage the final stage copies from runs \
    `go build` with `CGO_ENABLED=0` (an assignment before the command, `env`, `export`, or \
    `ENV` in that stage). Check that the program needs no CA certificates, time zone data or \
    user database, which `scratch` lacks. Otherwise, pick a distroless image by hand.
    """

  static let metadataKinds: Set<InstructionKind> = [.env, .label, .expose, .arg, .workdir, .stopsignal, .volume]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let graph = StageGraph(model: context.model, instructions: context.instructions)
    guard let finalIndex = graph.finalStageIndex else { return }
    let stage = context.model.stages[finalIndex]
    guard let image = stage.baseImage, !stage.baseImageText.contains("$") else { return }
    let name = image.repository.lowercased().hasPrefix("library/") ? String(image.repository.dropFirst(8)) : image.repository.lowercased()
    guard image.registry == nil || image.registry == "docker.io",
          DX1001.distributionImages.contains(name) || DX1001.languageImages.contains(name) || name == "alpine" else { return }

    let layers = LayerModel(context: context)
    var copied: Set<String> = []
    var sourceStages: Set<Int> = []
    var runsCopiedFile = false
    for index in stage.instructionIndices.dropFirst() {
      let instruction = context.instructions[index]
      switch instruction.kind {
      case .copy:
        guard let from = instruction.flag("from")?.value,
              let source = StageGraph.sourceStages(of: instruction, stage: stage, stages: context.model.stages).first,
              !source.isWholeFilesystem, !from.isEmpty else { return }
        sourceStages.insert(source.stage)
        copied.formUnion(layers.layer(ofInstructionAt: index)?.added.map(\.path) ?? [])
      case .entrypoint, .cmd:
        guard let exec = instruction.execForm, let program = exec.values.first else { return }
        let path = PathPattern.resolve(program, in: layers.workdirOfInstruction[index])
        if let path, copied.contains(path) { runsCopiedFile = true }
      case .user:
        let user = instruction.arguments.text.trimmingBlanks
        guard !user.isEmpty, user.allSatisfy({ $0.isNumber || $0 == ":" }) else { return }
      default:
        guard Self.metadataKinds.contains(instruction.kind) else { return }
      }
    }
    guard runsCopiedFile, !sourceStages.isEmpty else { return }

    let from = context.instructions[stage.fromInstructionIndex]
    guard let wordRange = from.firstArgumentWordRange else { return }
    let range = from.arguments.sourceRange(wordRange)
    var fixes: [Fix] = []
    if sourceStages.allSatisfy({ Self.buildsStaticGoBinary(stageIndex: $0, context: context) }) {
      fixes.append(Fix(title: "Switch to `scratch`", edits: [TextEdit(range: range, newText: "scratch")],
                       kind: .refactor, isPreferred: false))
    }
    findings.append(finding(
      range, "The final stage only runs a copied binary, so `\(stage.baseImageText)` can be replaced by `scratch` or a distroless image",
      fixes: fixes))
  }

  /// Returns whether the stage (or a stage it is built on) runs `go build` with cgo disabled.
  static func buildsStaticGoBinary(stageIndex: Int, context: RuleContext) -> Bool {
    var chain: [Stage] = []
    var current: Int? = stageIndex
    while let index = current {
      chain.insert(context.model.stages[index], at: 0)
      current = context.model.stages[index].baseStageIndex
    }
    var cgoDisabledByEnv = false
    for stage in chain {
      for index in stage.instructionIndices {
        let instruction = context.instructions[index]
        if instruction.kind == .env {
          let values = BuildKitProjection.values(of: instruction, escape: context.tree.escapeCharacter)
          for pair in stride(from: 0, to: values.count - 1, by: 2) where values[pair] == "CGO_ENABLED" {
            cgoDisabledByEnv = values[pair + 1] == "0"
          }
        }
        guard stage.index == stageIndex, instruction.kind == .run, instruction.isShellForm,
              SemanticModel.isPOSIXShell(context.model.shellOfInstruction[index]) else { continue }
        var cgoDisabled = cgoDisabledByEnv
        for entry in context.shellScript(ofInstructionAt: index).simpleCommands() {
          let command = entry.command
          if command.words.isEmpty {
            if let value = Self.cgoValue(command.assignments) { cgoDisabled = value }
            continue
          }
          let invocation = entry.invocation
          if invocation.name == "export" {
            for word in invocation.arguments {
              guard let text = word.literalValue, text.hasPrefix("CGO_ENABLED=") else { continue }
              cgoDisabled = text == "CGO_ENABLED=0"
            }
            continue
          }
          guard invocation.baseName == "go", invocation.positionalArguments().first?.literalValue == "build" else { continue }
          var disabled = Self.cgoValue(command.assignments) ?? cgoDisabled
          for wrapper in command.words where wrapper.literalValue?.hasPrefix("CGO_ENABLED=") == true {
            disabled = wrapper.literalValue == "CGO_ENABLED=0"
          }
          if disabled { return true }
        }
      }
    }
    return false
  }

  /// Returns whether assignments set `CGO_ENABLED` to `0`, or nil when they do not set it.
  static func cgoValue(_ assignments: [ShellAssignment]) -> Bool? {
    guard let assignment = assignments.last(where: { $0.name == "CGO_ENABLED" }) else { return nil }
    return assignment.value?.literalValue == "0"
  }
}
