/// Reports a pipeline in a RUN whose shell does not have `pipefail` set.
struct DL4006: Rule {
  static let id = "DL4006"
  static let title = "Set pipefail before using pipes"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    A pipeline's exit status is that of its last command. In \
    `RUN curl -fsSL https://example.com/install.sh | sh`, a failed download still lets the \
    step succeed, and the image is built without what it was meant to install. With the \
    shell option `pipefail`, the pipeline fails when any of its commands fails.

    `pipefail` counts as set when the `SHELL` in effect is bash, zsh, ash, ksh or mksh with \
    `-o pipefail` among its options (`-eo pipefail` and `-euxo pipefail` included), or when \
    a `set -o pipefail` at the top level of the same `RUN` runs before the pipeline (not in \
    a subshell, a branch, a loop or after `||`). A `SHELL` \
    carries over to stages built on the stage (`FROM <stage>`), as in BuildKit. `/bin/sh` \
    and dash are not accepted with `-o pipefail`, as in hadolint: older versions lack the \
    option, so point `SHELL` at bash or ash instead.

    Pipes in exec form (`RUN ["sh", "-c", "a | b"]`), under a non-POSIX `SHELL` such as \
    PowerShell or cmd, and in quoted strings do not count. A heredoc body that the shell \
    runs is checked too, unless it starts with `#!`. Each pipeline is reported.

    hadolint 2.15.1 differs: it reports exec form, ignores `set -o pipefail` in the `RUN`, \
    does not let a `SHELL` carry over to stages built on the stage, does not accept ksh and \
    reports the whole `RUN` once.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN curl -fsSL https://example.com/install.sh | bash
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    RUN curl -fsSL https://example.com/install.sh | bash
    ```
    """

  /// Shells whose `-o pipefail` this rule accepts.
  static let pipefailShells: Set<String> = ["bash", "zsh", "ash", "ksh", "mksh"]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for (index, instruction) in context.instructions.enumerated() where instruction.kind == .run {
      guard instruction.execForm == nil, !instruction.arguments.bytes.isEmpty else { continue }
      let shell = context.model.shellOfInstruction[index]
      guard SemanticModel.isPOSIXShell(shell), !Self.shellSetsPipefail(shell) else { continue }

      let script = context.shellScript(ofInstructionAt: index)
      for pipeline in Self.unprotectedPipelines(script) {
        report(instruction.arguments.sourceRange(pipeline.range), into: &findings)
      }
      guard script.simpleCommands().allSatisfy({ $0.command.words.isEmpty }) else { continue }
      // `RUN <<EOF` with no command: BuildKit runs each heredoc body as the script.
      for heredoc in instruction.heredocs where !heredoc.stripsTabs {
        let body = heredoc.bodyRange.lowerBound..<heredoc.terminatorRange.lowerBound
        let bytes = Array(context.source.bytes[body])
        guard !bytes.starts(with: Array("#!".utf8)) else { continue }
        for pipeline in Self.unprotectedPipelines(context.shellScript(parsing: bytes)) {
          report((pipeline.range.lowerBound + body.lowerBound)..<(pipeline.range.upperBound + body.lowerBound), into: &findings)
        }
      }
      // NOTE: `<<-` bodies are not checked, because their tab-stripped offsets do not map to the source.
    }
  }

  private func report(_ range: Range<Int>, into findings: inout [Finding]) {
    findings.append(finding(range, "Without `set -o pipefail`, this pipeline fails only when its last command fails"))
  }

  /// Returns whether a SHELL command line turns `pipefail` on for one of `pipefailShells`.
  static func shellSetsPipefail(_ shell: [String]) -> Bool {
    guard let program = shell.first, pipefailShells.contains(String(program.split(separator: "/").last ?? "")) else { return false }
    var enabled = false
    var index = 1
    while index < shell.count {
      let argument = shell[index]
      guard let sign = argument.first, sign == "-" || sign == "+", argument.count > 1, argument != "--" else { break }
      // Long options such as `--login` take no value.
      if argument.hasPrefix("--") {
        index += 1
        continue
      }
      // In `-o name` and combined forms such as `-euxo name`, `o` takes the next argument.
      if argument.dropFirst().contains("o") || argument.dropFirst().contains("O"), index + 1 < shell.count {
        if argument.dropFirst().contains("o"), shell[index + 1] == "pipefail" { enabled = sign == "-" }
        index += 2
      } else {
        index += 1
      }
    }
    return enabled
  }

  /// Returns the pipelines of `script` that no earlier `set -o pipefail` of the script protects.
  /// Only a `set` at the top level counts: first in its and-or list, it holds for the rest of
  /// the script, and after `&&` for the rest of its and-or list.
  static func unprotectedPipelines(_ script: ShellScript) -> [Pipeline] {
    let pipelines = script.multiCommandPipelines()
    guard !pipelines.isEmpty else { return [] }

    // Each top-level pipeline with whether pipefail is on when it starts.
    var states: [(range: Range<Int>, enabled: Bool)] = []
    var enabled = false
    for item in script.body.items {
      // A `set` in a background item runs in a subshell and changes nothing here.
      let isBackground = item.separator == .background
      var listEnabled = enabled
      var onlyAndLinks = true
      for (position, pipeline) in item.andOr.pipelines.enumerated() {
        if position > 0, item.andOr.rest[position - 1].op == .or { onlyAndLinks = false }
        if let change = setChange(pipeline) {
          if !isBackground, position == 0 { enabled = change }
          if !isBackground, position == 0 || onlyAndLinks { listEnabled = change }
          continue
        }
        states.append((pipeline.range, listEnabled))
      }
    }
    return pipelines.filter { pipeline in
      !(states.last { $0.range.lowerBound <= pipeline.range.lowerBound }?.enabled ?? false)
    }
  }

  /// Returns how a pipeline that is a lone `set` command changes pipefail, or nil.
  private static func setChange(_ pipeline: Pipeline) -> Bool? {
    guard pipeline.commands.count == 1, case .simple(let command) = pipeline.commands[0], command.name == "set" else { return nil }
    return setChangesPipefail(command.arguments)
  }

  /// Returns whether the arguments of `set` turn pipefail on (true) or off (false), or nil when
  /// they leave it alone.
  static func setChangesPipefail(_ arguments: [ShellWord]) -> Bool? {
    var result: Bool?
    var index = 0
    while index < arguments.count {
      guard let argument = arguments[index].literalValue, let sign = argument.first, sign == "-" || sign == "+",
        argument.count > 1, argument != "--"
      else { break }
      if argument.dropFirst().contains("o"), index + 1 < arguments.count {
        if arguments[index + 1].literalValue == "pipefail" { result = sign == "-" }
        index += 2
      } else {
        index += 1
      }
    }
    return result
  }
}
