/// A `<<WORD` opener found in an instruction line, before its body is read.
struct HeredocOpener {
  var name: [UInt8]
  var fileDescriptor: Int?
  var stripsTabs: Bool
  var isQuoted: Bool
  /// Logical range of the opener word in the instruction line.
  var range: Range<Int>
}

/// Finds heredoc openers the way BuildKit does: the whole instruction line is split into shell
/// words with quotes and backslashes kept, and every word of the form `[digits]<<[-]word` (with no
/// further `<`) opens a heredoc, in order.
enum HeredocScanner {
  static let lessThan = UInt8(ascii: "<")

  static func openers(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [HeredocOpener] {
    // The words are split at unquoted white space, keeping quotes and backslashes, as BuildKit's
    // shell lexer does with raw quotes and escapes, and unset variables stay as written. When the
    // lexer fails (an unterminated quote, a bad `${...}`), BuildKit finds no words and no openers.
    var openers: [HeredocOpener] = []
    var lexer = ShellLexer(bytes: bytes, index: range.lowerBound, end: range.upperBound)
    let lexed = lexer.forEachWord { word in
      if let opener = opener(bytes, word) { openers.append(opener) }
    }
    return lexed ? openers : []
  }

  /// Tests whether `range` contains `<<` at all, which is cheaper than splitting words.
  static func mayContainHeredoc(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    while index + 1 < range.upperBound {
      index = ByteSearch.firstIndex(of: lessThan, in: bytes, from: index, to: range.upperBound - 1)
      if index + 1 >= range.upperBound { return false }
      if bytes[index + 1] == lessThan { return true }
      index += 2
    }
    return false
  }


  /// Returns the index of the quote that closes the one at `start`. Backslashes escape inside `"`.
  private static func closingQuote(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int? {
    let quote = bytes[start]
    var index = start + 1
    while index < end {
      let byte = bytes[index]
      if byte == quote { return index }
      if byte == GoText.backslash && quote == UInt8(ascii: "\"") {
        index += 2
      } else {
        index += 1
      }
    }
    return nil
  }

  private static func opener(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> HeredocOpener? {
    var index = word.lowerBound
    while index < word.upperBound && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
    let digits = word.lowerBound..<index
    guard index + 1 < word.upperBound, bytes[index] == lessThan, bytes[index + 1] == lessThan else { return nil }
    index += 2
    var stripsTabs = false
    if index < word.upperBound && bytes[index] == UInt8(ascii: "-") {
      stripsTabs = true
      index += 1
    }
    let rest = index..<word.upperBound
    guard !rest.isEmpty else { return nil }
    for position in rest where bytes[position] == lessThan { return nil }
    guard let (name, isQuoted) = unquote(bytes, rest), !name.isEmpty else { return nil }
    var fileDescriptor: Int?
    if !digits.isEmpty {
      // Go's ParseUint yields 0 when the number does not fit.
      fileDescriptor = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[digits]), as: UTF8.self)) ?? 0
    }
    return HeredocOpener(name: name, fileDescriptor: fileDescriptor, stripsTabs: stripsTabs, isQuoted: isQuoted, range: word)
  }

  /// Removes shell quoting from a heredoc word. `isQuoted` is true when quotes were removed.
  private static func unquote(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (name: [UInt8], isQuoted: Bool)? {
    var output: [UInt8] = []
    output.reserveCapacity(range.count)
    var isQuoted = false
    var index = range.lowerBound
    let end = range.upperBound
    while index < end {
      let byte = bytes[index]
      if byte == GoText.backslash {
        if index + 1 < end { output.append(bytes[index + 1]) }
        index += 2
      } else if byte == UInt8(ascii: "'") {
        guard let close = closingQuote(bytes, from: index, end: end) else { return nil }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close]))
        isQuoted = true
        index = close + 1
      } else if byte == UInt8(ascii: "\"") {
        guard let close = closingQuote(bytes, from: index, end: end) else { return nil }
        var inner = index + 1
        while inner < close {
          let innerByte = bytes[inner]
          if innerByte == GoText.backslash && inner + 1 < close
            && [UInt8(ascii: "\""), GoText.backslash, UInt8(ascii: "$")].contains(bytes[inner + 1]) {
            output.append(bytes[inner + 1])
            inner += 2
          } else {
            output.append(innerByte)
            inner += 1
          }
        }
        isQuoted = true
        index = close + 1
      } else {
        output.append(byte)
        index += 1
      }
    }
    return (output, isQuoted)
  }

  /// Removes the tabs at the start of every line, as BuildKit does for `<<-` content.
  static func strippingLeadingTabs(_ content: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(content.count)
    var atLineStart = true
    for byte in content {
      if atLineStart && byte == GoText.tab { continue }
      atLineStart = byte == GoText.newline
      output.append(byte)
    }
    return output
  }
}
