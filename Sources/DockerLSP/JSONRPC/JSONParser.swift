/// The reason a byte sequence is not valid JSON, and the byte offset where parsing stopped.
struct JSONParseError: Error, Equatable, CustomStringConvertible {
  var offset: Int
  var reason: String

  var description: String { "Invalid JSON at byte \(offset): \(reason)" }
}

/// A byte-level JSON parser (RFC 8259) that builds `JSONValue`s without going through Foundation.
///
/// Raw string bytes that are not valid UTF-8 are repaired with U+FFFD rather than rejected, so a
/// client that sends binary file content still gets served. Escaped surrogates must come in
/// pairs, because a lone surrogate has no Unicode scalar to decode to.
enum JSONParser {
  /// Nesting deeper than this is rejected, so hostile input cannot overflow the stack.
  static let maxDepth = 512

  static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
      try parse(buffer)
    }
  }

  static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  /// Parses exactly one JSON value surrounded by optional whitespace.
  static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
    var reader = ByteReader(bytes: buffer)
    reader.skipWhitespace()
    let value = try reader.readValue(depth: 0)
    reader.skipWhitespace()
    if reader.index < buffer.count {
      throw reader.error("unexpected \(reader.describeByte(at: reader.index)) after the value")
    }
    return value
  }
}

/// The cursor of one parse.
private struct ByteReader {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  func error(_ reason: String, at offset: Int? = nil) -> JSONParseError {
    JSONParseError(offset: offset ?? index, reason: reason)
  }

  func describeByte(at offset: Int) -> String {
    guard offset < bytes.count else { return "end of input" }
    let byte = bytes[offset]
    if byte >= 0x21 && byte < 0x7F { return "character '\(Character(UnicodeScalar(byte)))'" }
    let hex = String(byte, radix: 16, uppercase: true)
    return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  mutating func readValue(depth: Int) throws(JSONParseError) -> JSONValue {
    guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try readObject(depth: depth + 1)
    case UInt8(ascii: "["): return try readArray(depth: depth + 1)
    case UInt8(ascii: "\""): return .string(try readString())
    case UInt8(ascii: "t"): try readLiteral("true"); return .bool(true)
    case UInt8(ascii: "f"): try readLiteral("false"); return .bool(false)
    case UInt8(ascii: "n"): try readLiteral("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
    default: throw error("unexpected \(describeByte(at: index)), expected a value")
    }
  }

  mutating func readLiteral(_ word: StaticString) throws(JSONParseError) {
    let start = index
    let length = word.utf8CodeUnitCount
    for offset in 0..<length {
      guard index < bytes.count, bytes[index] == word.utf8Start[offset] else {
        throw error("invalid literal, expected '\(word)'", at: start)
      }
      index += 1
    }
  }

  mutating func readObject(depth: Int) throws(JSONParseError) -> JSONValue {
    if depth > JSONParser.maxDepth { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
    index += 1
    var object = JSONObject()
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(object)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("unexpected \(describeByte(at: index)), expected a member name string")
      }
      let key = try readString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("unexpected \(describeByte(at: index)), expected ':' after a member name")
      }
      index += 1
      skipWhitespace()
      object[key] = try readValue(depth: depth)
      skipWhitespace()
      guard index < bytes.count else { throw error("unterminated object, expected ',' or '}'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(object)
      } else {
        throw error("unexpected \(describeByte(at: index)), expected ',' or '}'")
      }
    }
  }

