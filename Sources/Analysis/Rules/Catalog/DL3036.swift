/// Reports `zypper install` in a RUN that does not clean zypper's cache afterwards, and offers
/// to append `zypper clean --all`.
struct DL3036: Rule {
  static let id = "DL3036"
  static let title = "Run zypper clean after zypper install"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    zypper keeps repository metadata, and packages of repositories that keep them, in \
    `/var/cache/zypp`: tens of megabytes that nothing in the container uses. A later `RUN` \
    cannot remove them from the layer that wrote them, so clean the cache in the same `RUN`.

    The cache counts as cleaned when `zypper clean` (or `cc`, with any options) or an `rm` of \
    `/var/cache/zypp` (its contents, or a directory above it) runs after the last \
    `zypper install` of the `RUN`, or when the `RUN` mounts a cache or tmpfs there. Every \
    stage is checked, as in hadolint 2.15.1. Unlike hadolint, the `rm` and the mount count, \
    and zypper after wrappers such as `sudo` is checked too. \
    `ONBUILD RUN` triggers are checked as well. Exec-form \
    RUN is not checked.

    ## Example
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper -n install curl
    ```

    ## Use instead
    ```dockerfile
    FROM opensuse/leap:15.6
    RUN zypper -n install curl && zypper clean --all
    ```

    ## Fix
    "Add `zypper clean --all`" appends `&& zypper clean --all` to the `RUN`, on a new \
    continuation line when the `RUN` already spans several lines; `--all` also removes the \
    metadata, which a plain `zypper clean` keeps. It is offered only when the `RUN` is one \
    `&&` chain (or one command) without `||`, a trailing `&` or a trailing comment.
    """

  static let cacheDirectories = ["/var/cache/zypp"]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let installs = PackageCaches.installsWithoutCleanup(
      in: context, managers: [.zypper], cacheDirectories: Self.cacheDirectories,
      isInstall: { $0.subcommand == "install" }, isCleanup: { $0.subcommand == "clean" })
    for command in installs {
      findings.append(finding(PackageCaches.sourceRange(of: command, in: context),
                              "Run `zypper clean` after `zypper install` in the same `RUN`, or the zypper cache stays in the layer",
                              fixes: PackageCaches.appendCleanupFix("zypper clean --all", after: command, in: context)))
    }
  }
}
