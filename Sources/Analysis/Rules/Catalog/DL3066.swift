/// Reports a USER whose user part is a name rather than a numeric UID.
struct DL3066: Rule {
  static let id = "DL3066"
  static let title = "Use a numeric UID in USER"
  static let defaultSeverity = Severity.info
  static let documentation = """
    ## Why
    A user name is looked up in the image's `/etc/passwd` when the container starts, but \
    tools outside the container see only numbers. Kubernetes, for example, cannot verify \
    `runAsNonRoot` for a named user, and a volume's owner on the host is a number. A numeric \
    UID (`USER 10001` or `USER 10001:10001`) means the same inside and outside.

    Only the part before `:` is checked. A value that refers to a build argument declared \
    earlier (`USER ${APP_UID}`) is accepted, since its value is unknown. Every stage is \
    checked, as in hadolint 2.15.1. hadolint also accepts a variable whose name only starts \
    with the name of a declared argument (`$UIDX` after `ARG UID`); this rule needs the \
    exact name.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN useradd -r -u 10001 app
    USER app
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    RUN useradd -r -u 10001 app
    USER 10001
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    var declaredArguments: Set<String> = []
    // ARG names are read only when a USER refers to a variable, which few files do.
    var unreadArguments: [Instruction] = []
    for instruction in context.instructions {
      if instruction.kind == .arg {
        unreadArguments.append(instruction)
        continue
      }
      guard instruction.kind == .user else { continue }
      let bytes = instruction.arguments.bytes
      let userEnd = bytes.firstIndex(of: UInt8(ascii: ":")) ?? bytes.count
      let user = String(decoding: bytes[..<userEnd], as: UTF8.self)
      if user.allSatisfy(\.isASCIIDecimalDigit) { continue }
      let variables = Self.referencedVariables(user)
      if !variables.isEmpty {
        for argument in unreadArguments {
          for entry in KeyValueArguments.entries(of: argument, escape: context.tree.escapeCharacter) {
            declaredArguments.insert(entry.key)
          }
        }
        unreadArguments = []
        if variables.contains(where: declaredArguments.contains) { continue }
      }
      let range = instruction.arguments.sourceRange(0..<userEnd)
      findings.append(finding(range, "`\(user)` is not a numeric user ID, so tools outside the container cannot resolve it"))
    }
  }

  /// Returns the names of the `$NAME` and `${NAME…}` references in `text`.
  static func referencedVariables(_ text: String) -> [String] {
    var names: [String] = []
    var rest = Substring(text)
    while let dollar = rest.firstIndex(of: "$") {
      rest = rest[rest.index(after: dollar)...]
      if rest.first == "{" { rest = rest.dropFirst() }
      let name = rest.prefix { $0 == "_" || $0.isASCIIDecimalDigit || ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
      if !name.isEmpty { names.append(String(name)) }
      rest = rest.dropFirst(name.count)
    }
    return names
  }
}
