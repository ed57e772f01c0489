/// Reports `apt-get install` without `--no-install-recommends`, and offers to add it.
struct DL3015: Rule {
  static let id = "DL3015"
  static let title = "Use --no-install-recommends with apt-get install"
  static let defaultSeverity = Severity.info
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    By default apt-get also installs the packages that the requested ones only recommend: \
    documentation, optional tools, sometimes whole language runtimes. They rarely matter in a \
    container, yet they can double the size of the layer and add software to keep patched. \
    With `--no-install-recommends` only real dependencies are installed.

    The rule accepts `--no-install-recommends` and `-o APT::Install-Recommends=false` (also \
    `-oAPT::…`, `--option=APT::…`, and the values `0`, `no` and `off`). Like hadolint 2.15.1 \
    it looks at every stage. Unlike hadolint, it also finds apt-get after wrappers such as \
    `sudo` and called by path. `ONBUILD RUN` triggers are checked as well. Exec-form \
    RUN is not checked.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update && apt-get install -y curl
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update && apt-get install -y --no-install-recommends curl
    ```

    ## Fix
    "Add `--no-install-recommends`" inserts the option right after `install`. A package that \
    was only recommended is then no longer installed; add it by name if the image needs it.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for command in PackageCaches.commands(in: context) where command.manager == .aptGet && command.subcommand == "install" {
      guard !command.hasOption(long: ["no-install-recommends"]), !Self.disablesRecommends(command) else { continue }
      let fixes = command.subcommandWord
        .flatMap { CommandEdits.insert("--no-install-recommends", after: $0, of: command, in: context) }
        .map { [Fix(title: "Add `--no-install-recommends`", edits: [$0])] } ?? []
      findings.append(finding(PackageCaches.sourceRange(of: command, in: context),
                              "`apt-get install` without `--no-install-recommends` also installs recommended packages",
                              fixes: fixes))
    }
  }

  /// Whether an `-o` option sets `APT::Install-Recommends` to a false value. apt matches
  /// configuration keys without regard to case.
  static func disablesRecommends(_ command: PackageManagerCommand) -> Bool {
    command.optionValues(short: "o", long: ["option"]).contains { value in
      guard var text = value else { return false }
      if text.hasPrefix("=") { text.removeFirst() }
      guard let equals = text.firstIndex(of: "=") else { return false }
      let key = text[..<equals].lowercased()
      let setting = text[text.index(after: equals)...].lowercased()
      return key == "apt::install-recommends" && ["false", "0", "no", "off"].contains(setting)
    }
  }
}
