/// Reports the uses of `wget` or `curl` in a stage that uses both.
struct DL4001: Rule {
  static let id = "DL4001"
  static let title = "Use either wget or curl, not both"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    `wget` and `curl` both download files. A stage that uses both needs both installed, which \
    adds packages, their libraries and their security updates to the image for no gain. \
    Picking one keeps the image smaller and the Dockerfile consistent.

    Stages are checked separately, since each may start from an image that ships a different \
    tool, and the `ONBUILD RUN`s of a stage form a group of their own because they run in \
    another build (instructions before the first FROM, which BuildKit rejects, form one too). \
    In a stage that uses both, every use of the tool used less often is \
    reported (of the one used second, on a tie), so the findings point at the commands to \
    change. hadolint instead reports every `RUN` that uses either tool once both have \
    appeared in the stage.

    ## Example
    ```dockerfile
    FROM debian:12
    RUN curl -fsSLO https://example.com/a.tar.gz
    RUN wget https://example.com/b.tar.gz
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    RUN curl -fsSLO https://example.com/a.tar.gz \\
        && curl -fsSLO https://example.com/b.tar.gz
    ```
    """

  /// One call of `wget` or `curl`.
  struct Use {
    var tool: String
    var range: Range<Int>
  }

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    // Uses grouped by stage index, negative for the ONBUILD group of a stage.
    var groups: [Int: [Use]] = [:]
    var order: [Int] = []
    for run in context.runScripts(includingOnbuild: true) {
      // Instructions before the first FROM belong to no stage: they form a group of their own.
      let key = context.model.stageIndexOfInstruction[run.instructionIndex].map { run.isOnbuild ? -1 - $0 : $0 } ?? Int.min
      for entry in run.script.simpleCommands() {
        guard let tool = entry.invocation.baseName, tool == "wget" || tool == "curl" else { continue }
        if groups[key] == nil { order.append(key) }
        groups[key, default: []].append(Use(tool: tool, range: run.sourceRange(entry.command.range)))
      }
    }
    for key in order {
      let uses = groups[key] ?? []
      let wget = uses.filter { $0.tool == "wget" }
      let curl = uses.filter { $0.tool == "curl" }
      guard let firstWget = wget.first, let firstCurl = curl.first else { continue }
      let reported: String
      if wget.count != curl.count {
        reported = wget.count < curl.count ? "wget" : "curl"
      } else {
        reported = firstWget.range.lowerBound > firstCurl.range.lowerBound ? "wget" : "curl"
      }
      let other = reported == "wget" ? "curl" : "wget"
      for use in uses where use.tool == reported {
        findings.append(finding(use.range, "Use either `wget` or `curl`, not both; this stage uses `\(other)` elsewhere"))
      }
    }
  }
}
