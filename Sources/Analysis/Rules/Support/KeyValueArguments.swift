/// One `key=value` of a LABEL or ENV instruction, or one `name[=default]` of an ARG, after
/// quote removal, with the source ranges of the key and the value as written.
struct KeyValueEntry {
  var key: String
  var keyRange: Range<Int>
  /// The value after quote removal; nil for an ARG without a default.
  var value: String?
  /// The value as written, quotes included; empty and placed after `=` for an empty value.
  var valueRange: Range<Int>?
  /// Whether the key contains a `$` expansion, so its final text is unknown.
  var keyHasExpansion: Bool
  /// Whether the value contains a `$` expansion, so its final text is unknown.
  var valueHasExpansion: Bool
}

/// Splits the arguments of LABEL, ENV and ARG the way BuildKit does, keeping source ranges.
enum KeyValueArguments {
  /// Returns the entries of a LABEL, ENV or ARG instruction (not ONBUILD; pass its trigger),
  /// or an empty list for other instructions and for arguments that BuildKit rejects.
  static func entries(of instruction: Instruction, escape: UInt8) -> [KeyValueEntry] {
    guard [.label, .env, .arg].contains(instruction.kind) else { return [] }
    let arguments = instruction.arguments
    return arguments.bytes.withUnsafeBufferPointer { bytes -> [KeyValueEntry] in
      let all = 0..<bytes.count
      let words = BuildKitWords.words(bytes, all, escape: escape)
      guard let first = words.first else { return [] }
      func equalsIndex(_ word: ArgumentWord) -> Int? { word.range.first { bytes[$0] == UInt8(ascii: "=") } }

      // The legacy `LABEL key value` and `ENV key value` form: one pair, the value is the rest.
      if instruction.kind != .arg, equalsIndex(first) == nil {
        var keyEnd = 0
        while keyEnd < bytes.count && !GoText.isTokenSpace(bytes[keyEnd]) { keyEnd += 1 }
        guard keyEnd < bytes.count else { return [] }
        let valueStart = GoText.skipSpaces(bytes, from: keyEnd, to: bytes.count)
        return [entry(bytes, key: 0..<keyEnd, value: valueStart..<bytes.count, escape: escape, arguments: arguments)]
      }
      var result: [KeyValueEntry] = []
      for word in words {
        guard let equals = equalsIndex(word) else {
          if instruction.kind == .arg {
            result.append(entry(bytes, key: word.range, value: nil, escape: escape, arguments: arguments))
            continue
          }
          return []
        }
        result.append(entry(bytes, key: word.range.lowerBound..<equals, value: (equals + 1)..<word.range.upperBound, escape: escape, arguments: arguments))
      }
      return result
    }
  }

  private static func entry(
    _ bytes: UnsafeBufferPointer<UInt8>, key: Range<Int>, value: Range<Int>?, escape: UInt8, arguments: LogicalText
  ) -> KeyValueEntry {
    let keyText = unquote(bytes, key, escape: escape)
    let valueText = value.map { unquote(bytes, $0, escape: escape) }
    return KeyValueEntry(
      key: keyText.text, keyRange: arguments.sourceRange(key),
      value: valueText?.text, valueRange: value.map { $0.isEmpty ? arguments.sourceOffset($0.lowerBound)..<arguments.sourceOffset($0.lowerBound) : arguments.sourceRange($0) },
      keyHasExpansion: keyText.hasExpansion, valueHasExpansion: valueText?.hasExpansion ?? false)
  }

  /// Removes quotes and escape characters as BuildKit's word expansion does, and notes whether
  /// the text contains a `$` expansion outside single quotes.
  static func unquote(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, escape: UInt8) -> (text: String, hasExpansion: Bool) {
    var output: [UInt8] = []
    var hasExpansion = false
    var quote: UInt8 = 0
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      if quote == UInt8(ascii: "'") {
        if byte == quote { quote = 0 } else { output.append(byte) }
        index += 1
        continue
      }
      if byte == escape, index + 1 < range.upperBound {
        let next = bytes[index + 1]
        // Inside double quotes only `"`, `$` and the escape character itself are escaped.
        if quote == 0 || next == UInt8(ascii: "\"") || next == UInt8(ascii: "$") || next == escape {
          output.append(next)
        } else {
          output.append(contentsOf: [byte, next])
        }
        index += 2
        continue
      }
      if quote == 0 && (byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"")) {
        quote = byte
      } else if quote != 0 && byte == quote {
        quote = 0
      } else {
        if byte == UInt8(ascii: "$"), index + 1 < range.upperBound, isExpansionStart(bytes[index + 1]) { hasExpansion = true }
        output.append(byte)
      }
      index += 1
    }
    return (String(decoding: output, as: UTF8.self), hasExpansion)
  }

  private static func isExpansionStart(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "{") || byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }
}
