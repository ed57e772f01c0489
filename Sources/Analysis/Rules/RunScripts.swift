/// One shell script that a RUN instruction executes, with the map from its offsets to the file.
///
/// A RUN runs its shell-form arguments, and also the body of a heredoc when the heredoc is the
/// script itself (`RUN <<EOF`) or is fed to a POSIX shell (`RUN bash <<EOF`). A heredoc fed to
/// another program (`RUN python3 <<EOF`) is not a shell script.
public struct RunScript: Sendable {
  public let script: ShellScript
  /// The text the script was parsed from, mapped to source bytes.
  public let text: LogicalText

  /// Maps a range in the script to the source range it came from.
  public func sourceRange(_ range: Range<Int>) -> Range<Int> { text.sourceRange(range) }
}

extension RuleContext {
  /// Returns the shell scripts that `instructions[index]` runs: its shell-form arguments and the
  /// heredoc bodies that are shell scripts. Empty for exec form and for non-RUN instructions.
  public func runScripts(ofInstructionAt index: Int) -> [RunScript] {
    let instruction = instructions[index]
    guard instruction.kind == .run, instruction.execForm == nil else { return [] }
    let arguments = shellScript(ofInstructionAt: index)
    var scripts = [RunScript(script: arguments, text: instruction.arguments)]
    guard !instruction.heredocs.isEmpty else { return scripts }

    let shellNames: Set<String> = ["sh", "bash", "dash", "ash", "ksh", "zsh"]
    let commandNames = arguments.simpleCommands().compactMap { $0.command.unwrappedInvocation.baseName }
    let bodyIsScript = commandNames.isEmpty || commandNames.allSatisfy { shellNames.contains($0) }
    guard bodyIsScript else { return scripts }

    for heredoc in instruction.heredocs {
      // Parse the body from the file's own bytes so that offsets map back exactly. Tab
      // stripping (`<<-`) removes bytes, so those bodies are parsed from their content instead.
      // NOTE: ranges inside a `<<-` body are approximate: they map to the body's first byte.
      let body = heredoc.bodyRange.lowerBound..<heredoc.terminatorRange.lowerBound
      let text: LogicalText
      if heredoc.stripsTabs || body.isEmpty {
        text = LogicalText(bytes: Array(heredoc.content.utf8), pieces: [LogicalText.Piece(logicalStart: 0, sourceStart: body.lowerBound)])
      } else {
        text = LogicalText(contiguous: source.bytes[body], sourceStart: body.lowerBound)
      }
      scripts.append(RunScript(script: ShellParser.parse(text.bytes), text: text))
    }
    return scripts
  }
}
