/// Writes `JSONValue`s as compact UTF-8 JSON.
///
/// Non-ASCII text is written as raw UTF-8; only `"`, `\` and control characters are escaped.
/// Non-finite doubles have no JSON form and are written as `null`.
struct JSONSerializer {
  private(set) var bytes: [UInt8] = []

  init(reservingCapacity capacity: Int = 256) {
    bytes.reserveCapacity(capacity)
  }

  static func serialize(_ value: JSONValue) -> [UInt8] {
    var serializer = JSONSerializer()
    serializer.write(value)
    return serializer.bytes
  }

  mutating func write(_ value: JSONValue) {
    switch value {
    case .null:
      append("null")
    case .bool(let flag):
      append(flag ? "true" : "false")
    case .int(let number):
      writeInt(number)
    case .double(let number):
      if number.isFinite {
        bytes.append(contentsOf: number.description.utf8)
      } else {
        append("null")
      }
    case .string(let text):
      writeString(text)
    case .array(let elements):
      bytes.append(UInt8(ascii: "["))
      for (position, element) in elements.enumerated() {
        if position > 0 { bytes.append(UInt8(ascii: ",")) }
        write(element)
      }
      bytes.append(UInt8(ascii: "]"))
    case .object(let object):
      bytes.append(UInt8(ascii: "{"))
      for (position, entry) in object.entries.enumerated() {
        if position > 0 { bytes.append(UInt8(ascii: ",")) }
        writeString(entry.key)
        bytes.append(UInt8(ascii: ":"))
        write(entry.value)
      }
      bytes.append(UInt8(ascii: "}"))
    }
  }

  /// Appends `literal` unchanged; it must already be valid JSON text.
  mutating func append(_ literal: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  /// Appends `text` unchanged; it must already be valid JSON text.
  mutating func appendEncoded(_ text: [UInt8]) {
    bytes.append(contentsOf: text)
  }

  mutating func appendEncoded(_ text: ArraySlice<UInt8>) {
    bytes.append(contentsOf: text)
  }

  /// Writes the decimal digits of `number` without allocating a String.
  mutating func writeInt(_ number: Int) {
    if number < 0 { bytes.append(UInt8(ascii: "-")) }
    // The magnitude of Int.min does not fit in Int, so the digits come from the UInt magnitude.
    var magnitude = number.magnitude
    var divisor: UInt = 1
    while divisor <= magnitude / 10 { divisor *= 10 }
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
      magnitude %= divisor
      divisor /= 10
    }
  }

  /// Writes `text` as a quoted JSON string, copying runs of bytes that need no escape in one go.
  mutating func writeString(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var runStart = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        appendEscape(for: byte)
        runStart = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func appendEscape(for byte: UInt8) {
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
    case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    case 0x08: bytes.append(UInt8(ascii: "b"))
    case 0x0C: bytes.append(UInt8(ascii: "f"))
    default:
      let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
      bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
      bytes.append(hexDigits[Int(byte >> 4)])
      bytes.append(hexDigits[Int(byte & 0x0F)])
    }
  }
}

extension JSONValue {
  /// The compact UTF-8 JSON text of the value.
  var serialized: [UInt8] { JSONSerializer.serialize(self) }

  /// The compact JSON text as a String, for tests and logs.
  var jsonText: String { String(decoding: serialized, as: UTF8.self) }
}

extension JSONValue: CustomStringConvertible {
  /// The compact JSON text, so test failures and logs show readable values.
  var description: String { jsonText }
}
