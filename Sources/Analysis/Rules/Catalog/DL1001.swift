/// Reports inline `# hadolint ignore=` pragmas (off by default).
struct DL1001: Rule {
  static let id = "DL1001"
  static let title = "Avoid inline ignore pragmas"
  static let defaultSeverity = Severity.info
  static let isEnabledByDefault = false
  static let documentation = """
    ## Why
    A `# hadolint ignore=DLxxxx` comment silences findings on the next line. Teams that want \
    every exception to be visible in one place, the configuration file, can enable this rule \
    to report such comments. It is off by default, as in hadolint, where its severity is \
    `ignore`.

    A comment counts when it has hadolint's pragma form: `hadolint`, then `ignore=` and a \
    comma-separated list of codes made of the letters `D`, `L`, `S`, `C` and digits, \
    optionally followed by a `#` comment. `# hadolint global ignore=` and comments inside a \
    continued instruction are not reported, as in hadolint 2.15.1.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    # hadolint ignore=DL3008
    RUN apt-get update && apt-get install -y curl
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for case .comment(let comment) in context.tree.nodes {
      guard let codes = Self.ignoredCodes(comment.text) else { continue }
      let listed = codes.joined(separator: ",")
      findings.append(finding(comment.contentRange, "The inline pragma ignoring `\(listed)` hides findings instead of fixing them"))
    }
  }

  /// Returns the rule codes of a `hadolint ignore=` pragma in the text after `#`, or nil when
  /// the text is not one.
  static func ignoredCodes(_ text: String) -> [String]? {
    var rest = Substring(text)
    func skipBlanks() -> Bool {
      let before = rest.count
      rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
      return rest.count < before
    }
    _ = skipBlanks()
    guard rest.hasPrefix("hadolint") else { return nil }
    rest = rest.dropFirst("hadolint".count)
    guard skipBlanks(), rest.hasPrefix("ignore") else { return nil }
    rest = rest.dropFirst("ignore".count)
    _ = skipBlanks()
    guard rest.first == "=" else { return nil }
    rest = rest.dropFirst()

    var codes: [String] = []
    while true {
      _ = skipBlanks()
      let code = rest.prefix { "DLSC0123456789".contains($0) }
      guard !code.isEmpty else { return nil }
      codes.append(String(code))
      rest = rest.dropFirst(code.count)
      _ = skipBlanks()
      guard rest.first == "," else { break }
      rest = rest.dropFirst()
    }
    return rest.isEmpty || rest.first == "#" ? codes : nil
  }
}
