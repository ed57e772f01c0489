/// Reports `yum install` without `-y`, and offers to add it.
struct DL3030: Rule {
  static let id = "DL3030"
  static let title = "Use -y with yum install"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    Without `-y`, `yum install` asks "Is this ok [y/N]" before it installs anything. A build \
    has no terminal to answer, so yum reads end of input, takes it as no, and the build fails.

    The rule checks `install`, `groupinstall`, `localinstall` and `group install`, and \
    accepts `-y` and `--assumeyes`, as hadolint 2.15.1 does, in every stage. Unlike hadolint, \
    it also finds yum after wrappers such as `sudo`. \
    `ONBUILD RUN` triggers are checked as well. Exec-form \
    RUN is not checked.

    ## Example
    ```dockerfile
    FROM centos:7
    RUN yum install httpd && yum clean all
    ```

    ## Use instead
    ```dockerfile
    FROM centos:7
    RUN yum install -y httpd && yum clean all
    ```

    ## Fix
    "Add `-y`" inserts `-y` right after `install`; nothing else changes.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for command in PackageCaches.commands(in: context) where command.manager == .yum {
      guard let installWord = PackageCaches.rpmInstallWord(command), !command.hasOption(short: "y", long: ["assumeyes"]) else { continue }
      let fixes = CommandEdits.insert("-y", after: installWord, of: command, in: context)
        .map { [Fix(title: "Add `-y`", edits: [$0])] } ?? []
      findings.append(finding(PackageCaches.sourceRange(of: command, in: context),
                              "`yum install` without `-y` aborts at the confirmation prompt", fixes: fixes))
    }
  }
}
