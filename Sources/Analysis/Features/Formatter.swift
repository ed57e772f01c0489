/// Formats a Dockerfile without changing what BuildKit builds: upper-case keywords, one space
/// after the keyword, continuation lines indented by one unit and no trailing whitespace.
///
/// Heredoc bodies are never touched. Inside the arguments only the leading whitespace of
/// continuation lines changes, and only where that whitespace separates words outside quotes,
/// so the shell reads the same words. A continuation that joins two halves of a word, or that
/// falls inside a quoted string, keeps its indentation.
public enum DocumentFormatter {
  /// Returns the edits that format the document, or only those that touch `range` when given.
  /// `indentUnit` overrides the continuation indentation; by default it is the file's most
  /// common one, or four spaces.
  public static func edits(for document: Document, range: Range<Int>? = nil, indentUnit: String? = nil) -> [TextEdit] {
    let bytes = document.source.bytes
    let lines = document.source.lineIndex
    let escape = document.tree.escapeCharacter
    let instructions = document.tree.instructions

    var plans: [ContinuationPlan] = []
    var indentCounts: [String: Int] = [:]
    for instruction in instructions {
      let plan = ContinuationPlan(instruction, bytes: bytes, lines: lines, escape: escape)
      for line in plan.reindentable {
        let indent = String(decoding: bytes[plan.leadingWhitespace(line, bytes: bytes, lines: lines)], as: UTF8.self)
        if !indent.isEmpty { indentCounts[indent, default: 0] += 1 }
      }
      plans.append(plan)
    }
    let unit = indentUnit ?? dominantIndent(indentCounts)

    var edits: [TextEdit] = []
    var skippedLines = Set<Int>()
    for (instruction, plan) in zip(instructions, plans) {
      keywordEdits(instruction, bytes: bytes, escape: escape, into: &edits)
      if let trigger = instruction.onbuildTrigger { keywordEdits(trigger.instruction, bytes: bytes, escape: escape, into: &edits) }
      for line in plan.reindentable {
        let leading = plan.leadingWhitespace(line, bytes: bytes, lines: lines)
        if !bytes[leading].elementsEqual(unit.utf8) { edits.append(TextEdit(range: leading, newText: unit)) }
      }
      skippedLines.formUnion(plan.keepTrailingWhitespace)
      for heredoc in instruction.heredocs where !heredoc.bodyRange.isEmpty {
        let first = lines.line(containing: heredoc.bodyRange.lowerBound)
        let last = lines.line(containing: heredoc.bodyRange.upperBound - 1)
        skippedLines.formUnion(first...last)
      }
    }

    for line in 0..<lines.lineCount where !skippedLines.contains(line) {
      let start = lines.lineStarts[line]
      var end = lines.lineEnds[line]
      let contentEnd = end
      while end > start && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")) { end -= 1 }
      if end < contentEnd { edits.append(TextEdit(range: end..<contentEnd, newText: "")) }
    }

    // The edits never overlap: re-indents end where a line's text starts, trims start where it ends.
    edits.sort { $0.range.lowerBound < $1.range.lowerBound }
    guard let range else { return edits }
    // A range that ends at the start of a line leaves that line out, as editors select it. An
    // empty range (a cursor) keeps the edits it touches.
    if range.isEmpty {
      return edits.filter { $0.range.lowerBound <= range.upperBound && range.lowerBound <= $0.range.upperBound }
    }
    return edits.filter { $0.range.lowerBound < range.upperBound && range.lowerBound <= $0.range.upperBound }
  }

  /// Returns the most common indentation, or four spaces when there is none or a tie.
  static func dominantIndent(_ counts: [String: Int]) -> String {
    guard let top = counts.values.max() else { return "    " }
    let leaders = counts.filter { $0.value == top }
    return leaders.count == 1 ? leaders.first!.key : "    "
  }

  /// Returns the formatted text.
  public static func format(_ document: Document) -> String {
    String(decoding: TextEdit.apply(edits(for: document), to: document.source.bytes), as: UTF8.self)
  }

