/// Text made of pieces of the source joined together, such as an instruction's arguments with
/// its line continuations and embedded comment lines removed. It remembers where each piece came
/// from, so a range found in the joined text (a shell command inside RUN) maps back to source.
public struct LogicalText: Sendable, Hashable {
  /// The joined text as UTF-8 bytes.
  public var bytes: [UInt8]
  /// The pieces in order: `logicalStart` in `bytes` and `sourceStart` in the source, of equal
  /// length up to the next piece.
  public var pieces: [Piece]

  public struct Piece: Sendable, Hashable {
    public var logicalStart: Int
    public var sourceStart: Int

    public init(logicalStart: Int, sourceStart: Int) {
      self.logicalStart = logicalStart
      self.sourceStart = sourceStart
    }
  }

  public init(bytes: [UInt8], pieces: [Piece]) {
    self.bytes = bytes
    self.pieces = pieces
  }

  /// A text with no pieces, placed at `sourceOffset`.
  public static func empty(at sourceOffset: Int) -> LogicalText {
    LogicalText(bytes: [], pieces: [Piece(logicalStart: 0, sourceStart: sourceOffset)])
  }

  /// Text copied from one contiguous source range.
  public init(contiguous bytes: ArraySlice<UInt8>, sourceStart: Int) {
    self.bytes = Array(bytes)
    self.pieces = [Piece(logicalStart: 0, sourceStart: sourceStart)]
  }

  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Maps an offset in the joined text to the source. An offset at the boundary between two
  /// pieces maps to the start of the later piece.
  public func sourceOffset(_ logicalOffset: Int) -> Int {
    guard let first = pieces.first else { return logicalOffset }
    var low = 0
    var high = pieces.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if pieces[mid].logicalStart <= logicalOffset {
        low = mid
      } else {
        high = mid - 1
      }
    }
    let piece = logicalOffset < first.logicalStart ? first : pieces[low]
    return piece.sourceStart + (logicalOffset - piece.logicalStart)
  }

  /// Maps a range of the joined text to the source range from its first to its last byte.
  /// The end maps from the last byte inside the range, so a range that ends at a piece boundary
  /// does not stretch over the removed continuation.
  public func sourceRange(_ logicalRange: Range<Int>) -> Range<Int> {
    let start = sourceOffset(logicalRange.lowerBound)
    if logicalRange.isEmpty { return start..<start }
    let end = sourceOffset(logicalRange.upperBound - 1) + 1
    return start..<max(start, end)
  }

  /// Returns a copy whose source offsets are moved by `delta`, for reuse after an edit.
  public func shifted(by delta: Int) -> LogicalText {
    LogicalText(bytes: bytes, pieces: pieces.map { Piece(logicalStart: $0.logicalStart, sourceStart: $0.sourceStart + delta) })
  }
}

extension LogicalText {
  /// Returns the part `logicalRange` of this text, with its pieces rebased to start at 0.
  public func slice(_ logicalRange: Range<Int>) -> LogicalText {
    let lower = max(0, min(logicalRange.lowerBound, bytes.count))
    let upper = max(lower, min(logicalRange.upperBound, bytes.count))
    if lower == upper { return .empty(at: sourceOffset(lower)) }
    if pieces.count == 1 {
      let only = pieces[0]
      return LogicalText(bytes: Array(bytes[lower..<upper]), pieces: [Piece(logicalStart: 0, sourceStart: only.sourceStart + (lower - only.logicalStart))])
    }
    var result: [Piece] = []
    result.reserveCapacity(pieces.count)
    for (index, piece) in pieces.enumerated() {
      let pieceEnd = index + 1 < pieces.count ? pieces[index + 1].logicalStart : bytes.count
      if pieceEnd <= lower || piece.logicalStart >= upper { continue }
      let start = max(piece.logicalStart, lower)
      result.append(Piece(logicalStart: start - lower, sourceStart: piece.sourceStart + (start - piece.logicalStart)))
    }
    return LogicalText(bytes: Array(bytes[lower..<upper]), pieces: result)
  }
}
