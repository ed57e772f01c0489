/// Reports `wget` that would print a progress bar, and offers `--progress=dot:giga`.
struct DL3047: Rule {
  static let id = "DL3047"
  static let title = "Avoid wget progress bars in build logs"
  static let defaultSeverity = Severity.info
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    Without a terminal, GNU `wget` draws its progress as dots: one line per 50 KiB by default, \
    so a large download writes thousands of lines into the build log and buries the output \
    that matters. `--progress=dot:giga` prints one line per 32 MiB; `-q` (`--quiet`) and \
    `-nv` (`--no-verbose`) print nothing or a single line.

    Like hadolint, the rule also accepts `-o`/`--output-file` and `-a`/`--append-output`, \
    which send the messages to a file. `wget` is found behind wrappers such as `sudo`. Every \
    stage is checked, `ONBUILD RUN` included.

    ## Example
    ```dockerfile
    FROM debian:12
    RUN wget https://example.com/tool.tar.gz
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    RUN wget --progress=dot:giga https://example.com/tool.tar.gz
    ```

    ## Fix
    "Add `--progress=dot:giga`" inserts the option right after `wget`. It is not offered in \
    stages based on Alpine or BusyBox images, whose `wget` does not know the option, nor in \
    `ONBUILD RUN`, whose image is not known.
    """

  /// The options of GNU wget 1.21 that take a value; `n` stands for the `-nv`-style options,
  /// whose second letter getopt would read as a value.
  static let optionSyntax = ShellOptionSyntax(
    short: "oaeiBFtOTwQPUlARDIXn",
    long: ["output-file", "append-output", "execute", "input-file", "base", "config", "tries", "output-document", "timeout",
           "wait", "quota", "directory-prefix", "user-agent", "level", "accept", "reject", "domains", "include-directories",
           "exclude-directories", "progress", "header", "user", "password", "post-data", "post-file", "referer"])

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for run in context.runScripts(includingOnbuild: true) {
      for entry in run.script.simpleCommands() {
        let invocation = entry.invocation
        guard invocation.baseName == "wget", let nameWord = invocation.nameWord else { continue }
        let options = invocation.parsedArguments(syntax: Self.optionSyntax).options
        let quiet = options.contains { option in
          option.isLong
            ? ["progress", "quiet", "no-verbose", "output-file", "append-output"].contains(option.name)
            : ["q", "o", "a"].contains(option.name) || (option.name == "n" && option.value == "v")
        }
        guard !quiet else { continue }
        var fixes: [Fix] = []
        if !run.isOnbuild, !Self.usesBusyBox(context, instructionIndex: run.instructionIndex) {
          let nameEnd = run.sourceRange(nameWord.range).upperBound
          fixes.append(Fix(title: "Add `--progress=dot:giga`", edits: [.insert(" --progress=dot:giga", at: nameEnd)]))
        }
        findings.append(finding(run.sourceRange(entry.command.range), "`wget` without `--progress` or `-q` fills the build log with progress output",
                                fixes: fixes))
      }
    }
  }

  /// Returns whether the stage of the instruction, or a stage it builds on, starts from an
  /// Alpine or BusyBox image, whose `wget` lacks `--progress`.
  // NOTE: a stage that installs GNU wget on Alpine gets no fix either.
  static func usesBusyBox(_ context: RuleContext, instructionIndex: Int) -> Bool {
    var stageIndex = context.model.stageIndexOfInstruction[instructionIndex]
    while let index = stageIndex {
      let stage = context.model.stages[index]
      if let image = stage.baseImage {
        let name = image.name.lowercased()
        return name.contains("alpine") || name.contains("busybox") || (image.tag?.lowercased().contains("alpine") ?? false)
      }
      stageIndex = stage.baseStageIndex
    }
    return false
  }
}
