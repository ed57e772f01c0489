/// Text edits on the commands of a RUN instruction: inserting an option after a word, and
/// appending a cleanup command that runs after the whole script.
enum CommandEdits {
  /// Whether offsets in the script at `scriptIndex` of the RUN at `index` map exactly to the
  /// file. A `<<-` heredoc body is parsed without its leading tabs, so its offsets do not.
  static func mapsExactly(scriptIndex: Int, ofRunAt index: Int, in context: RuleContext) -> Bool {
    guard scriptIndex > 0 else { return true }
    guard let heredocs = PackageCaches.runInstruction(at: index, in: context)?.heredocs else { return false }
    return scriptIndex - 1 < heredocs.count && !heredocs[scriptIndex - 1].stripsTabs
  }

  /// Returns the edit that inserts ` text` right after `word` of `command`, or nil when the
  /// command's offsets do not map exactly to the file.
  static func insert(_ text: String, after word: ShellWord, of command: PackageManagerCommand, in context: RuleContext) -> TextEdit? {
    guard mapsExactly(scriptIndex: command.scriptIndex, ofRunAt: command.instructionIndex, in: context) else { return nil }
    let script = PackageCaches.scripts(ofRunAt: command.instructionIndex, in: context)[command.scriptIndex]
    return .insert(" " + text, at: script.sourceRange(word.range).upperBound)
  }

  /// Returns the edit that appends `&& command` to the RUN at `index` so that `command` runs
  /// last, and only when everything before it succeeded. Nil when that edit is not safe:
  /// - the shell is not POSIX, or the RUN has more than one script (several heredoc scripts,
  ///   or a heredoc script besides other commands), or its script is a `<<-` body;
  /// - the script has a syntax error, is more than one and-or list (`a; b`, several lines of a
  ///   heredoc), ends with `&`, uses `||` at its top level, or ends with a comment that would
  ///   swallow the appended text.
  /// A RUN written over continuation lines gets a new continuation line in the same style
  /// (`&&` leading or trailing, same indentation, the file's escape character and line ending).
  static func appendAndCommand(_ command: String, toRunAt index: Int, in context: RuleContext) -> TextEdit? {
    guard let instruction = PackageCaches.runInstruction(at: index, in: context),
      SemanticModel.isPOSIXShell(context.model.shellOfInstruction[index])
    else { return nil }
    let scripts = PackageCaches.scripts(ofRunAt: index, in: context)
    let scriptIndex: Int
    if scripts.count == 1 {
      // Heredoc bodies fed to other programs (`cat <<EOF >file`) are data, not script.
      scriptIndex = 0
    } else {
      guard instruction.heredocs.count == 1, scripts.count == 2,
        mapsExactly(scriptIndex: 1, ofRunAt: index, in: context)
      else { return nil }
      scriptIndex = 1
    }
    let runScript = scripts[scriptIndex]
    let script = runScript.script
    guard script.canAppendAndCommand, script.topLevelOperators.orOperators.isEmpty,
      script.trailingCommentRange == nil, let andOr = script.body.items.last?.andOr
    else { return nil }

    let end = runScript.sourceRange(andOr.range).upperBound
    let source = context.source
    let lines = source.lineIndex
    let lastLine = lines.line(containing: max(end - 1, 0))
    guard scriptIndex == 0, lastLine > lines.line(containing: instruction.keywordRange.lowerBound) else {
      return .insert(" && " + command, at: end)
    }

    let escape = String(UnicodeScalar(context.tree.escapeCharacter))
    let lineEnding = RunMerge.lineEnding(of: instruction, in: source)
    let indent = leadingBlanks(ofLine: lastLine, in: source)
    if let lastAnd = andOr.rest.last, endsLine(afterOffset: runScript.sourceRange(lastAnd.opRange).upperBound, in: context) {
      // `a && \` then `b`: the operator ends the line.
      return .insert(" && \(escape)\(lineEnding)\(indent)\(command)", at: end)
    }
    return .insert(" \(escape)\(lineEnding)\(indent)&& \(command)", at: end)
  }

  /// Returns the spaces and tabs that start line `line`.
  static func leadingBlanks(ofLine line: Int, in source: SourceText) -> String {
    let start = source.lineIndex.lineStarts[line]
    var end = start
    while end < source.lineIndex.lineEnds[line], source.bytes[end] == UInt8(ascii: " ") || source.bytes[end] == UInt8(ascii: "\t") {
      end += 1
    }
    return source[start..<end]
  }

  /// Whether only blanks and the escape character separate `offset` from the end of its line.
  static func endsLine(afterOffset offset: Int, in context: RuleContext) -> Bool {
    let bytes = context.source.bytes
    var index = offset
    while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
      index += 1
    }
    return index < bytes.count && bytes[index] == context.tree.escapeCharacter
  }
}
