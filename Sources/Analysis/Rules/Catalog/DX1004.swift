/// Reports packages removed by a later RUN than the one that installed them.
struct DX1004: Rule {
  static let id = "DX1004"
  static let title = "Remove packages in the RUN that installs them"
  static let defaultSeverity = Severity.warning
  static let documentation = """
    ## Why
    Removing a package (`apt-get purge`, `apk del`, `yum remove`, `dnf remove`, `zypper remove`) \
    in a later `RUN` than the one that installed it does not make the image smaller: the \
    package's files stay in the earlier layer, and the later layer only adds a record that \
    hides them. Install, use and remove build-time packages in one `RUN`.

    The rule looks at the stages that ship (the final stage, the stages it is built on, and \
    those whose whole filesystem it copies), and compares `RUN`s of the same stage. A builder \
    stage that is only copied from can install and remove as it likes. `apk del NAME` of a \
    virtual package made with `apk add --virtual NAME` counts as removing its packages.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache gcc musl-dev
    RUN gcc -o /usr/local/bin/tool tool.c
    RUN apk del gcc musl-dev
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache --virtual .build-deps gcc musl-dev \\
        && gcc -o /usr/local/bin/tool tool.c \\
        && apk del .build-deps
    ```

    ## Fix
    "Merge with the previous RUN" (or "Merge the N RUN instructions") joins the `RUN`s from \
    the install to the removal into one, when only `RUN`s lie between them and every pair \
    merges safely, as for DL3059.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let graph = StageGraph(model: context.model, instructions: context.instructions)
    for stageIndex in graph.shippedStages.sorted() {
      let packages = StagePackages(stage: context.model.stages[stageIndex], context: context)
      var reported = Set<Range<Int>>()
      for removal in packages.removed where !reported.contains(removal.commandRange) {
        let laterIndex = removal.command.instructionIndex
        // The removal's packages that an earlier RUN installed.
        let commandEntries = packages.removed.filter { $0.commandRange == removal.commandRange }
        var names: [String] = []
        var earliest = laterIndex
        for entry in commandEntries {
          let installs = packages.installed.filter {
            $0.name == entry.name && $0.command.instructionIndex < laterIndex
              && StagePackages.sameDatabase($0.command.manager, entry.command.manager)
          }
          // A package installed again in the removing RUN was also removed there.
          guard let first = installs.first,
                !packages.installed.contains(where: { $0.name == entry.name && $0.command.instructionIndex == laterIndex }) else { continue }
          names.append(entry.name)
          earliest = min(earliest, first.command.instructionIndex)
        }
        guard !names.isEmpty else { continue }
        reported.insert(removal.commandRange)
        let list = names.map { "`\($0)`" }.joined(separator: ", ")
        let fixes = RunMerge.chainFix(from: earliest, to: laterIndex, in: context).map { [$0] } ?? []
        findings.append(finding(removal.commandRange,
                                "\(list) \(names.count == 1 ? "was" : "were") installed by an earlier RUN, so removing \(names.count == 1 ? "it" : "them") here does not make the image smaller",
                                fixes: fixes))
      }
    }
  }
}
