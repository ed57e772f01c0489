/// Checks of label keys and of label values against the kinds of a label schema.
enum LabelValues {
  /// Returns whether `value` has the form that `type` requires. Any value is valid `text`.
  static func isValid(_ value: String, as type: RuleSettings.LabelType) -> Bool {
    switch type {
    case .text: return true
    case .url: return isURL(value)
    case .semver: return isSemanticVersion(value)
    case .hash: return isGitHash(value)
    case .rfc3339: return isRFC3339(value)
    case .spdx: return SPDXExpression.isValid(value)
    case .email: return isEmailAddress(value)
    }
  }

  /// Returns why `key` is not a valid label key by Docker's recommendation (lower-case letters,
  /// digits, `.` and `-`, starting with a letter, ending with a letter or digit, no repeated
  /// separator, no reserved namespace), or nil when it is valid.
  static func keyProblem(_ key: String) -> String? {
    for prefix in ["com.docker.", "io.docker.", "org.dockerproject."] where key.hasPrefix(prefix) {
      return "uses the namespace `\(prefix)` that Docker reserves"
    }
    if !key.allSatisfy({ isLowerLetter($0) || $0.isASCIIDecimalDigit || $0 == "." || $0 == "-" }) {
      return "should contain only lower-case letters, digits, `.` and `-`"
    }
    if let first = key.first, !isLowerLetter(first) { return "should start with a lower-case letter" }
    if let last = key.last, !(isLowerLetter(last) || last.isASCIIDecimalDigit) { return "should end with a lower-case letter or digit" }
    if key.contains("..") || key.contains("--") { return "should not repeat `.` or `-`" }
    return nil
  }

  private static func isLowerLetter(_ character: Character) -> Bool { ("a"..."z").contains(character) }
  private static func isLetter(_ character: Character) -> Bool { isLowerLetter(character) || ("A"..."Z").contains(character) }
  private static func isHexDigit(_ character: Character) -> Bool {
    character.isASCIIDecimalDigit || ("a"..."f").contains(character) || ("A"..."F").contains(character)
  }

  /// Returns whether `value` is an absolute URI by RFC 3986: a scheme, `:`, then only URI
  /// characters, `%` escapes of two hex digits and at most one `#`.
  static func isURL(_ value: String) -> Bool {
    guard let colon = value.firstIndex(of: ":") else { return false }
    let scheme = value[..<colon]
    guard let first = scheme.first, isLetter(first),
      scheme.allSatisfy({ isLetter($0) || $0.isASCIIDecimalDigit || $0 == "+" || $0 == "-" || $0 == "." })
    else { return false }
    let allowed = Set("-._~:/?#[]@!$&'()*+,;=")
    let rest = Array(value[value.index(after: colon)...])
    var index = 0
    var fragments = 0
    while index < rest.count {
      let character = rest[index]
      if character == "%" {
        guard index + 2 < rest.count, isHexDigit(rest[index + 1]), isHexDigit(rest[index + 2]) else { return false }
        index += 3
        continue
      }
      guard character.isASCII, isLetter(character) || character.isASCIIDecimalDigit || allowed.contains(character) else { return false }
      if character == "#" { fragments += 1 }
      index += 1
    }
    return fragments <= 1
  }

