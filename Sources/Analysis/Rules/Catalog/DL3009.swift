/// Reports `apt-get update` in a RUN that does not delete the apt lists afterwards, and offers
/// to delete them.
struct DL3009: Rule {
  static let id = "DL3009"
  static let title = "Delete the apt lists after apt-get update"
  static let defaultSeverity = Severity.info
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    `apt-get update` downloads the package lists of every configured repository into \
    `/var/lib/apt/lists`, often 20 to 50 MB. Nothing in the running container needs them, \
    and a later `RUN` that deletes them does not make the image smaller: the layer of the \
    `RUN` that downloaded them keeps them. Delete them in the same `RUN`.

    The lists count as deleted when an `rm` after the last `apt-get update` (or `apt update`) \
    of the `RUN` removes `/var/lib/apt/lists`, its contents, or a directory above it, when \
    `apt-get dist-clean` (in newer apt, such as Debian 13's, which also deletes the lists) runs \
    after it (hadolint 2.15.1 does not know `dist-clean`), or when \
    the `RUN` mounts a cache or tmpfs on `/var/lib/apt/lists` or on a directory above it such \
    as `/var/lib/apt`.

    As in hadolint 2.15.1, only stages that end up in an image are checked: the last stage and \
    every stage that another stage builds `FROM`. A stage that is only copied from with \
    `COPY --from` is not. Unlike hadolint, which accepts any `rm -rf`, an `rm` counts only \
    when it removes the lists and runs after the update; a cache mount on `/var/lib/apt` \
    alone is enough; and `sudo apt-get update` is found too. `ONBUILD RUN` triggers are \
    checked as well. Exec-form RUN is not checked.

    ## Example
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update && apt-get install -y --no-install-recommends curl
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm
    RUN apt-get update && apt-get install -y --no-install-recommends curl \\
        && rm -rf /var/lib/apt/lists/*
    ```

    ## Fix
    "Delete the apt lists" appends `&& rm -rf /var/lib/apt/lists/*` to the `RUN`, on a new \
    continuation line when the `RUN` already spans several lines. It is offered only when the \
    `RUN` is one `&&` chain (or one command) without `||`, a trailing `&` or a trailing \
    comment, so that the deletion runs last and only when everything before it succeeded, and \
    only when the same `RUN` installs packages and no later `RUN` of the stage installs without \
    updating first: deleting the lists there would make that install fail.
    """

  static let listsDirectory = "/var/lib/apt/lists"

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    var lastUpdateOfRun: [Int: PackageManagerCommand] = [:]
    var lastDistCleanOfRun: [Int: PackageManagerCommand] = [:]
    var runsWithInstall: Set<Int> = []
    // RUNs that install before updating in the same RUN, so they need the lists of an earlier layer.
    var runsNeedingEarlierLists: [Int] = []
    var order: [Int] = []
    for command in PackageCaches.commands(in: context) where command.manager == .aptGet || command.manager == .apt {
      if command.subcommand == "update" {
        if lastUpdateOfRun[command.instructionIndex] == nil { order.append(command.instructionIndex) }
        lastUpdateOfRun[command.instructionIndex] = command
      } else if command.isInstall || ["upgrade", "dist-upgrade", "full-upgrade", "build-dep"].contains(command.subcommand ?? "") {
        runsWithInstall.insert(command.instructionIndex)
        if lastUpdateOfRun[command.instructionIndex] == nil { runsNeedingEarlierLists.append(command.instructionIndex) }
      } else if command.subcommand == "dist-clean" || command.subcommand == "distclean" {
        lastDistCleanOfRun[command.instructionIndex] = command
      }
    }
    for index in order {
      guard let update = lastUpdateOfRun[index], PackageCaches.isInKeptStage(index, in: context),
        !PackageCaches.hasMount(coveringAnyOf: [Self.listsDirectory], onRunAt: index, in: context),
        !(lastDistCleanOfRun[index].map { PackageCaches.isBefore(PackageCaches.position(of: update), PackageCaches.position(of: $0)) } ?? false),
        !PackageCaches.removesAfter(PackageCaches.position(of: update), anyOf: [Self.listsDirectory], onRunAt: index, in: context)
      else { continue }
      // Deleting the lists would break an install in a later RUN that does not update first, so
      // the fix needs the install in the same RUN and no such later RUN in this stage or the
      // stages built on it.
      let laterRunNeedsLists = runsNeedingEarlierLists.contains { later in
        later > index && Self.stage(ofInstructionAt: later, buildsOnStageOf: index, in: context)
      }
      let fix = runsWithInstall.contains(index) && !laterRunNeedsLists
        ? CommandEdits.appendAndCommand("rm -rf /var/lib/apt/lists/*", toRunAt: index, in: context) : nil
      let fixes = fix.map { [Fix(title: "Delete the apt lists", edits: [$0])] } ?? []
      findings.append(finding(PackageCaches.sourceRange(of: update, in: context),
                              "Delete `/var/lib/apt/lists` in the `RUN` that ran `apt-get update`, or the lists stay in the layer",
                              fixes: fixes))
    }
  }

  /// Returns whether the stage of instruction `later` is the stage of `earlier` or built on it.
  static func stage(ofInstructionAt later: Int, buildsOnStageOf earlier: Int, in context: RuleContext) -> Bool {
    guard let target = context.model.stageIndexOfInstruction[earlier] else { return false }
    var current = context.model.stageIndexOfInstruction[later]
    var visited: Set<Int> = []
    while let stage = current, !visited.contains(stage) {
      if stage == target { return true }
      visited.insert(stage)
      current = context.model.stages[stage].baseStageIndex
    }
    return false
  }
}
