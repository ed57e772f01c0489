/// Reports `zypper dist-upgrade`.
struct DL3035: Rule {
  static let id = "DL3035"
  static let title = "Do not use zypper dist-upgrade"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `zypper dist-upgrade` (`dup`) may replace, downgrade or remove any package to match the \
    configured repositories, and with a changed repository it moves the image to another \
    distribution release. The result depends on the day of the build rather than on the \
    Dockerfile. Use a newer base image tag to get a newer release, and `zypper patch` or \
    `zypper update` for fixes within it.

    Every stage is checked, as in hadolint 2.15.1; unlike hadolint, zypper after wrappers \
    such as `sudo` is found too. `ONBUILD RUN` triggers are checked as well. Exec-form \
    RUN is not checked. There is no automatic fix, \
    because the right replacement depends on what the upgrade was for.

    ## Example
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper -n dist-upgrade && zypper clean --all
    ```

    ## Use instead
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper -n patch && zypper clean --all
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for command in PackageCaches.commands(in: context) where command.manager == .zypper && command.subcommand == "dist-upgrade" {
      findings.append(finding(PackageCaches.sourceRange(of: command, in: context),
                              "Do not run `zypper dist-upgrade` in a build, because its result depends on the day of the build"))
    }
  }
}
