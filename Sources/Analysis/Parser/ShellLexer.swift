/// The part of BuildKit's shell lexer (`frontend/dockerfile/shell`) that decides word boundaries
/// and lexing errors for heredoc detection. It follows the lexer's grammar for quotes, `\` escapes
/// and `$name` or `${...}` expansions without expanding anything.
struct ShellLexer {
  let bytes: UnsafeBufferPointer<UInt8>
  var index: Int
  let end: Int

  private static let dollar = UInt8(ascii: "$")
  private static let openBrace = UInt8(ascii: "{")
  private static let closeBrace = UInt8(ascii: "}")
  private static let singleQuote = UInt8(ascii: "'")
  private static let doubleQuote = UInt8(ascii: "\"")

  private var peek: UInt8? { index < end ? bytes[index] : nil }

  /// Calls `visit` with the range of each word in order, without collecting them. Returns false
  /// when the lexer reports an error, possibly after some words were visited.
  mutating func forEachWord(_ visit: (Range<Int>) -> Void) -> Bool {
    var wordStart: Int?
    while index < end {
      let spaceLength = GoText.spaceLength(bytes, at: index, end: end)
      if spaceLength > 0 {
        if let start = wordStart { visit(start..<index) }
        wordStart = nil
        index += spaceLength
        continue
      }
      if wordStart == nil { wordStart = index }
      guard readUnit(stop: nil) else { return false }
    }
    if let start = wordStart { visit(start..<end) }
    return true
  }

  /// Reads one character, quoted string or expansion. Returns false on a lexing error.
  private mutating func readUnit(stop: UInt8?) -> Bool {
    let byte = bytes[index]
    switch byte {
    case Self.dollar:
      return readDollar()
    case Self.singleQuote:
      index += 1
      while let next = peek, next != Self.singleQuote { index += 1 }
      guard peek != nil else { return false }
      index += 1
      return true
    case Self.doubleQuote:
      return readDoubleQuoted()
    case GoText.backslash:
      index += 1
      if index < end { index += 1 } else if stop != nil { return false }
      return true
    default:
      index += 1
      return true
    }
  }

  /// Reads until `stop` (consumed), as the lexer does inside `${...}`.
  private mutating func read(until stop: UInt8) -> Bool {
    while let byte = peek {
      if byte == stop {
        index += 1
        return true
      }
      guard readUnit(stop: stop) else { return false }
    }
    return false
  }

  private mutating func readDoubleQuoted() -> Bool {
    index += 1
    while let byte = peek {
      switch byte {
      case Self.doubleQuote:
        index += 1
        return true
      case Self.dollar:
        guard readDollar() else { return false }
      case GoText.backslash:
        index += 1
        if let next = peek, next == Self.doubleQuote || next == Self.dollar || next == GoText.backslash { index += 1 }
      default:
        index += 1
      }
    }
    return false
  }

  private mutating func readDollar() -> Bool {
    index += 1
    guard peek == Self.openBrace else {
      readName()
      return true
    }
    index += 1
    guard let first = peek, first != Self.openBrace, first != Self.closeBrace, first != UInt8(ascii: ":") else { return false }
    readName()
    guard let modifier = peek else { return false }
    index += 1
    switch modifier {
    case Self.closeBrace:
      return true
    case UInt8(ascii: ":"):
      if index < end { index += 1 }
      return read(until: Self.closeBrace)
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"):
      return read(until: Self.closeBrace)
    case UInt8(ascii: "/"):
      if peek == UInt8(ascii: "/") { index += 1 }
      return read(until: UInt8(ascii: "/")) && read(until: Self.closeBrace)
    default:
      return false
    }
  }

  /// Skips a variable name: digits, one special parameter, or letters, digits and `_`.
  private mutating func readName() {
    guard let first = peek else { return }
    if first >= 0x30 && first <= 0x39 {
      while let byte = peek, byte >= 0x30 && byte <= 0x39 { index += 1 }
      return
    }
    switch first {
    case UInt8(ascii: "@"), UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: "-"), UInt8(ascii: "$"),
      UInt8(ascii: "!"):
      // A special parameter is one character long.
      index += 1
      return
    default:
      break
    }
    while let byte = peek, isNameByte(byte) { index += 1 }
  }

  private func isNameByte(_ byte: UInt8) -> Bool {
    // NOTE: every non-ASCII byte counts as part of a name, while Go accepts only Unicode letters
    // and digits there.
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte >= 0x80
  }
}
