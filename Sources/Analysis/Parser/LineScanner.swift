/// One physical line as BuildKit's scanner reads it: lines end only at `\n`, so a lone `\r` stays
/// inside the line, where BuildKit treats it as white space.
struct PhysicalLine {
  var start: Int
  /// The end of the content: trailing `\r` and `\n` bytes removed, as BuildKit's `trimNewline`.
  var contentEnd: Int
  /// The start of the next line (after the `\n`), or the end of the source.
  var end: Int
}

extension PhysicalLine {
  /// Reads the line that starts at `start`, which must be before the end of `bytes`.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> PhysicalLine {
    let count = bytes.count
    let index = ByteSearch.firstIndex(of: GoText.newline, in: bytes, from: start, to: count)
    let end = index < count ? index + 1 : count
    var contentEnd = index
    while contentEnd > start && (bytes[contentEnd - 1] == GoText.carriageReturn || bytes[contentEnd - 1] == GoText.newline) {
      contentEnd -= 1
    }
    return PhysicalLine(start: start, contentEnd: contentEnd, end: end)
  }
}

/// The UTF-8 byte order mark that BuildKit removes from the first line.
let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
  bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
}

/// Byte searches that test eight bytes per step, because line and heredoc scans look at every
/// byte of a file.
enum ByteSearch {
  private static let lowBits: UInt64 = 0x0101_0101_0101_0101
  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// Loads eight bytes at `index` as a little-endian word, so byte `index` is the lowest.
  @inline(__always)
  private static func word(_ base: UnsafePointer<UInt8>, at index: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
  }

  /// Returns a word with the high bit set in exactly the bytes of `word` that are zero.
  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    ~(((word & ~highBits) &+ ~highBits) | word | ~highBits)
  }

  /// Returns the first index of `target` in `start..<end`, or `end` when there is none.
  static func firstIndex(of target: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    guard let base = bytes.baseAddress else { return end }
    let pattern = UInt64(target) &* lowBits
    var index = start
    while index + 8 <= end {
      let found = zeroBytes(word(base, at: index) ^ pattern)
      if found != 0 { return index + found.trailingZeroBitCount / 8 }
      index += 8
    }
    while index < end && base[index] != target { index += 1 }
    return index
  }
}
