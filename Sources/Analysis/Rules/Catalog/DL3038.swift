/// Reports `dnf install` without `-y`, and offers to add it.
struct DL3038: Rule {
  static let id = "DL3038"
  static let title = "Use -y with dnf install"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    Without `-y`, `dnf install` asks "Is this ok [y/N]" before it installs anything. A build \
    has no terminal to answer, so dnf reads end of input, takes it as no, and the build fails.

    The rule checks `install` (and its alias `in`), `groupinstall`, `localinstall`, \
    `group install` and `module install`, and accepts `-y` and `--assumeyes`, in every stage \
    as hadolint 2.15.1 does. Unlike hadolint, it does not report `microdnf`, which never asks \
    and ignores `-y`, and it finds `dnf5` and dnf after wrappers such as `sudo`. \
    `ONBUILD RUN` triggers are checked as well. Exec-form \
    RUN is not checked.

    ## Example
    ```dockerfile
    FROM fedora:40
    RUN dnf install httpd && dnf clean all
    ```

    ## Use instead
    ```dockerfile
    FROM fedora:40
    RUN dnf install -y httpd && dnf clean all
    ```

    ## Fix
    "Add `-y`" inserts `-y` right after `install`; nothing else changes.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for command in PackageCaches.commands(in: context) where command.manager == .dnf {
      guard let installWord = PackageCaches.rpmInstallWord(command), !command.hasOption(short: "y", long: ["assumeyes"]) else { continue }
      let fixes = CommandEdits.insert("-y", after: installWord, of: command, in: context)
        .map { [Fix(title: "Add `-y`", edits: [$0])] } ?? []
      findings.append(finding(PackageCaches.sourceRange(of: command, in: context),
                              "`dnf install` without `-y` aborts at the confirmation prompt", fixes: fixes))
    }
  }
}
