/// The result of reading arguments as a JSON array, following Go's `encoding/json` as BuildKit
/// uses it (`json.Unmarshal` into `[]any`).
enum JSONArrayParse {
  /// Not a valid JSON array, or nothing but white space may follow it: BuildKit falls back to
  /// shell form.
  case notJSON
  /// A JSON array of strings: `range` from `[` to `]`, each element's decoded value and range.
  case strings(range: Range<Int>, elements: [(value: String, range: Range<Int>)])
  /// A valid JSON array with an element that is not a string, which BuildKit rejects.
  case notAllStrings(firstOffender: Range<Int>)
}

/// Reads JSON arrays in exec-form arguments.
enum ExecFormParser {
  /// Go's `encoding/json` refuses nesting deeper than this.
  static let maxDepth = 10000

  /// Parses `start..<end`, which must begin with `[` to be JSON at all.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> JSONArrayParse {
    var reader = Reader(bytes: bytes, index: start, end: end)
    reader.skipWhitespace()
    guard reader.index < end, bytes[reader.index] == UInt8(ascii: "[") else { return .notJSON }
    let arrayStart = reader.index
    reader.index += 1

    var elements: [(value: String, range: Range<Int>)] = []
    var offender: Range<Int>?
    reader.skipWhitespace()
    if reader.peek() == UInt8(ascii: "]") {
      reader.index += 1
    } else {
      while true {
        reader.skipWhitespace()
        let elementStart = reader.index
        if reader.peek() == UInt8(ascii: "\"") {
          guard let value = reader.readString() else { return .notJSON }
          elements.append((String(decoding: value, as: UTF8.self), elementStart..<reader.index))
        } else {
          guard reader.skipValue() else { return .notJSON }
          if offender == nil { offender = elementStart..<reader.index }
        }
        reader.skipWhitespace()
        guard let separator = reader.peek() else { return .notJSON }
        reader.index += 1
        if separator == UInt8(ascii: "]") { break }
        guard separator == UInt8(ascii: ",") else { return .notJSON }
      }
    }

    let arrayEnd = reader.index
    reader.skipWhitespace()
    guard reader.index == end, !reader.hasOutOfRangeNumber else { return .notJSON }
    if let offender { return .notAllStrings(firstOffender: offender) }
    return .strings(range: arrayStart..<arrayEnd, elements: elements)
  }

  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    let end: Int
    /// A number too large for a float64 makes Go's decoder fail with a type error, which BuildKit
    /// treats like invalid JSON.
    var hasOutOfRangeNumber = false

    func peek() -> UInt8? { index < end ? bytes[index] : nil }

    mutating func skipWhitespace() {
      while index < end {
        let byte = bytes[index]
        guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
        index += 1
      }
    }

    /// Reads a string starting at `"` and returns its decoded bytes, or nil when it is invalid.
    mutating func readString() -> [UInt8]? {
      index += 1
      var output: [UInt8] = []
      while index < end {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          index += 1
          return output
        }
        if byte < 0x20 { return nil }
        if byte != GoText.backslash {
          output.append(byte)
          index += 1
          continue
        }
        guard index + 1 < end else { return nil }
        let escaped = bytes[index + 1]
        index += 2
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escaped)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
          guard let unit = readHex4() else { return nil }
          var scalar = Unicode.Scalar(unit)
          if unit >= 0xD800 && unit < 0xDC00 {
            // A high surrogate combines with a following `\uDC00`...`\uDFFF`; alone it is U+FFFD.
            let save = index
            if index + 1 < end, bytes[index] == GoText.backslash, bytes[index + 1] == UInt8(ascii: "u") {
              index += 2
              if let low = readHex4(), low >= 0xDC00 && low < 0xE000 {
                scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
              } else {
                index = save
              }
            }
          }
          output.append(contentsOf: Array(String(Character(scalar ?? "\u{FFFD}")).utf8))
        default:
          return nil
        }
      }
      return nil
    }

    private mutating func readHex4() -> UInt32? {
      guard index + 4 <= end else { return nil }
      var value: UInt32 = 0
      for offset in 0..<4 {
        let byte = bytes[index + offset]
        let digit: UInt32
        switch byte {
        case 0x30...0x39: digit = UInt32(byte - 0x30)
        case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
        case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
        default: return nil
        }
        value = value << 4 | digit
      }
      index += 4
      return value
    }

    /// Skips any JSON value; returns false when it is invalid. Containers are tracked on an
    /// explicit stack so deep nesting cannot overflow the call stack.
    mutating func skipValue() -> Bool {
      var stack: [UInt8] = []
      while true {
        skipWhitespace()
        guard let byte = peek() else { return false }
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
          guard stack.count < ExecFormParser.maxDepth else { return false }
          index += 1
          stack.append(byte)
          skipWhitespace()
          if peek() == (byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")) {
            index += 1
            stack.removeLast()
            if !closeAfterValue(&stack) { return false }
            if stack.isEmpty { return true }
            continue
          }
          if byte == UInt8(ascii: "{") && !readKey() { return false }
          continue
        case UInt8(ascii: "\""):
          guard readString() != nil else { return false }
        case UInt8(ascii: "t"):
          guard readLiteral("true") else { return false }
        case UInt8(ascii: "f"):
          guard readLiteral("false") else { return false }
        case UInt8(ascii: "n"):
          guard readLiteral("null") else { return false }
        default:
          guard readNumber() else { return false }
        }
        if !closeAfterValue(&stack) { return false }
        if stack.isEmpty { return true }
      }
    }

    /// After a value inside containers: reads `,` (and the next key in an object) or closes
    /// containers. Returns false on invalid input.
    private mutating func closeAfterValue(_ stack: inout [UInt8]) -> Bool {
      while let top = stack.last {
        skipWhitespace()
        guard let byte = peek() else { return false }
        if byte == UInt8(ascii: ",") {
          index += 1
          if top == UInt8(ascii: "{") { return readKey() }
          return true
        }
        let closer = top == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
        guard byte == closer else { return false }
        index += 1
        stack.removeLast()
      }
      return true
    }

    private mutating func readKey() -> Bool {
      skipWhitespace()
      guard peek() == UInt8(ascii: "\""), readString() != nil else { return false }
      skipWhitespace()
      guard peek() == UInt8(ascii: ":") else { return false }
      index += 1
      return true
    }

    private mutating func readLiteral(_ word: StaticString) -> Bool {
      let count = word.utf8CodeUnitCount
      guard index + count <= end else { return false }
      let pointer = word.utf8Start
      for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
      index += count
      return true
    }

    private mutating func readNumber() -> Bool {
      let start = index
      if peek() == UInt8(ascii: "-") { index += 1 }
      guard let first = peek(), first >= 0x30 && first <= 0x39 else { return false }
      index += 1
      if first != 0x30 { skipDigits() }
      if peek() == UInt8(ascii: ".") {
        index += 1
        guard skipDigits() > 0 else { return false }
      }
      if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
        index += 1
        if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
        guard skipDigits() > 0 else { return false }
      }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
      if let value = Double(text), value.isInfinite { hasOutOfRangeNumber = true }
      return true
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
      let start = index
      while index < end && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
      return index - start
    }
  }
}
