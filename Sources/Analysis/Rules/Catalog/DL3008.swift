/// Reports each package that `apt-get install` installs without a version.
struct DL3008: Rule {
  static let id = "DL3008"
  static let title = "Pin versions in apt-get install"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `apt-get install curl` installs whatever version the package index offers on the day of \
    the build. Two builds of the same Dockerfile can then get different packages, and an \
    update can break the image without any change to the Dockerfile. Pinning with \
    `curl=<version>` makes builds repeatable and makes upgrades a visible change.

    A package counts as pinned when it has `=` (an exact version, or a pattern such as \
    `curl=7.88.*`), names a release with `/` (`curl/bookworm-backports`), or is a `.deb` file \
    or a path. The value of an option such as `-t`, `-o` or `-c` is not a package. Each \
    unpinned package is reported at its own word, where hadolint reports the whole `RUN` \
    once. Unlike hadolint, commands behind `sudo`, `env` and similar wrappers are checked \
    too, and so are heredoc scripts. A word that starts with an expansion (`$PACKAGES`) is not judged, since \
    its value is unknown. Every stage is checked: an unpinned package in a builder stage also \
    changes what the final image contains.

    `apt install` is left to DL3027, which reports `apt` itself. `ONBUILD RUN` is checked as \
    hadolint does. Exec-form \
    `RUN` is checked too: its elements as words, as hadolint does, and the script of \
    `["sh", "-c", "…"]`, which hadolint skips.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update && apt-get install -y --no-install-recommends curl
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
    ```

    ## Fix
    None: the version to pin depends on the package index, which the linter cannot see.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for install in PackageInstalls.all(in: context, managers: [.aptGet]) where install.command.isInstall {
      for package in install.packageArguments where !PackageVersions.isAptPinned(package.text) {
        let message = PackageVersions.message(package.written, suggestion: package.written + "=<version>")
        findings.append(finding(package.sourceRange, message))
      }
    }
  }
}
