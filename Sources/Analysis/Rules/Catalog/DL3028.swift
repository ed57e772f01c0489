/// Reports each gem that `gem install` installs without a version.
struct DL3028: Rule {
  static let id = "DL3028"
  static let title = "Pin versions in gem install"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `gem install rails` installs the newest release at build time, so two builds of the same \
    Dockerfile can install different code. Pinning with `rails:<version>` or \
    `-v <version>` makes builds repeatable.

    A gem counts as pinned when it has `:` and a version or requirement \
    (`rails:7.1.3`, `'rails:~>7.1'`), or is a `.gem` file or a path. A command with \
    `-v`/`--version` is not checked, because the version applies to the gem it installs. \
    `gem i` is checked as `gem install`. Each unpinned gem is reported at its own word, \
    where hadolint reports the `RUN` once. Every stage is checked.

    Unlike hadolint, commands behind wrappers such as `sudo` are checked, `-v1.2` written without a space counts as a version, option values \
    such as `--install-dir /gems` are not gems, and `.gem` files count as pinned. A word that \
    starts with an expansion is not judged. `ONBUILD RUN` is checked as hadolint \
    does. Exec-form \
    `RUN` is checked too: its elements as words, as hadolint does, and the script of \
    `["sh", "-c", "…"]`, which hadolint skips.

    ## Example
    ```dockerfile
    FROM ruby:3.3-slim
    RUN gem install --no-document bundler
    ```

    ## Use instead
    ```dockerfile
    FROM ruby:3.3-slim
    RUN gem install --no-document bundler:2.5.11
    ```

    ## Fix
    None: the version to pin is a choice the linter cannot make.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for install in PackageInstalls.all(in: context, managers: [.gem]) where install.command.isInstall {
      guard !install.command.hasOption(short: "v", long: ["version"]) else { continue }
      for package in install.packageArguments where !PackageVersions.isGemPinned(package.text) {
        findings.append(finding(package.sourceRange, PackageVersions.message(package.written, suggestion: package.written + ":<version>")))
      }
    }
  }
}
