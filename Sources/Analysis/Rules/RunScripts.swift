/// One shell script that a RUN instruction executes, with the map from its offsets to the file.
///
/// A RUN runs its shell-form arguments, and also the body of a heredoc when the heredoc is the
/// script itself (`RUN <<EOF`, unless a `#!` line names a non-POSIX interpreter) or is fed to a
/// POSIX shell (`RUN bash <<EOF`). A heredoc fed to another program (`RUN python3 <<EOF`) is not
/// a shell script.
public struct RunScript: Sendable {
  /// The index of the RUN (or of the ONBUILD that wraps it) in `RuleContext.instructions`.
  public let instructionIndex: Int
  /// The text the script was parsed from, mapped to source bytes.
  public let text: LogicalText
  public let script: ShellScript
  /// Whether the script belongs to an `ONBUILD RUN`, which runs in a later build.
  public let isOnbuild: Bool

  public init(instructionIndex: Int, text: LogicalText, script: ShellScript, isOnbuild: Bool) {
    self.instructionIndex = instructionIndex
    self.text = text
    self.script = script
    self.isOnbuild = isOnbuild
  }

  /// Creates a script outside the instruction list, such as the `-c` script of an exec-form RUN.
  public init(script: ShellScript, text: LogicalText, instructionIndex: Int = -1, isOnbuild: Bool = false) {
    self.init(instructionIndex: instructionIndex, text: text, script: script, isOnbuild: isOnbuild)
  }

  /// Maps a range in the script to the source range it came from.
  public func sourceRange(_ range: Range<Int>) -> Range<Int> { text.sourceRange(range) }
}

extension RuleContext {
  /// Returns the shell scripts that `instructions[index]` runs: its shell-form arguments and the
  /// heredoc bodies that are shell scripts. Empty for exec form, for a non-POSIX SHELL and for
  /// instructions other than RUN (and `ONBUILD RUN` when `includingOnbuild` is set).
  /// Computed once per index.
  public func runScripts(ofInstructionAt index: Int, includingOnbuild: Bool = false) -> [RunScript] {
    if includingOnbuild {
      if let cached = runScriptsWithOnbuildByIndex[index] { return cached }
      let scripts = computeRunScripts(ofInstructionAt: index, includingOnbuild: true)
      runScriptsWithOnbuildByIndex[index] = scripts
      return scripts
    }
    if let cached = runScriptsByIndex[index] { return cached }
    let scripts = computeRunScripts(ofInstructionAt: index, includingOnbuild: false)
    runScriptsByIndex[index] = scripts
    return scripts
  }

  private func computeRunScripts(ofInstructionAt index: Int, includingOnbuild: Bool) -> [RunScript] {
    let instruction = instructions[index]
    if instruction.kind == .run {
      guard instruction.isShellForm, SemanticModel.isPOSIXShell(model.shellOfInstruction[index]) else { return [] }
      return scripts(of: instruction, script: shellScript(ofInstructionAt: index), index: index, isOnbuild: false)
    }
    // A SHELL instruction is stored in the image, so it applies in the build that triggers ONBUILD.
    if includingOnbuild, instruction.kind == .onbuild, let trigger = instruction.onbuildTrigger?.instruction,
      trigger.kind == .run, trigger.isShellForm, SemanticModel.isPOSIXShell(model.shellOfInstruction[index])
    {
      return scripts(of: trigger, script: shellScript(parsing: trigger.arguments.bytes), index: index, isOnbuild: true)
    }
    return []
  }

  /// Returns the scripts of every RUN in source order, as `runScripts(ofInstructionAt:)` does.
  public func runScripts(includingOnbuild: Bool) -> [RunScript] {
    derived(includingOnbuild ? "runScripts.onbuild" : "runScripts") { context in
      context.instructions.indices.flatMap { context.runScripts(ofInstructionAt: $0, includingOnbuild: includingOnbuild) }
    }
  }

  /// The shells whose heredoc input is read as a POSIX shell script.
  private static let heredocShellNames: Set<String> = ["sh", "bash", "dash", "ash", "ksh", "zsh"]

  private func scripts(of instruction: Instruction, script: ShellScript, index: Int, isOnbuild: Bool) -> [RunScript] {
    var result = [RunScript(instructionIndex: index, text: instruction.arguments, script: script, isOnbuild: isOnbuild)]
    guard !instruction.heredocs.isEmpty else { return result }

    // The body is a script when the opener is the whole command, or when every command is a
    // POSIX shell reading its standard input. Flags such as `-e` are fine, but with `-c` the
    // script is an argument and `-s` takes operands, so those are left out.
    let commands = script.simpleCommands().map(\.invocation)
    let commandNames = commands.compactMap(\.baseName)
    guard commandNames.allSatisfy({ RuleContext.heredocShellNames.contains($0) }) else { return result }
    let readsStandardInput = commands.allSatisfy { invocation in
      invocation.arguments.allSatisfy { word in
        guard let flag = word.literalValue, flag.hasPrefix("-") else { return false }
        return !flag.contains("c") && !flag.contains("s")
      }
    }
    guard readsStandardInput else { return result }

    for heredoc in instruction.heredocs {
      // With only the opener as the command, BuildKit runs the body itself, and a `#!` line
      // chooses the interpreter.
      if commandNames.isEmpty, heredoc.content.hasPrefix("#!") {
        let interpreter = heredoc.content.prefix { !$0.isNewline }.dropFirst(2).split(separator: " ")
        let program = interpreter.first.map(String.init) ?? ""
        let name = program == "/usr/bin/env" ? interpreter.dropFirst().first.map(String.init) ?? "" : program
        guard SemanticModel.isPOSIXShell([name]) else { continue }
      }
      // Parse the body's own bytes so that offsets map back exactly: the tabs that `<<-` strips
      // are blanks to the shell parser, so they change no token.
      let body = heredoc.bodyRange.lowerBound..<max(heredoc.bodyRange.lowerBound, heredoc.terminatorRange.lowerBound)
      let text = LogicalText(contiguous: source.bytes[body], sourceStart: body.lowerBound)
      result.append(RunScript(instructionIndex: index, text: text, script: shellScript(parsing: text.bytes), isOnbuild: isOnbuild))
    }
    return result
  }
}
