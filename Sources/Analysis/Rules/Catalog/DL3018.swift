/// Reports each package that `apk add` installs without a version.
struct DL3018: Rule {
  static let id = "DL3018"
  static let title = "Pin versions in apk add"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `apk add curl` installs whatever version the Alpine repositories offer on the day of the \
    build, so two builds of the same Dockerfile can get different packages. Pinning with \
    `curl=<version>`, or a bounded range such as `curl~8.9`, makes builds repeatable.

    A package counts as pinned when it has a version constraint (`=`, `~`, `<`, `>`, as in \
    `curl=8.9.1-r0`, `curl~8.9` or `'curl>8'`) or is an `.apk` file. A repository tag alone \
    (`curl@edge`) does not pin. The name given to `--virtual`/`-t` is not a package, nor is \
    any other option value such as `-X`. Each unpinned package is reported at its own word, \
    where hadolint reports the `RUN` once. Heredoc scripts are checked. Unlike hadolint, \
    commands behind wrappers such as `sudo` are checked, and the values of `--root`, \
    `--arch`, `--cache-dir` and other options are not read as packages. A word that starts with an expansion is not judged. Every stage is checked. \
    `ONBUILD RUN` is checked as hadolint \
    does. Exec-form \
    `RUN` is checked too: its elements as words, as hadolint does, and the script of \
    `["sh", "-c", "…"]`, which hadolint skips.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache curl
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache curl=8.9.1-r0
    ```

    ## Fix
    None: the version to pin depends on the repositories, which the linter cannot see.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for install in PackageInstalls.all(in: context, managers: [.apk]) where install.command.isInstall {
      for package in install.packageArguments where !PackageVersions.isApkPinned(package.text) {
        findings.append(finding(package.sourceRange, PackageVersions.message(package.written, suggestion: package.written + "=<version>")))
      }
    }
  }
}
