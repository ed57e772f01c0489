/// A word of an instruction's arguments as BuildKit's `parseWords` splits them: quotes and
/// escape characters are kept, only white space outside quotes separates words.
struct ArgumentWord {
  var text: [UInt8]
  /// Logical range of the word in the instruction line.
  var range: Range<Int>
}

/// BuildKit's argument splitters for ENV, LABEL and ARG, shared by the parser (for its errors)
/// and by the projection (for the values).
enum BuildKitWords {
  /// Splits `range` into words. Outside single quotes, the escape character and the character
  /// after it both stay in the word. An escape character at the very end is dropped.
  // NOTE: Go decodes runes here and writes U+FFFD for each invalid UTF-8 byte. This copies such
  // bytes unchanged, so values with invalid UTF-8 can differ from BuildKit's.
  static func words(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, escape: UInt8) -> [ArgumentWord] {
    var words: [ArgumentWord] = []
    forEachWord(bytes, range, escape: escape, keepsText: true) { word in
      words.append(word)
      return true
    }
    return words
  }

  /// Calls `visit` with each word in order until it returns false. Without `keepsText` the words
  /// have empty text, which saves allocating it.
  static func forEachWord(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, escape: UInt8, keepsText: Bool,
    _ visit: (ArgumentWord) -> Bool
  ) {
    var word: [UInt8] = []
    var wordStart = range.lowerBound
    var quote: UInt8 = 0
    var inWord = false
    var inQuote = false
    var blankOK = false
    var hasContent = false
    var index = range.lowerBound
    let end = range.upperBound
    while true {
      if !inWord && !inQuote {
        if index >= end { break }
        let spaceLength = GoText.spaceLength(bytes, at: index, end: end)
        if spaceLength > 0 {
          index += spaceLength
          continue
        }
        inWord = true
        wordStart = index
      }
      if index >= end {
        if blankOK || hasContent { _ = visit(ArgumentWord(text: word, range: wordStart..<end)) }
        return
      }
      var width = runeWidth(bytes, at: index, end: end)
      let byte = bytes[index]
      if inWord {
        let spaceLength = GoText.spaceLength(bytes, at: index, end: end)
        if spaceLength > 0 {
          if blankOK || hasContent, !visit(ArgumentWord(text: word, range: wordStart..<index)) { return }
          word.removeAll(keepingCapacity: true)
          hasContent = false
          blankOK = false
          inWord = false
          index += spaceLength
          continue
        }
        if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
          quote = byte
          blankOK = true
          inWord = false
          inQuote = true
        }
        if byte == escape {
          if index + width == end {
            index += width
            continue
          }
          if keepsText { word.append(byte) }
          index += width
          width = runeWidth(bytes, at: index, end: end)
        }
        if keepsText { word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + width)])) }
        hasContent = true
        index += width
        continue
      }
      // Inside quotes.
      if byte == quote {
        inQuote = false
        inWord = true
      }
      if byte == escape && quote != UInt8(ascii: "'") {
        if index + width == end {
          inQuote = false
          inWord = true
          index += width
          continue
        }
        if keepsText { word.append(byte) }
        index += width
        width = runeWidth(bytes, at: index, end: end)
      }
      if keepsText { word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + width)])) }
      hasContent = true
      index += width
    }
  }

  /// Returns the width of the UTF-8 sequence at `index`, or 1 for an invalid or cut sequence.
  @inline(__always)
  static func runeWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
    let lead = bytes[index]
    let width: Int
    switch lead {
    case 0xF0...0xF7: width = 4
    case 0xE0...0xEF: width = 3
    case 0xC0...0xDF: width = 2
    default: width = 1
    }
    guard width > 1, index + width <= end else { return 1 }
    for offset in 1..<width where bytes[index + offset] & 0xC0 != 0x80 { return 1 }
    return width
  }

  /// A problem found while splitting ENV or LABEL arguments.
  struct NameValueError: Error {
    var message: String
    /// Logical range of the offending text.
    var range: Range<Int>
  }

  /// Returns the error BuildKit raises for ENV or LABEL arguments, or nil when they are valid.
  /// It checks the same rules as `nameValuePairs` without building the pairs.
  static func nameValueError(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, escape: UInt8, keyword: String) -> NameValueError? {
    if isPlainAndValid(bytes, range) { return nil }
    // A word's text contains `=` exactly when its source range does, since only a final escape
    // character is ever dropped.
    func hasEquals(_ word: ArgumentWord) -> Bool { word.range.contains { bytes[$0] == UInt8(ascii: "=") } }
    var isFirst = true
    var legacyForm = false
    var offender: ArgumentWord?
    forEachWord(bytes, range, escape: escape, keepsText: false) { word in
      if isFirst {
        isFirst = false
        legacyForm = !hasEquals(word)
        return !legacyForm
      }
      if hasEquals(word) { return true }
      offender = word
      return false
    }
    if isFirst { return nil }
    if legacyForm {
      for index in range where GoText.isTokenSpace(bytes[index]) { return nil }
      return NameValueError(message: "\(keyword) must have two arguments", range: range)
    }
    if let word = offender {
      let text = String(decoding: BuildKitWords.words(bytes, word.range, escape: escape).first?.text ?? [], as: UTF8.self)
      let message = "Syntax error - can't find = in \(GoText.quoted(text)). Must be of the form: name=value"
      return NameValueError(message: message, range: word.range)
    }
    return nil
  }

  /// Bits of `plainByteClasses`.
  private static let spaceClass: UInt8 = 1
  private static let tokenSpaceClass: UInt8 = 2
  private static let equalsClass: UInt8 = 4
  /// Bytes that the plain check leaves to the full splitter: non-ASCII bytes, quotes and both
  /// possible escape characters.
  private static let specialClass: UInt8 = 8

  /// The class bits of every byte value, for `isPlainAndValid`.
  private static let plainByteClasses: [UInt8] = (0...255).map { value in
    let byte = UInt8(value)
    var bits: UInt8 = 0
    if GoText.isASCIISpace(byte) { bits |= spaceClass }
    if GoText.isTokenSpace(byte) { bits |= tokenSpaceClass }
    if byte == UInt8(ascii: "=") { bits |= equalsClass }
    if byte >= 0x80 || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == GoText.backslash || byte == GoText.backtick {
      bits |= specialClass
    }
    return bits
  }

  /// Returns true when `range` is valid ENV or LABEL arguments made of ASCII bytes without quotes
  /// or escape characters. Such words are runs of bytes other than white space, which this checks
  /// in one pass. False means that `nameValueError` must split the words.
  static func isPlainAndValid(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    plainByteClasses.withUnsafeBufferPointer { classes in
      var wordCount = 0
      var isLegacyForm = false
      var hasTokenSpace = false
      var index = range.lowerBound
      let end = range.upperBound
      while index < end {
        var bits = classes[Int(bytes[index])]
        if bits & spaceClass != 0 {
          if bits & tokenSpaceClass != 0 { hasTokenSpace = true }
          index += 1
          continue
        }
        var wordBits: UInt8 = 0
        repeat {
          wordBits |= bits
          index += 1
          if index == end { break }
          bits = classes[Int(bytes[index])]
        } while bits & spaceClass == 0
        if wordBits & specialClass != 0 { return false }
        wordCount += 1
        let hasEquals = wordBits & equalsClass != 0
        if wordCount == 1 {
          isLegacyForm = !hasEquals
        } else if !isLegacyForm && !hasEquals {
          return false
        }
      }
      return !isLegacyForm || hasTokenSpace
    }
  }

  /// Splits ENV or LABEL arguments into name and value pairs: the legacy `name value` form when
  /// the first word has no `=`, otherwise `name=value` words. `keyword` is `ENV` or `LABEL`, as
  /// BuildKit names it in its messages.
  static func nameValuePairs(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, escape: UInt8, keyword: String
  ) -> Result<[(name: [UInt8], value: [UInt8])], NameValueError> {
    let words = words(bytes, range, escape: escape)
    guard let first = words.first else { return .success([]) }
    if !first.text.contains(UInt8(ascii: "=")) {
      var index = range.lowerBound
      while index < range.upperBound && !GoText.isTokenSpace(bytes[index]) { index += 1 }
      guard index < range.upperBound else {
        return .failure(NameValueError(message: "\(keyword) must have two arguments", range: range))
      }
      let name = Array(UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<index]))
      while index < range.upperBound && GoText.isTokenSpace(bytes[index]) { index += 1 }
      let value = Array(UnsafeBufferPointer(rebasing: bytes[index..<range.upperBound]))
      return .success([(name, value)])
    }
    var pairs: [(name: [UInt8], value: [UInt8])] = []
    for word in words {
      guard let equals = word.text.firstIndex(of: UInt8(ascii: "=")) else {
        let text = String(decoding: word.text, as: UTF8.self)
        let message = "Syntax error - can't find = in \(GoText.quoted(text)). Must be of the form: name=value"
        return .failure(NameValueError(message: message, range: word.range))
      }
      pairs.append((Array(word.text[..<equals]), Array(word.text[(equals + 1)...])))
    }
    return .success(pairs)
  }
}