  mutating func readArray(depth: Int) throws(JSONParseError) -> JSONValue {
    if depth > JSONParser.maxDepth { throw error("nesting deeper than \(JSONParser.maxDepth) levels") }
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try readValue(depth: depth))
      skipWhitespace()
      guard index < bytes.count else { throw error("unterminated array, expected ',' or ']'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      } else {
        throw error("unexpected \(describeByte(at: index)), expected ',' or ']'")
      }
    }
  }

  /// Reads a string starting at its opening quote. Strings without escapes are decoded straight
  /// from the input; others are unescaped into a scratch buffer.
  mutating func readString() throws(JSONParseError) -> String {
    let quote = index
    index += 1
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw error("unescaped control character 0x\(String(byte, radix: 16)) in a string") }
      index += 1
    }
    guard index < bytes.count else { throw error("unterminated string", at: quote) }

    var scratch: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < bytes.count {
      // Copy the run of plain bytes up to the next quote, backslash or control byte at once: a
      // document's text is mostly such runs between `\n` escapes.
      let runStart = index
      while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
        index += 1
      }
      scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
      guard index < bytes.count else { break }
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return String(decoding: scratch, as: UTF8.self)
      }
      if byte < 0x20 { throw error("unescaped control character 0x\(String(byte, radix: 16)) in a string") }
      try readEscape(into: &scratch)
    }
    throw error("unterminated string", at: quote)
  }

  /// Decodes one escape sequence that starts at the backslash under the cursor.
  mutating func readEscape(into scratch: inout [UInt8]) throws(JSONParseError) {
    let escapeStart = index
    index += 1
    guard index < bytes.count else { throw error("unterminated string", at: escapeStart) }
    let letter = bytes[index]
    index += 1
    switch letter {
    case UInt8(ascii: "\""): scratch.append(0x22)
    case UInt8(ascii: "\\"): scratch.append(0x5C)
    case UInt8(ascii: "/"): scratch.append(0x2F)
    case UInt8(ascii: "b"): scratch.append(0x08)
    case UInt8(ascii: "f"): scratch.append(0x0C)
    case UInt8(ascii: "n"): scratch.append(0x0A)
    case UInt8(ascii: "r"): scratch.append(0x0D)
    case UInt8(ascii: "t"): scratch.append(0x09)
    case UInt8(ascii: "u"):
      let unit = try readHexUnit(escapeStart: escapeStart)
      var scalarValue = UInt32(unit)
      if (0xD800...0xDBFF).contains(unit) {
        let lowStart = index
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
          throw error("high surrogate \\u\(hex(unit)) is not followed by a low surrogate", at: escapeStart)
        }
        index += 2
        let low = try readHexUnit(escapeStart: lowStart)
        guard (0xDC00...0xDFFF).contains(low) else {
          throw error("high surrogate \\u\(hex(unit)) is followed by \\u\(hex(low)), not a low surrogate", at: escapeStart)
        }
        scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
      } else if (0xDC00...0xDFFF).contains(unit) {
        throw error("low surrogate \\u\(hex(unit)) without a preceding high surrogate", at: escapeStart)
      }
      // Every value left is a valid scalar: surrogates were combined or rejected above.
      let scalar = UnicodeScalar(scalarValue)!
      scratch.append(contentsOf: String(Character(scalar)).utf8)
    default:
      let escapeText = letter >= 0x21 && letter < 0x7F ? "'\\\(Character(UnicodeScalar(letter)))'" : describeByte(at: index - 1)
      throw error("invalid escape \(escapeText) in a string", at: escapeStart)
    }
  }

  mutating func readHexUnit(escapeStart: Int) throws(JSONParseError) -> UInt16 {
    guard index + 4 <= bytes.count else { throw error("incomplete \\u escape", at: escapeStart) }
    var value: UInt16 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("invalid hex digit in \\u escape", at: index)
      }
      value = value << 4 | UInt16(digit)
      index += 1
    }
    return value
  }

  func hex(_ unit: UInt16) -> String {
    let digits = String(unit, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// Reads a number with the RFC 8259 grammar: no leading zeros, no leading '+', digits required
  /// after '.' and in an exponent.
  mutating func readNumber() throws(JSONParseError) -> JSONValue {
    let start = index
    var isInteger = true
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit after '-'", at: index) }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count, isDigit(bytes[index]) { throw error("leading zero in a number", at: start) }
    } else {
      skipDigits()
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit after '.'") }
      skipDigits()
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      isInteger = false
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit in the exponent") }
      skipDigits()
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    if isInteger, let value = Int(text) { return .int(value) }
    guard let value = Double(text) else { throw error("number out of range", at: start) }
    return .double(value)
  }

  func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  mutating func skipDigits() {
    while index < bytes.count, isDigit(bytes[index]) { index += 1 }
  }
}