  /// Upper-cases the keyword and makes the blanks after it one space.
  private static func keywordEdits(_ instruction: Instruction, bytes: [UInt8], escape: UInt8, into edits: inout [TextEdit]) {
    guard instruction.kind != .unknown else { return }
    if instruction.keyword != instruction.kind.keyword {
      edits.append(TextEdit(range: instruction.keywordRange, newText: instruction.kind.keyword))
    }
    var end = instruction.keywordRange.upperBound
    while end < bytes.count && (bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t")) { end += 1 }
    let blanks = instruction.keywordRange.upperBound..<end
    guard !blanks.isEmpty, end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") else { return }
    // Leave `RUN   \` alone: the blanks there end the line, they do not separate words.
    if bytes[end] == escape, ContinuationPlan.isLineEnd(bytes, from: end + 1) { return }
    if !bytes[blanks].elementsEqual(" ".utf8) { edits.append(TextEdit(range: blanks, newText: " ")) }
  }
}

/// The continuation lines of one instruction and which of them may be re-indented.
private struct ContinuationPlan {
  /// Lines (after the first) whose leading whitespace can become the indent unit.
  var reindentable: [Int] = []
  /// Lines whose trailing whitespace is inside an open quote, so it is part of a string.
  var keepTrailingWhitespace: [Int] = []

  init(_ instruction: Instruction, bytes: [UInt8], lines: LineIndex, escape: UInt8) {
    var headerEnd = max(instruction.keywordRange.upperBound, instruction.argumentsRange.upperBound)
    for flag in instruction.flags { headerEnd = max(headerEnd, flag.range.upperBound) }
    let firstLine = lines.line(containing: instruction.keywordRange.lowerBound)
    let lastLine = lines.line(containing: headerEnd)

    var quote: UInt8 = 0
    var endsWithBlank = false
    for line in firstLine...lastLine {
      let lineStart = lines.lineStarts[line]
      let lineEnd = lines.lineEnds[line]
      var contentStart = line == firstLine ? instruction.keywordRange.upperBound : lineStart
      while contentStart < lineEnd && (bytes[contentStart] == UInt8(ascii: " ") || bytes[contentStart] == UInt8(ascii: "\t")) { contentStart += 1 }
      if line > firstLine {
        if contentStart == lineEnd { continue }
        if bytes[contentStart] == UInt8(ascii: "#") {
          // BuildKit drops comment lines inside a continuation, so their indentation is free.
          reindentable.append(line)
          continue
        }
        if quote == 0 && (contentStart > lineStart || endsWithBlank) { reindentable.append(line) }
      }
      // The line's text without a trailing continuation escape and the blanks around it.
      var end = lineEnd
      while end > contentStart && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")) { end -= 1 }
      let continues = end > contentStart && bytes[end - 1] == escape && line < lastLine
      if continues { end -= 1 }
      var index = contentStart
      while index < end {
        let byte = bytes[index]
        if byte == escape && quote != UInt8(ascii: "'") {
          index += 2
          continue
        }
        if quote != 0 {
          if byte == quote { quote = 0 }
        } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
          quote = byte
        }
        index += 1
      }
      if end > contentStart {
        endsWithBlank = bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")
      } else {
        // A line that holds only the escape adds no text, so the separation before it carries on.
        endsWithBlank = endsWithBlank || contentStart > lineStart
      }
      if quote != 0 && !continues { keepTrailingWhitespace.append(line) }
    }
  }

  func leadingWhitespace(_ line: Int, bytes: [UInt8], lines: LineIndex) -> Range<Int> {
    let start = lines.lineStarts[line]
    var end = start
    while end < lines.lineEnds[line] && (bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t")) { end += 1 }
    return start..<end
  }

  /// Returns whether only blanks follow `offset` up to the end of its line.
  static func isLineEnd(_ bytes: [UInt8], from offset: Int) -> Bool {
    var index = offset
    while index < bytes.count && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")) { index += 1 }
    return index == bytes.count || bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r")
  }
}
