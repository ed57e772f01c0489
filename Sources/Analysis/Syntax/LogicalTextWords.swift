extension LogicalText {
  /// Returns the logical ranges of the words separated by spaces and tabs.
  func blankSeparatedWordRanges() -> [Range<Int>] {
    var words: [Range<Int>] = []
    var start: Int?
    for (index, byte) in bytes.enumerated() {
      let isBlank = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
      if isBlank, let wordStart = start {
        words.append(wordStart..<index)
        start = nil
      } else if !isBlank, start == nil {
        start = index
      }
    }
    if let wordStart = start { words.append(wordStart..<bytes.count) }
    return words
  }

  /// Returns the text of a logical range.
  func string(in range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }
}
