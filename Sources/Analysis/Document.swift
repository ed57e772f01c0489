/// A Dockerfile's text and its syntax tree, kept in step through edits.
public struct Document: Sendable {
  public private(set) var source: SourceText
  public private(set) var tree: SyntaxTree

  /// Parses `bytes`. `skipsByteOrderMark` makes a leading BOM take no column (for files on disk).
  public init(bytes: [UInt8], skipsByteOrderMark: Bool = false) {
    self.source = SourceText(bytes: bytes, skipsByteOrderMark: skipsByteOrderMark)
    self.tree = DockerfileParser.parse(source)
  }

  public init(text: String, skipsByteOrderMark: Bool = false) {
    self.init(bytes: Array(text.utf8), skipsByteOrderMark: skipsByteOrderMark)
  }

  /// Replaces `edit.range` with `edit.newText` and reparses incrementally.
  /// The range is clamped to the text.
  public mutating func apply(_ edit: TextEdit) {
    let lower = max(0, min(edit.range.lowerBound, source.count))
    let upper = max(lower, min(edit.range.upperBound, source.count))
    let clampedEdit = TextEdit(range: lower..<upper, newText: edit.newText)
    let newSource = source.applying(clampedEdit)
    tree = DockerfileParser.reparse(tree, oldSource: source, edit: clampedEdit, newSource: newSource)
    source = newSource
  }
}
