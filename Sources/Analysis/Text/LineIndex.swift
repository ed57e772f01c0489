/// Maps between byte offsets in UTF-8 text and line/column positions.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`. The line terminator is never part of a line's
/// content, so a position can point at the terminator but never inside a `\r\n` pair.
/// When `skipsByteOrderMark` is set, a UTF-8 byte order mark at the start of the text takes no
/// column: the first character after it is column 0. This is how a file read from disk is shown
/// to a user. An editor that sends text containing U+FEFF counts it, so the server keeps it.
public struct LineIndex: Sendable {
  /// The byte offset at which each line starts; `lineStarts[0] == 0`.
  public let lineStarts: [Int]
  /// The byte offset at which each line's content ends (the start of its terminator).
  public let lineEnds: [Int]
  /// Whether each line is pure ASCII, so that every encoding's column equals its byte column.
  private let asciiLines: [Bool]
  /// Number of bytes of a leading byte order mark that take no column (0 or 3).
  public let byteOrderMarkLength: Int

  public init(_ bytes: [UInt8], skipsByteOrderMark: Bool = false) {
    var starts = [0]
    var ends: [Int] = []
    var ascii: [Bool] = []
    var lineIsASCII = true
    let count = bytes.count
    starts.reserveCapacity(count / 32 + 1)

    bytes.withUnsafeBufferPointer { buffer in
      var i = 0
      while i < count {
        let byte = buffer[i]
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
          ends.append(i)
          ascii.append(lineIsASCII)
          lineIsASCII = true
          if byte == UInt8(ascii: "\r"), i + 1 < count, buffer[i + 1] == UInt8(ascii: "\n") {
            i += 1
          }
          starts.append(i + 1)
        } else if byte >= 0x80 {
          lineIsASCII = false
        }
        i += 1
      }
    }
    ends.append(count)
    ascii.append(lineIsASCII)

    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    self.byteOrderMarkLength = (skipsByteOrderMark && hasBOM) ? 3 : 0
    if byteOrderMarkLength > 0 {
      // The mark is the only non-ASCII content of line 0 when the rest is ASCII.
      ascii[0] = bytes[3..<ends[0]].allSatisfy { $0 < 0x80 }
    }
    self.lineStarts = starts
    self.lineEnds = ends
    self.asciiLines = ascii
  }

  public var lineCount: Int { lineStarts.count }

  /// Returns the zero-based line that contains `offset`, by binary search.
  /// An offset inside a line terminator belongs to the line that the terminator ends.
  public func line(containing offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset {
        low = mid
      } else {
        high = mid - 1
      }
    }
    return low
  }

  /// Returns the byte at which line `line`'s columns start, after a skipped byte order mark on line 0.
  private func columnOrigin(_ line: Int) -> Int {
    line == 0 ? byteOrderMarkLength : lineStarts[line]
  }

  /// Converts a byte offset to a position. Offsets inside a line terminator or a UTF-8 sequence
  /// are moved back to the nearest character boundary.
  public func position(of offset: Int, in bytes: [UInt8], encoding: PositionEncoding) -> Position {
    let clamped = max(0, min(offset, bytes.count))
    let line = line(containing: clamped)
    let origin = columnOrigin(line)
    let end = max(origin, min(clamped, lineEnds[line]))
    if asciiLines[line] || encoding == .utf8 {
      return Position(line: line, character: end - origin)
    }
    var column = 0
    var i = origin
    while i < end {
      let width = LineIndex.sequenceLength(bytes[i])
      if i + width > end { break }
      column += LineIndex.units(forSequenceLength: width, encoding: encoding)
      i += width
    }
    return Position(line: line, character: column)
  }

  /// Converts a position to a byte offset. A line past the end maps to the end of the text. A
  /// column past the end of its line maps to the end of that line's content, as LSP specifies.
  /// Returns nil only for negative components.
  public func offset(of position: Position, in bytes: [UInt8], encoding: PositionEncoding) -> Int? {
    guard position.line >= 0, position.character >= 0 else { return nil }
    guard position.line < lineStarts.count else { return bytes.count }
    let origin = columnOrigin(position.line)
    let end = lineEnds[position.line]
    if asciiLines[position.line] || encoding == .utf8 {
      return min(origin + position.character, end)
    }
    var column = 0
    var i = origin
    while i < end, column < position.character {
      let width = LineIndex.sequenceLength(bytes[i])
      column += LineIndex.units(forSequenceLength: width, encoding: encoding)
      i = min(i + width, end)
    }
    return i
  }

  /// Number of bytes in the UTF-8 sequence that starts with `lead`; 1 for an invalid lead byte.
  static func sequenceLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0xF0...0xF7: return 4
    case 0xE0...0xEF: return 3
    case 0xC0...0xDF: return 2
    default: return 1
    }
  }

  static func units(forSequenceLength length: Int, encoding: PositionEncoding) -> Int {
    switch encoding {
    case .utf8: return length
    case .utf16: return length == 4 ? 2 : 1
    case .utf32: return 1
    }
  }
}
