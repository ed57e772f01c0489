/// Copies of syntax values with every source offset moved by a fixed delta. The incremental
/// reparse uses them to reuse nodes that follow an edit.

extension Range where Bound == Int {
  /// Returns the range moved by `delta` bytes.
  public func shifted(by delta: Int) -> Range<Int> {
    (lowerBound + delta)..<(upperBound + delta)
  }
}

extension SyntaxError {
  public func shifted(by delta: Int) -> SyntaxError {
    SyntaxError(range: range.shifted(by: delta), message: message, isFatal: isFatal)
  }
}

extension Directive {
  public func shifted(by delta: Int) -> Directive {
    Directive(
      range: range.shifted(by: delta), name: name, value: value,
      nameRange: nameRange.shifted(by: delta), valueRange: valueRange.shifted(by: delta))
  }
}

extension Comment {
  public func shifted(by delta: Int) -> Comment {
    Comment(range: range.shifted(by: delta), contentRange: contentRange.shifted(by: delta), text: text)
  }
}

extension Flag {
  public func shifted(by delta: Int) -> Flag {
    Flag(
      range: range.shifted(by: delta), name: name, value: value,
      nameRange: nameRange.shifted(by: delta), valueRange: valueRange?.shifted(by: delta))
  }
}

extension ExecForm {
  public func shifted(by delta: Int) -> ExecForm {
    ExecForm(range: range.shifted(by: delta), elements: elements.map { ExecElement(value: $0.value, range: $0.range.shifted(by: delta)) })
  }
}

extension Heredoc {
  public func shifted(by delta: Int) -> Heredoc {
    var copy = self
    copy.openerRange = openerRange.shifted(by: delta)
    copy.bodyRange = bodyRange.shifted(by: delta)
    copy.terminatorRange = terminatorRange.shifted(by: delta)
    return copy
  }
}

extension Instruction {
  public func shifted(by delta: Int) -> Instruction {
    if delta == 0 { return self }
    var copy = self
    copy.range = range.shifted(by: delta)
    copy.keywordRange = keywordRange.shifted(by: delta)
    copy.arguments = arguments.shifted(by: delta)
    copy.argumentsRange = argumentsRange.shifted(by: delta)
    copy.updateDetails { details in
      details.flags = details.flags.map { $0.shifted(by: delta) }
      details.execForm = details.execForm?.shifted(by: delta)
      details.heredocs = details.heredocs.map { $0.shifted(by: delta) }
      details.onbuildTrigger = details.onbuildTrigger.map { OnbuildTrigger($0.instruction.shifted(by: delta)) }
      details.embeddedComments = details.embeddedComments.map { $0.shifted(by: delta) }
      details.errors = details.errors.map { $0.shifted(by: delta) }
    }
    return copy
  }
}

extension SyntaxNode {
  public func shifted(by delta: Int) -> SyntaxNode {
    switch self {
    case .directive(let directive): return .directive(directive.shifted(by: delta))
    case .comment(let comment): return .comment(comment.shifted(by: delta))
    case .blank(let range): return .blank(range.shifted(by: delta))
    case .instruction(let instruction): return .instruction(instruction.shifted(by: delta))
    }
  }
}
