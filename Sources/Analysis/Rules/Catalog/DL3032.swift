/// Reports `yum install` in a RUN that does not clean yum's cache afterwards, and offers to
/// append `yum clean all`.
struct DL3032: Rule {
  static let id = "DL3032"
  static let title = "Run yum clean all after yum install"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    yum keeps the repository metadata it downloads, and often the packages too, in \
    `/var/cache/yum`: easily 100 MB or more that nothing in the container uses. A later `RUN` \
    cannot remove them from the layer that wrote them, so clean the cache in the same `RUN`.

    The cache counts as cleaned when `yum clean all` or an `rm` of `/var/cache/yum` (its \
    contents, or a directory above it) runs after the last install of the `RUN`, or when the \
    `RUN` mounts a cache or tmpfs there. `install`, `groupinstall`, `localinstall` and \
    `group install` count as installs. Every stage is checked, as in hadolint 2.15.1. Unlike \
    hadolint, `yum clean` of only `packages` or `metadata` does not count, since the rest \
    stays, while a cache mount and an `rm` of the cache directory do; installs other than \
    `install` and yum after wrappers such as `sudo` are checked too. \
    `ONBUILD RUN` triggers are checked as well. Exec-form \
    RUN is not checked.

    ## Example
    ```dockerfile
    FROM centos:7
    RUN yum install -y httpd
    ```

    ## Use instead
    ```dockerfile
    FROM centos:7
    RUN yum install -y httpd && yum clean all
    ```

    ## Fix
    "Add `yum clean all`" appends `&& yum clean all` to the `RUN`, on a new continuation \
    line when the `RUN` already spans several lines. It is offered only when the `RUN` is one \
    `&&` chain (or one command) without `||`, a trailing `&` or a trailing comment.
    """

  static let cacheDirectories = ["/var/cache/yum"]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let installs = PackageCaches.installsWithoutCleanup(
      in: context, managers: [.yum], cacheDirectories: Self.cacheDirectories,
      isInstall: { PackageCaches.rpmInstallWord($0) != nil },
      isCleanup: { $0.subcommand == "clean" && $0.packages.contains { $0.literalValue == "all" } })
    for command in installs {
      findings.append(finding(PackageCaches.sourceRange(of: command, in: context),
                              "Run `yum clean all` after `yum install` in the same `RUN`, or the yum cache stays in the layer",
                              fixes: PackageCaches.appendCleanupFix("yum clean all", after: command, in: context)))
    }
  }
}
