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
    var index = start
    while index < count && bytes[index] != GoText.newline {
      index += 1
    }
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
