/// Text made of pieces of the source joined together, such as an instruction's arguments with
/// its line continuations and embedded comment lines removed. It remembers where each piece came
/// from, so a range found in the joined text (a shell command inside RUN) maps back to source.
public struct LogicalText: Sendable, Hashable {
  /// The joined text as UTF-8 bytes.
  public var bytes: [UInt8]
  /// The first piece, kept out of an array so that text from a single source range (most
  /// instructions) allocates only its bytes. Nil when there are no pieces.
  private var firstPiece: Piece?
  /// The pieces after the first one, with `sourceStart` counted from the first piece's, so that
  /// moving the text after an edit changes the first piece only. Nil rather than empty, so that
  /// copying a one-piece text retains only its bytes.
  private var storedLaterPieces: [Piece]?

  private var laterPieces: [Piece] { storedLaterPieces ?? [] }

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
    self.firstPiece = pieces.first
    self.storedLaterPieces = LogicalText.relative(pieces)
  }

  /// Creates a text with one piece, without building an array of pieces.
  init(bytes: [UInt8], sourceStart: Int) {
    self.bytes = bytes
    self.firstPiece = Piece(logicalStart: 0, sourceStart: sourceStart)
    self.storedLaterPieces = nil
  }

  /// Creates a text from its first piece and the pieces after it, whose `sourceStart` is counted
  /// from `firstPiece.sourceStart`.
  init(bytes: [UInt8], firstPiece: Piece, relativeLaterPieces: [Piece]) {
    self.bytes = bytes
    self.firstPiece = firstPiece
    self.storedLaterPieces = relativeLaterPieces.isEmpty ? nil : relativeLaterPieces
  }

  /// Returns the pieces after the first, counted from the first piece's source start, or nil.
  private static func relative(_ pieces: [Piece]) -> [Piece]? {
    guard let first = pieces.first, pieces.count > 1 else { return nil }
    return pieces.dropFirst().map { Piece(logicalStart: $0.logicalStart, sourceStart: $0.sourceStart - first.sourceStart) }
  }

  /// The pieces in order: `logicalStart` in `bytes` and `sourceStart` in the source, of equal
  /// length up to the next piece.
  public var pieces: [Piece] {
    get {
      guard let firstPiece else { return [] }
      if laterPieces.isEmpty { return [firstPiece] }
      var all: [Piece] = []
      all.reserveCapacity(laterPieces.count + 1)
      all.append(firstPiece)
      for piece in laterPieces {
        all.append(Piece(logicalStart: piece.logicalStart, sourceStart: piece.sourceStart + firstPiece.sourceStart))
      }
      return all
    }
    set {
      firstPiece = newValue.first
      storedLaterPieces = LogicalText.relative(newValue)
    }
  }

  /// A text with no pieces, placed at `sourceOffset`.
  public static func empty(at sourceOffset: Int) -> LogicalText {
    LogicalText(bytes: [], sourceStart: sourceOffset)
  }

  /// Text copied from one contiguous source range.
  public init(contiguous bytes: ArraySlice<UInt8>, sourceStart: Int) {
    self.init(bytes: Array(bytes), sourceStart: sourceStart)
  }

  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Maps an offset in the joined text to the source. An offset at the boundary between two
  /// pieces maps to the start of the later piece.
  public func sourceOffset(_ logicalOffset: Int) -> Int {
    guard let first = firstPiece else { return logicalOffset }
    var piece = first
    // Later pieces count their source start from the first piece's.
    var base = 0
    if let last = laterPieces.last, last.logicalStart <= logicalOffset {
      piece = last
      base = first.sourceStart
    } else if let second = laterPieces.first, second.logicalStart <= logicalOffset {
      piece = laterPieces[laterPieces.countOfLeading(keyAtMost: logicalOffset) { $0.logicalStart } - 1]
      base = first.sourceStart
    }
    return base + piece.sourceStart + (logicalOffset - piece.logicalStart)
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
    var copy = self
    copy.firstPiece?.sourceStart += delta
    return copy
  }
}

extension LogicalText {
  /// Returns the part `logicalRange` of this text, with its pieces rebased to start at 0.
  public func slice(_ logicalRange: Range<Int>) -> LogicalText {
    let lower = max(0, min(logicalRange.lowerBound, bytes.count))
    let upper = max(lower, min(logicalRange.upperBound, bytes.count))
    if lower == upper { return .empty(at: sourceOffset(lower)) }
    let sliceBytes = Array(bytes[lower..<upper])
    if storedLaterPieces == nil, let only = firstPiece {
      return LogicalText(bytes: sliceBytes, sourceStart: only.sourceStart + (lower - only.logicalStart))
    }
    let all = pieces
    var result: [Piece] = []
    for (index, piece) in all.enumerated() {
      let pieceEnd = index + 1 < all.count ? all[index + 1].logicalStart : bytes.count
      if pieceEnd <= lower || piece.logicalStart >= upper { continue }
      let start = max(piece.logicalStart, lower)
      result.append(Piece(logicalStart: start - lower, sourceStart: piece.sourceStart + (start - piece.logicalStart)))
    }
    return LogicalText(bytes: sliceBytes, pieces: result)
  }
}
