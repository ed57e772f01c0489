/// Reports each package that `zypper install` installs without a version.
struct DL3037: Rule {
  static let id = "DL3037"
  static let title = "Pin versions in zypper install"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `zypper install curl` installs whatever version the repositories offer on the day of the \
    build, so two builds of the same Dockerfile can get different packages. Pinning with \
    `curl=<version>`, or a range such as `'curl>=8'`, makes builds repeatable.

    A package counts as pinned when it has a version comparison (`=`, `<`, `>`, `<=`, `>=`) \
    or is an `.rpm` file. `zypper in` is checked as `zypper install`. The values of options \
    such as `--from`, `-r`, `-t` and `--root` are not packages, where hadolint reads them as \
    packages. Each unpinned package is reported at its own word, where hadolint reports the \
    `RUN` once. Heredoc scripts are checked, and, unlike hadolint, so are commands behind \
    wrappers such as `sudo`. A word that starts with an expansion is not judged. Every stage is \
    checked. `ONBUILD RUN` is checked as hadolint \
    does. Exec-form \
    `RUN` is checked too: its elements as words, as hadolint does, and the script of \
    `["sh", "-c", "…"]`, which hadolint skips.

    ## Example
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper --non-interactive install curl
    ```

    ## Use instead
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper --non-interactive install curl=8.6.0
    ```

    ## Fix
    None: the version to pin depends on the repositories, which the linter cannot see.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for install in PackageInstalls.all(in: context, managers: [.zypper]) where install.command.isInstall {
      for package in install.packageArguments where !PackageVersions.isZypperPinned(package.text) {
        findings.append(finding(package.sourceRange, PackageVersions.message(package.written, suggestion: package.written + "=<version>")))
      }
    }
  }
}
