/// A replacement of a byte range of a source text with new text.
public struct TextEdit: Hashable, Sendable {
  public var range: Range<Int>
  public var newText: String

  public init(range: Range<Int>, newText: String) {
    self.range = range
    self.newText = newText
  }

  public static func insert(_ text: String, at offset: Int) -> TextEdit {
    TextEdit(range: offset..<offset, newText: text)
  }

  /// Applies non-overlapping edits to `bytes`. Edits are applied from the end backwards so that
  /// earlier offsets stay valid; edits that overlap an earlier-starting edit are dropped.
  public static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
    let sorted = edits.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    var kept: [TextEdit] = []
    var lastEnd = 0
    for edit in sorted where edit.range.lowerBound >= lastEnd && edit.range.upperBound <= bytes.count {
      kept.append(edit)
      lastEnd = edit.range.upperBound
    }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var cursor = 0
    for edit in kept {
      result.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
      result.append(contentsOf: edit.newText.utf8)
      cursor = edit.range.upperBound
    }
    result.append(contentsOf: bytes[cursor...])
    return result
  }
}
