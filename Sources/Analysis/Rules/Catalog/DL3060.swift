/// Reports `yarn install` in a RUN that does not clean yarn's cache afterwards, and offers to
/// clean it.
struct DL3060: Rule {
  static let id = "DL3060"
  static let title = "Clean the yarn cache after yarn install"
  static let defaultSeverity = Severity.info
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    Yarn 1 keeps a copy of every package it downloads in its global cache \
    (`/usr/local/share/.cache/yarn` in the official Node images), in addition to the copy in \
    `node_modules`. For a typical application that is hundreds of megabytes which nothing in \
    the container uses, and a later `RUN` cannot remove them from the layer that wrote them. \
    Run `yarn cache clean` in the same `RUN`.

    The cache counts as cleaned when `yarn cache clean` runs after the last `yarn install` of \
    the `RUN`, or when the `RUN` mounts a cache or tmpfs on yarn's cache directory (a path \
    ending in `.cache/yarn`, or inside one).

    As in hadolint 2.15.1, only stages that end up in an image are checked: the last stage and \
    every stage that another stage builds `FROM`. A stage that is only copied from with \
    `COPY --from` is not. `yarn add` and a bare `yarn` are not reported, as in hadolint. \
    `ONBUILD RUN` triggers are checked as well. Exec-form \
    RUN is not checked.

    ## Example
    ```dockerfile
    FROM node:20
    RUN yarn install --frozen-lockfile
    ```

    ## Use instead
    ```dockerfile
    FROM node:20
    RUN yarn install --frozen-lockfile && yarn cache clean
    ```

    ## Fix
    "Clean the yarn cache" appends `&& yarn cache clean` to the `RUN`, on a new continuation \
    line when the `RUN` already spans several lines. It is offered only when the `RUN` is one \
    `&&` chain (or one command) without `||`, a trailing `&` or a trailing comment.
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    var commandsOfRun: [Int: [PackageManagerCommand]] = [:]
    var order: [Int] = []
    for command in PackageCaches.commands(in: context) where command.manager == .yarn {
      if commandsOfRun[command.instructionIndex] == nil { order.append(command.instructionIndex) }
      commandsOfRun[command.instructionIndex, default: []].append(command)
    }
    for index in order {
      let commands = commandsOfRun[index] ?? []
      guard let install = commands.last(where: { $0.subcommand == "install" }), PackageCaches.isInKeptStage(index, in: context),
        !PackageCaches.hasMount(onRunAt: index, in: context, where: Self.isYarnCache)
      else { continue }
      let cleaned = commands.contains { command in
        command.subcommand == "cache" && command.packages.first?.literalValue == "clean"
          && PackageCaches.isBefore(PackageCaches.position(of: install), PackageCaches.position(of: command))
      }
      guard !cleaned else { continue }
      let fixes = CommandEdits.appendAndCommand("yarn cache clean", toRunAt: index, in: context)
        .map { [Fix(title: "Clean the yarn cache", edits: [$0])] } ?? []
      findings.append(finding(PackageCaches.sourceRange(of: install, in: context),
                              "Run `yarn cache clean` after `yarn install` in the same `RUN`, or the cache stays in the layer",
                              fixes: fixes))
    }
  }

  /// Whether a mount target is yarn's cache directory or inside it.
  static func isYarnCache(_ target: String) -> Bool {
    target.hasSuffix("/.cache/yarn") || target.contains("/.cache/yarn/")
  }
}
