/// Builds the "Merge with the previous RUN" fix: one RUN instead of two, with the same effect.
///
/// The later RUN's commands are appended to the earlier RUN's with `&&`, on a continuation line,
/// so the later commands still run only when the earlier ones succeed. The fix is not offered
/// when it cannot keep the build's behaviour:
/// - either RUN uses exec (JSON) form or a heredoc, or their flags differ;
/// - the shell in effect is not a POSIX shell (for example `SHELL ["powershell", "-Command"]`);
/// - either script fails to parse, the earlier one contains a shell comment (it would comment
///   out the appended commands, because the continuation joins everything into one line), or it
///   ends with a `;` or `&` separator;
/// - the later script runs something in the background with `&`.
/// Two shapes are rewritten instead of refused:
/// - an earlier script that changes shell state (`cd`, `export`, `set -e`, an assignment, `exit`,
///   …) is wrapped in a subshell `( … )`, so that state stays invisible to the later commands,
///   as it was when they ran in a separate shell;
/// - a later script whose top level uses `;` or `||` is wrapped in a group `{ …; }`, so that it
///   cannot mask a failure of the earlier commands (`a && b || c` would run `c` when `a` fails).
enum RunMerge {
  static let title = "Merge with the previous RUN"

  /// Returns the fix that merges `instructions[later]` into `instructions[earlier]`, or nil when
  /// merging is not safe. Only comment and blank lines may lie between the two.
  static func fix(earlier: Int, later: Int, in context: RuleContext) -> Fix? {
    let first = context.instructions[earlier]
    let second = context.instructions[later]
    guard first.kind == .run, second.kind == .run,
      first.isShellForm, second.isShellForm,
      first.heredocs.isEmpty, second.heredocs.isEmpty,
      first.flags.map(\.text) == second.flags.map(\.text)
    else { return nil }

    let shell = context.model.shellOfInstruction[later]
    guard shell == context.model.shellOfInstruction[earlier], SemanticModel.isPOSIXShell(shell) else { return nil }

    let firstScript = context.shellScript(ofInstructionAt: earlier)
    let secondScript = context.shellScript(ofInstructionAt: later)
    guard firstScript.errors.isEmpty, secondScript.errors.isEmpty, firstScript.comments.isEmpty else { return nil }
    guard let lastItem = firstScript.body.items.last, lastItem.separator == nil else { return nil }
    guard !secondScript.body.items.contains(where: { $0.separator == .background }) else { return nil }

    let wrapsEarlier = needsSubshell(firstScript)
    let wrapsLater = secondScript.body.items.count > 1
      || secondScript.body.items.contains { item in item.andOr.rest.contains { $0.op == .or } }
    // A group's closing `; }` after a trailing comment would be commented out.
    if wrapsLater && !secondScript.comments.isEmpty { return nil }

    let source = context.source
    let escape = String(UnicodeScalar(context.tree.escapeCharacter))
    let lineEnding = lineEnding(of: first, in: source)
    let indent = continuationIndent(of: second, in: source) ?? continuationIndent(of: first, in: source) ?? "    "

    // A `# hadolint ignore=` comment moved into the continuation would no longer apply to the
    // later commands, and fix-all would then apply fixes the user turned off.
    let comments = commentLines(between: first, and: second, in: context)
    if comments.contains(where: { isLintPragma(source[$0]) }) { return nil }

    var joint = wrapsEarlier ? " ) \(escape)\(lineEnding)" : " \(escape)\(lineEnding)"
    for comment in comments {
      joint += source[comment] + lineEnding
    }
    joint += indent + "&& " + (wrapsLater ? "{ " : "")

    var edits = [TextEdit(range: first.argumentsRange.upperBound..<second.argumentsRange.lowerBound, newText: joint)]
    if wrapsEarlier {
      edits.append(.insert("( ", at: first.argumentsRange.lowerBound))
    }
    if wrapsLater {
      edits.append(.insert("; }", at: second.argumentsRange.upperBound))
    }
    return Fix(title: title, edits: edits, kind: .quickFix, isPreferred: true)
  }

  /// Whether the earlier script must run in a subshell to keep its shell state to itself.
  static func needsSubshell(_ script: ShellScript) -> Bool {
    if !script.shellStateChanges().isEmpty { return true }
    // `exit` at the top level would end the merged script before the later commands run.
    return script.simpleCommands().contains { entry in
      entry.command.unwrappedInvocation.baseName == "exit" && entry.context.runsInScriptShell
    }
  }

  /// Returns the source ranges (without terminators) of the comment lines between the two instructions
  /// and of those inside the later RUN before its arguments. They move into the continuation,
  /// where BuildKit skips them, so no text of the user's is lost.
  static func commentLines(between first: Instruction, and second: Instruction, in context: RuleContext) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    let tree = context.tree
    var index = tree.nodeIndex(containing: first.range.upperBound) ?? tree.nodes.count
    while index < tree.nodes.count, tree.nodes[index].range.lowerBound < second.range.lowerBound {
      let node = tree.nodes[index]
      index += 1
      if case .comment(let comment) = node {
        ranges.append(lineContent(startingAt: comment.range.lowerBound, to: comment.contentRange.upperBound))
      }
    }
    for comment in second.embeddedComments where comment.range.upperBound <= second.argumentsRange.lowerBound {
      ranges.append(lineContent(startingAt: comment.range.lowerBound, to: comment.contentRange.upperBound))
    }
    return ranges
  }

  static func lineContent(startingAt start: Int, to end: Int) -> Range<Int> { start..<max(start, end) }

  /// Returns whether a comment line is a `# hadolint …` pragma.
  static func isLintPragma(_ line: String) -> Bool {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    guard trimmed.first == "#" else { return false }
    return Pragma.parse(trimmed.dropFirst()) != nil
  }

  /// Returns the line terminator that ends `instruction`'s first line: `\r\n`, `\r` or `\n`.
  static func lineEnding(of instruction: Instruction, in source: SourceText) -> String {
    let bytes = source.bytes
    var index = instruction.keywordRange.upperBound
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "\r") {
        return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? "\r\n" : "\r"
      }
      if bytes[index] == UInt8(ascii: "\n") { return "\n" }
      index += 1
    }
    return "\n"
  }

  /// Returns the leading whitespace of the instruction's second physical line, when it has one.
  static func continuationIndent(of instruction: Instruction, in source: SourceText) -> String? {
    let index = source.lineIndex
    let firstLine = index.line(containing: instruction.keywordRange.lowerBound)
    let lastLine = index.line(containing: max(instruction.argumentsRange.upperBound - 1, instruction.keywordRange.lowerBound))
    guard lastLine > firstLine else { return nil }
    let start = index.lineStarts[firstLine + 1]
    var end = start
    while end < index.lineEnds[firstLine + 1], source.bytes[end] == UInt8(ascii: " ") || source.bytes[end] == UInt8(ascii: "\t") {
      end += 1
    }
    return end > start ? source[start..<end] : nil
  }
}
