/// Helpers that the image-size rules share: merging a run of RUNs, appending a command to a RUN,
/// and locating a FROM's image.
extension RunMerge {
  /// Returns one fix that merges `instructions[first...last]` into one RUN, made of the edits of
  /// each consecutive pair, or nil unless every instruction in between is a RUN, every pair
  /// merges safely, and no pair needs to wrap a RUN in the middle in `( … )` or `{ …; }` (the
  /// wrappers of neighbouring pairs would interleave).
  static func chainFix(from first: Int, to last: Int, in context: RuleContext) -> Fix? {
    guard first < last else { return nil }
    var edits: [TextEdit] = []
    for earlier in first..<last {
      guard let pair = fix(earlier: earlier, later: earlier + 1, in: context) else { return nil }
      let earlierStart = context.instructions[earlier].argumentsRange.lowerBound
      let laterEnd = context.instructions[earlier + 1].argumentsRange.upperBound
      for edit in pair.edits where edit.range.isEmpty {
        if edit.range.lowerBound == earlierStart && earlier != first { return nil }
        if edit.range.lowerBound == laterEnd && earlier + 1 != last { return nil }
      }
      edits.append(contentsOf: pair.edits)
    }
    let title = last - first == 1 ? title : "Merge the \(last - first + 1) RUN instructions"
    return Fix(title: title, edits: edits, kind: .quickFix, isPreferred: true)
  }
}

/// Builds an edit that appends `&& command` to the end of a shell-form RUN, in its style: on the
/// same line for a one-line RUN, on a new continuation line with the RUN's indent otherwise.
enum RunAppend {
  /// Returns the edit, or nil when appending would change the meaning: a parse error, a
  /// comment (which would swallow the text), a top-level list that ends with `;` or `&`, or
  /// exec form and heredocs.
  static func edit(appending command: String, toInstructionAt index: Int, in context: RuleContext) -> TextEdit? {
    let instruction = context.instructions[index]
    guard instruction.kind == .run, instruction.isShellForm, instruction.heredocs.isEmpty,
          SemanticModel.isPOSIXShell(context.model.shellOfInstruction[index]) else { return nil }
    let script = context.shellScript(ofInstructionAt: index)
    guard script.errors.isEmpty, script.comments.isEmpty, let last = script.body.items.last, last.separator == nil,
          !script.body.items.contains(where: { $0.separator == .background }) else { return nil }

    let source = context.source
    let lines = source.lineIndex
    let end = instruction.argumentsRange.upperBound
    let isMultiline = lines.line(containing: instruction.keywordRange.lowerBound) != lines.line(containing: max(end - 1, 0))
    guard isMultiline else { return .insert(" && " + command, at: end) }
    let escape = String(UnicodeScalar(context.tree.escapeCharacter))
    let lineEnding = RunMerge.lineEnding(of: instruction, in: source)
    let indent = RunMerge.continuationIndent(of: instruction, in: source) ?? "    "
    // Keep a RUN whose continuation lines start with `&&` in that shape.
    let lastLineStart = lines.lineStarts[lines.line(containing: max(end - 1, 0))]
    let lastLine = source[lastLineStart..<end].trimmingBlanks
    if lastLine.hasSuffix("&&") { return .insert(" " + command, at: end) }
    return .insert(" \(escape)\(lineEnding)\(indent)&& \(command)", at: end)
  }

  /// Returns `path` as one shell word when it needs no quoting, else nil.
  static func plainWord(_ path: String) -> String? {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/+-@%:=,".utf8)
    return !path.isEmpty && path.utf8.allSatisfy(allowed.contains) ? path : nil
  }
}

extension Instruction {
  /// The logical range of the first blank-separated word of the arguments (a FROM's image).
  var firstArgumentWordRange: Range<Int>? {
    let bytes = arguments.bytes
    var start = 0
    while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
    var end = start
    while end < bytes.count, bytes[end] != UInt8(ascii: " "), bytes[end] != UInt8(ascii: "\t") { end += 1 }
    return end > start ? start..<end : nil
  }

  /// The logical range of the last blank-separated word of the arguments (a COPY's destination).
  var lastArgumentWordRange: Range<Int>? {
    let bytes = arguments.bytes
    var end = bytes.count
    while end > 0, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
    var start = end
    while start > 0, bytes[start - 1] != UInt8(ascii: " "), bytes[start - 1] != UInt8(ascii: "\t") { start -= 1 }
    return end > start ? start..<end : nil
  }
}

extension RuleContext {
  /// The layer model of the document, built once and shared by the rules.
  var layerModel: LayerModel { shared(LayerModel.self) { LayerModel(context: $0) } }

  /// The stage graph of the document, built once and shared by the rules.
  var stageGraph: StageGraph { shared(StageGraph.self) { StageGraph(model: $0.model, instructions: $0.instructions) } }
}
