/// Reports each module that `go install`, `go get` or `go run` fetches without a version.
struct DL3062: Rule {
  static let id = "DL3062"
  static let title = "Pin versions in go install"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `go install example.com/tool@latest` builds whatever release is newest at build time, \
    so two builds of the same Dockerfile can produce different binaries. Pinning with \
    `@<version>` (`@v1.2.3`, or a commit) makes builds repeatable.

    The rule checks the packages of `go install` and `go get`, and the package that \
    `go run` runs (its first argument, since the rest are the program's arguments). A \
    package counts as pinned when it has `@` and a version. `@latest`, `@upgrade` and \
    `@patch` float, so they are reported, as is a package without `@`. Inside a module, \
    `go install pkg` without `@` takes its version from `go.mod`, but the linter cannot see \
    `go.mod`, so it reports that form as hadolint does. Local packages \
    (`.`, `./cmd/tool`, `/src/tool`, `./...`) and `.go` files are fine. The values of flags \
    such as `-tags`, `-ldflags` and `-o` are not packages. Each unpinned package is reported \
    at its own word, where hadolint reports the `RUN` once. Every stage is checked, which \
    matters because tools are often built in a builder stage and copied out.

    Unlike hadolint, commands behind wrappers such as `sudo` are checked, `@upgrade` and `@patch` are reported, `go get module@none` (which \
    removes a dependency) is not, `go run main.go` is not, and flag values are skipped. A \
    word that starts with an expansion is not judged. `ONBUILD RUN` is checked as \
    hadolint does. Exec-form \
    `RUN` is checked too: its elements as words, as hadolint does, and the script of \
    `["sh", "-c", "…"]`, which hadolint skips.

    ## Example
    ```dockerfile
    FROM golang:1.22 AS tools
    RUN go install golang.org/x/tools/gopls@latest
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS tools
    RUN go install golang.org/x/tools/gopls@v0.16.1
    ```

    ## Fix
    None: the version to pin is a choice the linter cannot make.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for install in PackageInstalls.all(in: context, managers: [.go]) {
      let command = install.command
      guard let subcommand = command.subcommand, ["install", "get", "run"].contains(subcommand) else { continue }
      var words = PackageVersions.goPositionalArguments(command.subcommandArguments)
      if subcommand == "run" { words = Array(words.prefix(1)) }
      for package in words.compactMap(install.argument) where !isPinned(package.text, subcommand: subcommand) {
        let suggestion = PackageVersions.droppingQuery(package.written) + "@<version>"
        findings.append(finding(package.sourceRange, PackageVersions.message(package.written, suggestion: suggestion)))
      }
    }
  }

  func isPinned(_ text: String, subcommand: String) -> Bool {
    // `go get module@none` removes the module, so nothing is fetched.
    if subcommand == "get", text.hasSuffix("@none") { return true }
    return PackageVersions.isGoPinned(text)
  }
}
