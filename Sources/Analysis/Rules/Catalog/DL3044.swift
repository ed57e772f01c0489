/// Reports a reference in `ENV` to a variable that an earlier pair of the same `ENV` sets.
struct DL3044: Rule {
  static let id = "DL3044"
  static let title = "Do not refer to a variable set in the same ENV"
  static let defaultSeverity = Severity.error
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    The builder expands every value of an `ENV` with the environment from before that `ENV`. \
    In `ENV DIR=/opt/app PATH=$DIR/bin:$PATH`, `$DIR` is therefore not `/opt/app` but \
    whatever `DIR` was before (usually empty), so `PATH` gets `/bin` instead of `/opt/app/bin`. \
    Setting the variable in an earlier `ENV` makes the reference see the new value.

    A pair that refers to its own variable (`PATH=/x:$PATH`) is the usual way to extend a \
    value and is fine, and so is a reference to a variable that a later pair sets. hadolint \
    stays quiet when the variable was also set before this `ENV`, although the reference \
    still reads the old value; this rule reports it, and does not report references to \
    later pairs, which hadolint does. Every stage is checked.

    ## Example
    ```dockerfile
    FROM debian:12
    ENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    ENV APP_HOME=/opt/app
    ENV APP_BIN=$APP_HOME/bin
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let escape = context.tree.escapeCharacter
    for instruction in context.instructions where instruction.kind == .env {
      let words = instruction.arguments.bytes.withUnsafeBufferPointer { BuildKitWords.words($0, 0..<$0.count, escape: escape) }
      // The legacy form `ENV NAME value` sets one variable.
      guard let first = words.first, first.text.contains(UInt8(ascii: "=")) else { continue }
      var earlierNames: Set<String> = []
      for word in words {
        guard let equals = word.text.firstIndex(of: UInt8(ascii: "=")) else { break }
        let name = String(decoding: word.text[..<equals], as: UTF8.self)
        for reference in Self.references(in: word.text, from: equals + 1, escape: escape) where earlierNames.contains(reference.name) {
          let logical = (word.range.lowerBound + reference.range.lowerBound)..<(word.range.lowerBound + reference.range.upperBound)
          let text = String(decoding: word.text[reference.range], as: UTF8.self)
          findings.append(finding(instruction.arguments.sourceRange(logical),
                                  "`\(text)` reads the value from before this `ENV`, not the one set earlier in it"))
        }
        earlierNames.insert(name)
      }
    }
  }

  /// Returns the variable references (`$NAME`, `${NAME…}`) in `bytes` from `start`, outside
  /// single quotes and not escaped, with their ranges in `bytes`.
  static func references(in bytes: [UInt8], from start: Int, escape: UInt8) -> [(name: String, range: Range<Int>)] {
    func isNameByte(_ byte: UInt8) -> Bool {
      (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }
    var result: [(name: String, range: Range<Int>)] = []
    var inSingleQuotes = false
    var inDoubleQuotes = false
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      if inSingleQuotes {
        if byte == UInt8(ascii: "'") { inSingleQuotes = false }
        index += 1
        continue
      }
      if byte == escape {
        index += 2
        continue
      }
      if byte == UInt8(ascii: "'") && !inDoubleQuotes {
        inSingleQuotes = true
      } else if byte == UInt8(ascii: "\"") {
        inDoubleQuotes.toggle()
      } else if byte == UInt8(ascii: "$"), index + 1 < bytes.count {
        let braced = bytes[index + 1] == UInt8(ascii: "{")
        let nameStart = braced ? index + 2 : index + 1
        var nameEnd = nameStart
        while nameEnd < bytes.count && isNameByte(bytes[nameEnd]) { nameEnd += 1 }
        if nameEnd > nameStart {
          var end = nameEnd
          if braced {
            end = bytes[nameEnd...].firstIndex(of: UInt8(ascii: "}")).map { $0 + 1 } ?? bytes.count
          }
          result.append((String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self), index..<end))
          index = end
          continue
        }
      }
      index += 1
    }
    return result
  }
}
