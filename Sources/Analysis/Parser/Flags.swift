/// A `--name[=value]` word found before an instruction's arguments, in logical coordinates.
struct ScannedFlag {
  /// The raw word, `--` included.
  var range: Range<Int>
  /// The word after quote removal and backslash processing, as BuildKit reports it.
  var text: [UInt8]
  /// The logical index of the `=` that separates name and value, if any.
  var equalsIndex: Int?
}

/// Splits leading `--flag` words off an instruction's arguments the way BuildKit does.
///
/// BuildKit scans byte by byte: quotes group, a backslash (always `\`, whatever the escape
/// directive sets) takes the next byte literally, and bytes are read as Latin-1 code points, so
/// 0x85 and 0xA0 separate words. A lone `--` ends the flags and is dropped.
enum FlagScanner {
  /// Returns the flags and the logical index where the arguments start (`end` when the flags
  /// consume everything).
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (flags: [ScannedFlag], argumentsStart: Int) {
    var flags: [ScannedFlag] = []
    var index = start
    while true {
      while index < end && GoText.isLatin1Space(bytes[index]) { index += 1 }
      if index >= end { return (flags, end) }
      guard bytes[index] == UInt8(ascii: "-"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "-") else {
        return (flags, index)
      }
      let wordStart = index
      var text: [UInt8] = []
      var equalsIndex: Int?
      var quote: UInt8 = 0
      var hasQuote = false
      while index < end {
        let byte = bytes[index]
        if quote != 0 {
          if byte == quote {
            quote = 0
            index += 1
            continue
          }
        } else {
          if GoText.isLatin1Space(byte) { break }
          if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
            quote = byte
            hasQuote = true
            index += 1
            continue
          }
        }
        var literal = byte
        var literalIndex = index
        if byte == GoText.backslash {
          if index + 1 == end {
            index += 1
            continue
          }
          index += 1
          literal = bytes[index]
          literalIndex = index
        }
        if literal == UInt8(ascii: "=") && equalsIndex == nil { equalsIndex = literalIndex }
        GoText.appendLatin1(literal, to: &text)
        index += 1
      }
      if text == [UInt8(ascii: "-"), UInt8(ascii: "-")] {
        if index >= end { return (flags, end) }
        return (flags, index)
      }
      if !text.isEmpty || hasQuote {
        flags.append(ScannedFlag(range: wordStart..<index, text: text, equalsIndex: equalsIndex))
      }
    }
  }

  /// Builds the tree's `Flag` from a scanned word, mapping logical offsets through `map`.
  static func makeFlag(_ scanned: ScannedFlag, map line: LineMap) -> Flag {
    let text = scanned.text
    let nameStart = scanned.range.lowerBound + 2
    if let equals = text.firstIndex(of: UInt8(ascii: "=")) {
      let name = String(decoding: text[2..<equals], as: UTF8.self)
      let value = String(decoding: text[(equals + 1)...], as: UTF8.self)
      let rawEquals = scanned.equalsIndex ?? scanned.range.upperBound
      return Flag(
        range: line.sourceRange(scanned.range), name: name, value: value,
        nameRange: line.sourceRange(nameStart..<max(nameStart, rawEquals)),
        valueRange: line.sourceRange(min(rawEquals + 1, scanned.range.upperBound)..<scanned.range.upperBound))
    }
    let name = String(decoding: text.dropFirst(2), as: UTF8.self)
    return Flag(
      range: line.sourceRange(scanned.range), name: name, value: nil,
      nameRange: line.sourceRange(min(nameStart, scanned.range.upperBound)..<scanned.range.upperBound), valueRange: nil)
  }
}
