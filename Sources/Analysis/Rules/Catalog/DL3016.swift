/// Reports each package that `npm install` installs without a version.
struct DL3016: Rule {
  static let id = "DL3016"
  static let title = "Pin versions in npm install"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `npm install -g typescript` installs the release tagged `latest` at build time, so two \
    builds of the same Dockerfile can install different code. Pinning with \
    `typescript@<version>` makes builds repeatable. `npm install` and `npm ci` without \
    package arguments install from `package.json` and the lockfile, and are not reported.

    A package counts as pinned when it has a version or range after `@` (`express@4.19.2`, \
    `@scope/name@1`), is a git source with `#ref` (`git+https://…#v1.0.0`, \
    `github:user/repo#v1`, `user/repo#v1`), a tarball (`.tgz`, `.tar.gz`, `.tar`), or a \
    local folder (`./pkg`, `../pkg`, `/pkg`, `~/pkg`, `file:…`). The aliases `npm i`, \
    `npm add` and their misspellings are checked as `npm install`. The values of options \
    such as `--prefix`, `--omit` and `-w` are not packages. Every stage is checked.

    Unlike hadolint, commands behind wrappers such as `sudo` are checked, `name@latest` and `name@` are reported (they install what `name` alone \
    installs), the aliases of `install` are checked, option values are skipped, and \
    `user/repo#ref`, `github:user/repo#ref` and `file:` folders count as pinned. Each unpinned package is reported at its own word. A word that starts with an \
    expansion is not judged. `ONBUILD RUN` is checked as hadolint \
    does. Exec-form \
    `RUN` is checked too: its elements as words, as hadolint does, and the script of \
    `["sh", "-c", "…"]`, which hadolint skips. A shell-form `RUN` under a `SHELL` that is not \
    a POSIX shell, such as PowerShell, is not checked; hadolint reads its script as sh.

    ## Example
    ```dockerfile
    FROM node:20-slim
    RUN npm install -g typescript
    ```

    ## Use instead
    ```dockerfile
    FROM node:20-slim
    RUN npm install -g typescript@5.4.5
    ```

    ## Fix
    None: the version to pin is a choice the linter cannot make.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for install in PackageInstalls.all(in: context, managers: [.npm]) where install.command.isInstall {
      for package in install.packageArguments where !PackageVersions.isNpmPinned(package.text) {
        findings.append(finding(package.sourceRange, PackageVersions.message(package.written, suggestion: suggestion(package.text, package.written))))
      }
    }
  }

  /// `name@<version>`, or `source#<ref>` for a git source.
  func suggestion(_ text: String, _ written: String) -> String {
    let isGit = PackageVersions.npmGitPrefixes.contains { text.hasPrefix($0) } || (!text.hasPrefix("@") && text.contains("/"))
    return isGit ? written + "#<ref>" : PackageVersions.droppingQuery(written) + "@<version>"
  }
}
