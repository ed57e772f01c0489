/// The UTF-8 bytes of one Dockerfile and the line index over them.
///
/// All ranges in the analysis layer are byte offsets into `bytes`; they become line/column
/// positions only through `position(of:encoding:)`.
public struct SourceText: Sendable {
  public let bytes: [UInt8]
  public let lineIndex: LineIndex

  /// Creates a source text. `skipsByteOrderMark` makes a leading UTF-8 BOM take no column, which
  /// is right for files read from disk; see `LineIndex`.
  public init(bytes: [UInt8], skipsByteOrderMark: Bool = false) {
    self.bytes = bytes
    self.lineIndex = LineIndex(bytes, skipsByteOrderMark: skipsByteOrderMark)
  }

  public init(_ string: String, skipsByteOrderMark: Bool = false) {
    self.init(bytes: Array(string.utf8), skipsByteOrderMark: skipsByteOrderMark)
  }

  public var count: Int { bytes.count }

  /// The text as a String; invalid UTF-8 is repaired with U+FFFD.
  public var string: String { String(decoding: bytes, as: UTF8.self) }

  public subscript(range: Range<Int>) -> String {
    String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
  }

  public func position(of offset: Int, encoding: PositionEncoding = .utf16) -> Position {
    lineIndex.position(of: offset, in: bytes, encoding: encoding)
  }

  public func positionRange(of range: Range<Int>, encoding: PositionEncoding = .utf16) -> PositionRange {
    PositionRange(start: position(of: range.lowerBound, encoding: encoding),
                  end: position(of: range.upperBound, encoding: encoding))
  }

  public func offset(of position: Position, encoding: PositionEncoding = .utf16) -> Int? {
    lineIndex.offset(of: position, in: bytes, encoding: encoding)
  }

  /// Returns a new text with `edit` applied, scanning only the lines around it for line breaks.
  /// The edit's range must lie within the text.
  public func applying(_ edit: TextEdit) -> SourceText {
    let newBytes = TextEdit.apply([edit], to: bytes)
    let index = lineIndex.updated(replacing: edit.range, insertedCount: edit.newText.utf8.count, in: newBytes)
    return SourceText(bytes: newBytes, lineIndex: index)
  }

  private init(bytes: [UInt8], lineIndex: LineIndex) {
    self.bytes = bytes
    self.lineIndex = lineIndex
  }

  /// Returns a new text with `edits` applied. The edits must not overlap; they may come in any order.
  public func applying(_ edits: [TextEdit]) -> SourceText {
    SourceText(bytes: TextEdit.apply(edits, to: bytes),
               skipsByteOrderMark: lineIndex.skipsByteOrderMark)
  }
}
