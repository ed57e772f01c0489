/// Reports `dnf install` or `microdnf install` in a RUN that does not clean the cache
/// afterwards, and offers to append `dnf clean all`.
struct DL3040: Rule {
  static let id = "DL3040"
  static let title = "Run dnf clean all after dnf install"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    dnf and microdnf keep the repository metadata they download in `/var/cache/dnf` (microdnf \
    in `/var/cache/yum`): often 100 MB or more that nothing in the container uses. A later \
    `RUN` cannot remove them from the layer that wrote them, so clean the cache in the same \
    `RUN`.

    The cache counts as cleaned when `dnf clean all` (`microdnf clean all` after microdnf) or \
    an `rm` of `/var/cache/dnf` or `/var/cache/yum` (their contents, or a directory above \
    them) runs after the last install of the `RUN`, or when the `RUN` mounts a cache or tmpfs \
    there. `install`, `groupinstall`, `localinstall`, `group install` and `module install` \
    count as installs. Every stage is checked, as in hadolint 2.15.1. Unlike hadolint, \
    `dnf clean` of only `packages` or `metadata` does not count, since the rest stays, while a \
    cache mount does; `dnf5` and dnf after wrappers such as `sudo` are checked too. \
    `ONBUILD RUN` triggers are checked as well. Exec-form RUN is not checked.

    ## Example
    ```dockerfile
    FROM fedora:40
    RUN dnf install -y httpd
    ```

    ## Use instead
    ```dockerfile
    FROM fedora:40
    RUN dnf install -y httpd && dnf clean all
    ```

    ## Fix
    "Add `dnf clean all`" appends `&& dnf clean all` (`microdnf clean all` after microdnf) to \
    the `RUN`, on a new continuation line when the `RUN` already spans several lines. It is \
    offered only when the `RUN` is one `&&` chain (or one command) without `||`, a trailing \
    `&` or a trailing comment.
    """

  static let cacheDirectories = ["/var/cache/dnf", "/var/cache/yum"]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let installs = PackageCaches.installsWithoutCleanup(
      in: context, managers: [.dnf, .microdnf], cacheDirectories: Self.cacheDirectories,
      isInstall: { PackageCaches.rpmInstallWord($0) != nil },
      isCleanup: { $0.subcommand == "clean" && $0.packages.contains { $0.literalValue == "all" } })
    for command in installs {
      let tool = command.manager == .microdnf ? "microdnf" : "dnf"
      findings.append(finding(PackageCaches.sourceRange(of: command, in: context),
                              "Run `\(tool) clean all` after `\(tool) install` in the same `RUN`, or the cache stays in the layer",
                              fixes: PackageCaches.appendCleanupFix("\(tool) clean all", after: command, in: context)))
    }
  }
}
