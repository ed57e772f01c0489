/// Byte-level helpers that reproduce the whitespace rules of Go's standard library, which
/// BuildKit's parser relies on (`unicode.IsSpace`, `strings.TrimSpace` and the regular expression
/// class `[\t\v\f\r ]`).
enum GoText {
  static let backslash = UInt8(ascii: "\\")
  static let backtick = UInt8(ascii: "`")
  static let newline = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let hash = UInt8(ascii: "#")
  static let space = UInt8(ascii: " ")
  static let tab = UInt8(ascii: "\t")

  /// ASCII bytes for which Go's `unicode.IsSpace` holds: `\t \n \v \f \r` and space.
  @inline(__always)
  static func isASCIISpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
  }

  /// Tests for the class `[\t\v\f\r ]` (no `\n`), at which BuildKit splits words and the keyword.
  @inline(__always)
  static func isTokenSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D
  }

  /// `unicode.IsSpace(rune(b))` for a single byte read as Latin-1, which is how BuildKit's flag
  /// and HEALTHCHECK scanners look at text: bytes 0x85 and 0xA0 count as spaces.
  @inline(__always)
  static func isLatin1Space(_ byte: UInt8) -> Bool {
    isASCIISpace(byte) || byte == 0x85 || byte == 0xA0
  }

  /// Returns the byte length of the Unicode white space character (Go's `unicode.IsSpace`) that
  /// starts at `index`, or 0 when there is none.
  @inline(__always)
  static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
    let lead = bytes[index]
    if lead < 0x80 { return isASCIISpace(lead) ? 1 : 0 }
    return multibyteSpaceLength(bytes, at: index, end: end)
  }

  static func multibyteSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
    let lead = bytes[index]
    if lead == 0xC2 {
      guard index + 1 < end else { return 0 }
      let next = bytes[index + 1]
      return next == 0x85 || next == 0xA0 ? 2 : 0
    }
    guard index + 2 < end else { return 0 }
    let second = bytes[index + 1]
    let third = bytes[index + 2]
    switch lead {
    case 0xE1:
      return second == 0x9A && third == 0x80 ? 3 : 0  // U+1680
    case 0xE2:
      if second == 0x80 && ((third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF) {
        return 3  // U+2000...U+200A, U+2028, U+2029, U+202F
      }
      return second == 0x81 && third == 0x9F ? 3 : 0  // U+205F
    case 0xE3:
      return second == 0x80 && third == 0x80 ? 3 : 0  // U+3000
    default:
      return 0
    }
  }

  /// Returns the byte length of the white space character that ends just before `end`, or 0.
  static func spaceLengthBefore(_ bytes: UnsafeBufferPointer<UInt8>, end: Int, start: Int) -> Int {
    guard end > start else { return 0 }
    let last = bytes[end - 1]
    if last < 0x80 { return isASCIISpace(last) ? 1 : 0 }
    if end - 2 >= start && bytes[end - 2] == 0xC2 { return multibyteSpaceLength(bytes, at: end - 2, end: end) }
    if end - 3 >= start { return multibyteSpaceLength(bytes, at: end - 3, end: end) == 3 ? 3 : 0 }
    return 0
  }

  /// Returns the first index at or after `start` that is not white space (`strings.TrimLeftFunc`).
  @inline(__always)
  static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    var index = start
    // Indentation is nearly always spaces and tabs, so skip those before the general test.
    while index < end && (bytes[index] == space || bytes[index] == tab) { index += 1 }
    while index < end {
      let length = spaceLength(bytes, at: index, end: end)
      if length == 0 { break }
      index += length
    }
    return index
  }

  /// Returns the end of `start..<end` once trailing white space is removed.
  static func trimTrailingSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    var index = end
    while index > start {
      let length = spaceLengthBefore(bytes, end: index, start: start)
      if length == 0 { break }
      index -= length
    }
    return index
  }

  /// `strings.TrimSpace` applied to a range.
  static func trimSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    let start = skipSpaces(bytes, from: range.lowerBound, to: range.upperBound)
    let end = trimTrailingSpaces(bytes, from: start, to: range.upperBound)
    return start..<end
  }

  /// Appends `byte` read as a Latin-1 code point, encoded in UTF-8, as Go does when a scanner
  /// converts single bytes to runes.
  @inline(__always)
  static func appendLatin1(_ byte: UInt8, to output: inout [UInt8]) {
    if byte < 0x80 {
      output.append(byte)
    } else {
      output.append(0xC0 | (byte >> 6))
      output.append(0x80 | (byte & 0x3F))
    }
  }

  /// Quotes `text` as Go's `%q` does for the messages BuildKit builds with it.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
