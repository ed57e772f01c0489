/// Recognizes parser directives (`# syntax=`, `# escape=`, `# check=`) at the top of a file.
///
/// BuildKit reads directives only until the first line that is not one: a blank line, a plain
/// comment, an unknown directive name or an instruction ends the prologue. A second directive with
/// the same name and an escape value other than `\` or a backtick make BuildKit reject the file.
struct DirectiveScanner {
  var isDone = false
  var seenNames: [String] = []

  enum Outcome {
    /// The line is a directive. `error` is set when BuildKit rejects it.
    case directive(Directive, error: SyntaxError?)
    /// The line is not a directive; the prologue has ended.
    case notDirective
  }

  static let knownNames: Set<String> = ["syntax", "escape", "check"]

  /// Checks the line `start..<contentEnd` (byte order mark already skipped), whose node covers
  /// `lineRange`.
  mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, contentEnd: Int, lineRange: Range<Int>) -> Outcome {
    guard !isDone else { return .notDirective }
    guard let match = Self.match(bytes, start: start, end: contentEnd) else {
      isDone = true
      return .notDirective
    }
    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[match.name]), as: UTF8.self).lowercased()
    guard Self.knownNames.contains(name) else {
      isDone = true
      return .notDirective
    }
    let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[match.value]), as: UTF8.self)
    let directive = Directive(range: lineRange, name: name, value: value, nameRange: match.name, valueRange: match.value)
    let errorRange = match.name.lowerBound..<match.value.upperBound
    if seenNames.contains(name) {
      return .directive(directive, error: SyntaxError(range: errorRange, message: "only one \(name) parser directive can be used", isFatal: true))
    }
    seenNames.append(name)
    if name == "escape" && value != "\\" && value != "`" {
      let message = "invalid escape token '\(value)' does not match ` or \\"
      return .directive(directive, error: SyntaxError(range: match.value, message: message, isFatal: true))
    }
    return .directive(directive, error: nil)
  }

  /// Matches `#`, white space, `name`, `\s*=\s*`, a value, and trailing `\s*`, where the name is a
  /// letter followed by letters and digits and `\s` is Go's regular expression class `[\t\n\f\r ]`.
  static func match(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> (name: Range<Int>, value: Range<Int>)? {
    var index = GoText.skipSpaces(bytes, from: start, to: end)
    guard index < end, bytes[index] == GoText.hash else { return nil }
    index = GoText.skipSpaces(bytes, from: index + 1, to: end)
    let nameStart = index
    guard index < end, isLetter(bytes[index]) else { return nil }
    index += 1
    while index < end && (isLetter(bytes[index]) || (bytes[index] >= 0x30 && bytes[index] <= 0x39)) {
      index += 1
    }
    let nameEnd = index
    while index < end && isRegexSpace(bytes[index]) { index += 1 }
    guard index < end, bytes[index] == UInt8(ascii: "=") else { return nil }
    index += 1
    while index < end && isRegexSpace(bytes[index]) { index += 1 }
    var valueEnd = end
    while valueEnd > index && isRegexSpace(bytes[valueEnd - 1]) { valueEnd -= 1 }
    guard valueEnd > index else { return nil }
    return (nameStart..<nameEnd, index..<valueEnd)
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  private static func isRegexSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
  }
}
