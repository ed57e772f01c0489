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
  /// Whether a leading byte order mark takes no column, as the index was created with.
  public let skipsByteOrderMark: Bool

  public init(_ bytes: [UInt8], skipsByteOrderMark: Bool = false) {
    var lines = ScannedLines()
    lines.starts = [0]
    lines.starts.reserveCapacity(bytes.count / 32 + 1)
    let scanEnd = bytes.withUnsafeBufferPointer { lines.scan($0, from: 0, until: nil) }
    lines.ends.append(scanEnd)
    self.init(bytes, lines: lines, skipsByteOrderMark: skipsByteOrderMark)
  }

  /// Returns the index of `newBytes`, which is the text this index was built for with the bytes
  /// at `replaced` replaced by `insertedCount` new ones. Only the lines around the edit are
  /// scanned again; the other lines' offsets are copied or moved by the change in length.
  public func updated(replacing replaced: Range<Int>, insertedCount: Int, in newBytes: [UInt8]) -> LineIndex {
    let delta = insertedCount - replaced.count
    // Start a line early: an edit at a line's start can join a `\r` before it with a `\n`.
    let firstLine = max(0, line(containing: replaced.lowerBound) - 1)
    // Old lines from `resumeLine` on start after the edit and a whole unchanged line, so they
    // start at the same place once moved.
    let resumeLine = line(containing: replaced.upperBound) + 2
    guard firstLine > 0 || resumeLine < lineStarts.count else {
      return LineIndex(newBytes, skipsByteOrderMark: skipsByteOrderMark)
    }
    var lines = ScannedLines()
    lines.starts = Array(lineStarts[...firstLine])
    lines.ends = Array(lineEnds[..<firstLine])
    lines.ascii = Array(asciiLines[..<firstLine])
    let resume = resumeLine < lineStarts.count ? lineStarts[resumeLine] + delta : nil
    let scanEnd = newBytes.withUnsafeBufferPointer { lines.scan($0, from: lineStarts[firstLine], until: resume) }
    if resume != nil && scanEnd == resume {
      lines.starts += lineStarts[resumeLine...].lazy.map { $0 + delta }
      lines.ends += lineEnds[resumeLine...].lazy.map { $0 + delta }
      lines.ascii += asciiLines[resumeLine...]
    } else {
      lines.ends.append(newBytes.count)
    }
    return LineIndex(newBytes, lines: lines, skipsByteOrderMark: skipsByteOrderMark)
  }

  private init(_ bytes: [UInt8], lines: ScannedLines, skipsByteOrderMark: Bool) {
    var ascii = lines.ascii
    self.skipsByteOrderMark = skipsByteOrderMark
    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    self.byteOrderMarkLength = (skipsByteOrderMark && hasBOM) ? 3 : 0
    if byteOrderMarkLength > 0 {
      // The mark is the only non-ASCII content of line 0 when the rest is ASCII.
      ascii[0] = bytes[3..<lines.ends[0]].allSatisfy { $0 < 0x80 }
    }
    self.lineStarts = lines.starts
    self.lineEnds = lines.ends
    self.asciiLines = ascii
  }

  /// Line boundaries found by scanning, in the three arrays' layout. While the last line is open,
  /// `starts` has one more element than the others.
  private struct ScannedLines {
    var starts: [Int] = []
    var ends: [Int] = []
    var ascii: [Bool] = []

    /// Scans `buffer` from `start`, where the last line in `starts` begins, and returns where it
    /// stopped: at `stop` when a line starts exactly there (that line is not added), or at the end
    /// of the buffer with the last line open (its end not added).
    mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, until stop: Int?) -> Int {
      var lineIsASCII = true
      var i = start
      let count = buffer.count
      while i < count {
        let byte = buffer[i]
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
          ends.append(i)
          ascii.append(lineIsASCII)
          lineIsASCII = true
          if byte == UInt8(ascii: "\r"), i + 1 < count, buffer[i + 1] == UInt8(ascii: "\n") {
            i += 1
          }
          i += 1
          if i == stop { return i }
          starts.append(i)
          if let stop, i > stop { break }
        } else {
          if byte >= 0x80 { lineIsASCII = false }
          i += 1
        }
      }
      // Past `stop` without a line starting there, or at the end: the caller scans to the end.
      if i < count { return scan(buffer, from: i, until: nil) }
      ascii.append(lineIsASCII)
      return count
    }
  }

  public var lineCount: Int { lineStarts.count }

  /// Returns the zero-based line that contains `offset`, by binary search.
  /// An offset inside a line terminator belongs to the line that the terminator ends.
  public func line(containing offset: Int) -> Int {
    max(0, lineStarts.countOfLeading(keyAtMost: offset) { $0 } - 1)
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
