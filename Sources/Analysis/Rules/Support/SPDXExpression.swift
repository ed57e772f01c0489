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

  // NOTE: a selection of the SPDX License List (3.x), not all of it: the current identifiers of
  // commonly used licenses. An unlisted valid identifier is reported.
  static let licenses: Set<String> = [
    "0BSD", "AAL", "AFL-1.1", "AFL-1.2", "AFL-2.0", "AFL-2.1", "AFL-3.0", "AGPL-1.0-only", "AGPL-1.0-or-later",
    "AGPL-3.0-only", "AGPL-3.0-or-later", "Apache-1.0", "Apache-1.1", "Apache-2.0", "APSL-1.0", "APSL-2.0",
    "Artistic-1.0", "Artistic-1.0-Perl", "Artistic-2.0", "Beerware", "BlueOak-1.0.0", "BSD-1-Clause",
    "BSD-2-Clause", "BSD-2-Clause-Patent", "BSD-3-Clause", "BSD-3-Clause-Clear", "BSD-3-Clause-LBNL",
    "BSD-4-Clause", "BSD-Source-Code", "BSL-1.0", "BUSL-1.1", "bzip2-1.0.6", "CAL-1.0", "CC-BY-1.0", "CC-BY-2.0",
    "CC-BY-2.5", "CC-BY-3.0", "CC-BY-4.0", "CC-BY-NC-4.0", "CC-BY-NC-ND-4.0", "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0",
    "CC-BY-SA-2.0", "CC-BY-SA-3.0", "CC-BY-SA-4.0", "CC0-1.0", "CDDL-1.0", "CDDL-1.1", "CECILL-2.1", "CECILL-B",
    "CECILL-C", "CPAL-1.0", "CPL-1.0", "curl", "ECL-2.0", "EFL-2.0", "EPL-1.0", "EPL-2.0", "EUPL-1.1", "EUPL-1.2",
    "FSFAP", "FTL", "GFDL-1.1-only", "GFDL-1.1-or-later", "GFDL-1.2-only", "GFDL-1.2-or-later", "GFDL-1.3-only",
    "GFDL-1.3-or-later", "GPL-1.0-only", "GPL-1.0-or-later", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0-only",
    "GPL-3.0-or-later", "HPND", "ICU", "IJG", "ImageMagick", "Info-ZIP", "IPL-1.0", "ISC", "JSON", "LGPL-2.0-only",
    "LGPL-2.0-or-later", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0-only", "LGPL-3.0-or-later", "Libpng",
    "libpng-2.0", "LPL-1.02", "LPPL-1.3c", "MirOS", "MIT", "MIT-0", "MIT-CMU", "MIT-Modern-Variant", "MPL-1.0",
    "MPL-1.1", "MPL-2.0", "MPL-2.0-no-copyleft-exception", "MS-PL", "MS-RL", "MulanPSL-2.0", "NCSA", "NTP",
    "ODbL-1.0", "OFL-1.0", "OFL-1.1", "OLDAP-2.8", "OpenSSL", "OSL-1.0", "OSL-2.0", "OSL-2.1", "OSL-3.0", "PDDL-1.0",
    "PHP-3.0", "PHP-3.01", "PostgreSQL", "PSF-2.0", "Python-2.0", "Ruby", "SGI-B-2.0", "SISSL", "Sleepycat",
    "SSPL-1.0", "TCL", "Unicode-3.0", "Unicode-DFS-2015", "Unicode-DFS-2016", "Unlicense", "UPL-1.0", "Vim", "W3C",
    "W3C-20150513", "WTFPL", "X11", "Xnet", "Zlib", "zlib-acknowledgement", "ZPL-2.0", "ZPL-2.1",
  ]

  // NOTE: a selection of the SPDX License Exceptions list, like `licenses`.
  static let exceptions: Set<String> = [
    "Autoconf-exception-2.0", "Autoconf-exception-3.0", "Bison-exception-2.2", "Classpath-exception-2.0",
    "eCos-exception-2.0", "Font-exception-2.0", "GCC-exception-2.0", "GCC-exception-3.1", "GPL-3.0-linking-exception",
    "LGPL-3.0-linking-exception", "Linux-syscall-note", "LLVM-exception", "OCaml-LGPL-linking-exception",
    "OpenJDK-assembly-exception-1.0", "openvpn-openssl-exception", "Qt-GPL-exception-1.0", "Qt-LGPL-exception-1.1",
    "Swift-exception", "u-boot-exception-2.0", "Universal-FOSS-exception-1.0", "WxWindows-exception-3.1",
  ]
}
