/// Reports each package that `pip install` installs without a version.
struct DL3013: Rule {
  static let id = "DL3013"
  static let title = "Pin versions in pip install"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `pip install flask` installs the newest release on PyPI at build time, so two builds of \
    the same Dockerfile can install different code. Pinning with `flask==<version>`, or \
    installing from a requirements or constraints file that pins, makes builds repeatable.

    A requirement counts as pinned when it has a version specifier (`==`, `===`, `>=`, `<=`, \
    `~=`, `!=`, `<`, `>`, extras allowed as in `flask[async]==3.0.3`), is a direct reference \
    `name @ url`, a VCS URL with a revision (`git+https://…/repo@v1.2`), an archive \
    (`.whl`, `.tar.gz`, `.zip`, …), or a local path or URL (`.`, `./src`). A command with \
    `-r`/`--requirement` or `-c`/`--constraint` is not checked, because the file may pin the \
    packages. The values of options such as `-e`, `-i` and `--target` are not packages. \
    `pip install --upgrade pip` is reported like any other unpinned package. `python -m pip`, \
    `pip3` and pip run by its path (`/opt/conda/bin/pip`, which hadolint does not recognise) are recognised, and heredoc scripts are checked. Every stage is checked.

    Each unpinned package is reported at its own word, where hadolint reports the `RUN` \
    once. Unlike hadolint, commands behind wrappers such as `sudo` and `env` are checked, \
    `pip install . flask` still reports `flask` (hadolint skips any \
    command that has a `.` argument), `.zip` and other archive files count as pinned, and a \
    VCS URL needs a revision after its path even when it has a user (`git+ssh://git@host/…`) \
    or follows `name @`. A word that starts with an expansion is not judged. `ONBUILD RUN` is checked as \
    hadolint does. Exec-form \
    `RUN` is checked too: its elements as words, as hadolint does, and the script of \
    `["sh", "-c", "…"]`, which hadolint skips.

    ## Example
    ```dockerfile
    FROM python:3.12-slim
    RUN pip install --no-cache-dir flask
    ```

    ## Use instead
    ```dockerfile
    FROM python:3.12-slim
    RUN pip install --no-cache-dir flask==3.0.3
    ```

    ## Fix
    None: the version to pin is a choice the linter cannot make.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for install in PackageInstalls.all(in: context, managers: [.pip]) where install.command.isInstall {
      guard !install.command.hasOption(short: "r", long: ["requirement"]),
        !install.command.hasOption(short: "c", long: ["constraint"])
      else { continue }
      for package in install.packageArguments where !PackageVersions.isPipPinned(package.text) {
        findings.append(finding(package.sourceRange, PackageVersions.message(package.written, suggestion: suggestion(package.written))))
      }
    }
  }

  /// `name==<version>`, or `url@<ref>` for a VCS URL (before any `#egg=` fragment).
  func suggestion(_ written: String) -> String {
    guard PackageVersions.isPipVCS(written) else { return written + "==<version>" }
    let url = written.prefix { $0 != "#" }
    return url + "@<ref>" + written.dropFirst(url.count)
  }
}
