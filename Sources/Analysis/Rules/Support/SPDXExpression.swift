/// SPDX license expressions: license identifiers joined with `AND`, `OR` and `WITH`.
enum SPDXExpression {
  /// Returns whether `value` is a license expression, such as `MIT`, `Apache-2.0 OR MIT`,
  /// `GPL-2.0-or-later WITH Classpath-exception-2.0` or `(MIT AND BSD-3-Clause)`. Identifiers
  /// and operators are compared with case, as their canonical spelling.
  static func isValid(_ value: String) -> Bool {
    var parser = Parser(tokens: tokens(value))
    guard !parser.tokens.isEmpty, parser.parseOr() else { return false }
    return parser.position == parser.tokens.count
  }

  private static func tokens(_ value: String) -> [String] {
    var result: [String] = []
    var current = ""
    for character in value {
      if character == " " || character == "(" || character == ")" {
        if !current.isEmpty { result.append(current) }
        current = ""
        if character != " " { result.append(String(character)) }
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  private struct Parser {
    let tokens: [String]
    var position = 0

    mutating func next() -> String? {
      guard position < tokens.count else { return nil }
      defer { position += 1 }
      return tokens[position]
    }

    func peek() -> String? { position < tokens.count ? tokens[position] : nil }

    mutating func parseOr() -> Bool {
      guard parseAnd() else { return false }
      while peek() == "OR" {
        position += 1
        guard parseAnd() else { return false }
      }
      return true
    }

    mutating func parseAnd() -> Bool {
      guard parseWith() else { return false }
      while peek() == "AND" {
        position += 1
        guard parseWith() else { return false }
      }
      return true
    }

    mutating func parseWith() -> Bool {
      guard parsePrimary() else { return false }
      if peek() == "WITH" {
        position += 1
        guard let exception = next() else { return false }
        return SPDXExpression.exceptions.contains(exception)
      }
      return true
    }

    mutating func parsePrimary() -> Bool {
      guard let token = next() else { return false }
      if token == "(" {
        guard parseOr(), next() == ")" else { return false }
        return true
      }
      return SPDXExpression.isLicense(token)
    }
  }

  /// Returns whether `token` is a listed license identifier, optionally with `+` ("or later"),
  /// or a user-defined `LicenseRef-…` (possibly prefixed with `DocumentRef-…:`).
  static func isLicense(_ token: String) -> Bool {
    var identifier = Substring(token)
    if let colon = identifier.firstIndex(of: ":") {
      guard identifier.hasPrefix("DocumentRef-"), isIDString(identifier[..<colon].dropFirst("DocumentRef-".count)) else { return false }
      identifier = identifier[identifier.index(after: colon)...]
      return identifier.hasPrefix("LicenseRef-") && isIDString(identifier.dropFirst("LicenseRef-".count))
    }
    if identifier.hasPrefix("LicenseRef-") { return isIDString(identifier.dropFirst("LicenseRef-".count)) }
    if identifier.hasSuffix("+") { identifier = identifier.dropLast() }
    return licenses.contains(String(identifier))
  }

  private static func isIDString(_ text: Substring) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
  }
}