  /// Returns whether `value` is a full date and time by RFC 3339, such as
  /// `2024-05-01T12:30:00Z` or `2024-05-01t12:30:00.5+02:00`, with valid calendar dates.
  static func isRFC3339(_ value: String) -> Bool {
    let characters = Array(value)
    var index = 0
    func number(_ digits: Int) -> Int? {
      guard index + digits <= characters.count else { return nil }
      let slice = characters[index..<(index + digits)]
      guard slice.allSatisfy(\.isASCIIDecimalDigit) else { return nil }
      index += digits
      return Int(String(slice))
    }
    func expect(_ options: Set<Character>) -> Bool {
      guard index < characters.count, options.contains(characters[index]) else { return false }
      index += 1
      return true
    }
    guard let year = number(4), expect(["-"]), let month = number(2), expect(["-"]), let day = number(2),
      expect(["T", "t"]), let hour = number(2), expect([":"]), let minute = number(2), expect([":"]), let second = number(2)
    else { return false }
    guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
      hour < 24, minute < 60, second <= 60
    else { return false }
    if index < characters.count, characters[index] == "." {
      index += 1
      let start = index
      while index < characters.count, characters[index].isASCIIDecimalDigit { index += 1 }
      guard index > start else { return false }
    }
    if expect(["Z", "z"]) { return index == characters.count }
    guard expect(["+", "-"]), let offsetHours = number(2), expect([":"]), let offsetMinutes = number(2) else { return false }
    return offsetHours < 24 && offsetMinutes < 60 && index == characters.count
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Returns whether `value` is a git commit hash: 7 to 64 lower-case hex digits, which covers
  /// abbreviated hashes, full SHA-1 hashes (40) and full SHA-256 hashes (64).
  static func isGitHash(_ value: String) -> Bool {
    (7...64).contains(value.count) && value.allSatisfy { $0.isASCIIDecimalDigit || ("a"..."f").contains($0) }
  }

  /// Returns whether `value` is a version by Semantic Versioning 2.0.0, such as `1.2.3`,
  /// `1.0.0-rc.1` or `2.0.0+build.5`, without a leading `v`.
  static func isSemanticVersion(_ value: String) -> Bool {
    var core = Substring(value)
    var build: Substring?
    var prerelease: Substring?
    if let plus = core.firstIndex(of: "+") {
      build = core[core.index(after: plus)...]
      core = core[..<plus]
    }
    if let dash = core.firstIndex(of: "-") {
      prerelease = core[core.index(after: dash)...]
      core = core[..<dash]
    }
    func isIdentifier(_ part: Substring) -> Bool {
      !part.isEmpty && part.allSatisfy { isLetter($0) || $0.isASCIIDecimalDigit || $0 == "-" }
    }
    func isNumber(_ part: Substring) -> Bool {
      !part.isEmpty && part.allSatisfy(\.isASCIIDecimalDigit) && (part == "0" || part.first != "0")
    }
    let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
    guard numbers.count == 3, numbers.allSatisfy(isNumber) else { return false }
    if let prerelease {
      let parts = prerelease.split(separator: ".", omittingEmptySubsequences: false)
      // A numeric pre-release identifier must not have leading zeros.
      guard parts.allSatisfy({ isIdentifier($0) && (!$0.allSatisfy(\.isASCIIDecimalDigit) || isNumber($0)) }) else { return false }
    }
    if let build {
      guard build.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(isIdentifier) else { return false }
    }
    return true
  }

  /// Returns whether `value` is an address by RFC 5322's `addr-spec`: a dot-atom or quoted
  /// local part, `@`, and a dot-atom domain or a `[…]` domain literal. Display names such as
  /// `Team <team@example.com>` are not accepted.
  static func isEmailAddress(_ value: String) -> Bool {
    guard let at = value.lastIndex(of: "@") else { return false }
    let local = value[..<at]
    let domain = value[value.index(after: at)...]
    let localValid: Bool
    if local.count >= 2, local.first == "\"", local.last == "\"" {
      let inner = Array(local.dropFirst().dropLast())
      var index = 0
      var valid = true
      while index < inner.count {
        let character = inner[index]
        if character == "\\" {
          valid = index + 1 < inner.count
          index += 2
        } else {
          valid = character != "\"" && character.isASCII && !(character.asciiValue.map { $0 < 32 } ?? true)
          index += 1
        }
        if !valid { break }
      }
      localValid = valid
    } else {
      localValid = isDotAtom(local)
    }
    guard localValid else { return false }
    if domain.first == "[", domain.last == "]", domain.count >= 2 {
      return domain.dropFirst().dropLast().allSatisfy { $0.isASCII && $0 != "[" && $0 != "]" && $0 != "\\" && $0 != " " }
    }
    return isDotAtom(domain)
  }

  private static func isDotAtom(_ text: Substring) -> Bool {
    let atext = Set("!#$%&'*+-/=?^_`{|}~")
    let atoms = text.split(separator: ".", omittingEmptySubsequences: false)
    return atoms.allSatisfy { atom in
      !atom.isEmpty && atom.allSatisfy { $0.isASCII && (isLetter($0) || $0.isASCIIDecimalDigit || atext.contains($0)) }
    }
  }
}
