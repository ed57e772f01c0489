/// Reports each package that `yum install` installs without a version.
struct DL3033: Rule {
  static let id = "DL3033"
  static let title = "Pin versions in yum install"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `yum install -y httpd` installs whatever version the repositories offer on the day of \
    the build, so two builds of the same Dockerfile can get different packages. Pinning with \
    `httpd-<version>` makes builds repeatable.

    Like hadolint 2.15.1, a package counts as pinned when, after its first `-`, every \
    `-`-separated part is made of letters, digits and `.~^_:+`, and one part starts with a \
    digit: `httpd-2.4.57` and `python3-pip-21.3.1` are pinned, `python3-pip` and \
    `gcc-c++` are not. A version comparison (`'httpd >= 2.4'`) and an `.rpm` file or URL \
    also count, and so does `@module:stream`. For `yum module install`, a module is pinned \
    when it names its stream (`nodejs:20`). The values of options such as `--enablerepo` \
    and `--exclude` are not packages. Each unpinned package is reported at its own word, \
    where hadolint reports the `RUN` once. Every stage is checked.

    Unlike hadolint, commands behind wrappers such as `sudo` are checked, `.rpm` files and URLs count as pinned whatever their names, option \
    values are skipped, and a comparison counts as a pin. A word that starts with an \
    expansion is not judged. `ONBUILD RUN` is checked as hadolint \
    does. Exec-form \
    `RUN` is checked too: its elements as words, as hadolint does, and the script of \
    `["sh", "-c", "…"]`, which hadolint skips.

    ## Example
    ```dockerfile
    FROM centos:7
    RUN yum install -y httpd && yum clean all
    ```

    ## Use instead
    ```dockerfile
    FROM centos:7
    RUN yum install -y httpd-2.4.6 && yum clean all
    ```

    ## Fix
    None: the version to pin depends on the repositories, which the linter cannot see.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for install in PackageInstalls.all(in: context, managers: [.yum]) {
      install.checkRPMArguments(self, into: &findings)
    }
  }
}
