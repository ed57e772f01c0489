/// Reports `apk add` without `--no-cache`, and offers to add it.
struct DL3019: Rule {
  static let id = "DL3019"
  static let title = "Use --no-cache with apk add"
  static let defaultSeverity = Severity.info
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    Without `--no-cache`, apk keeps the package index it downloads in `/var/cache/apk`, a few \
    megabytes that then stay in the layer: on an Alpine image that can be a large part of the \
    whole. With `--no-cache`, apk fetches the index into memory and writes nothing there, so \
    neither a separate `apk update` nor `rm -rf /var/cache/apk/*` is needed.

    A `RUN` that mounts a cache or tmpfs on `/var/cache/apk` or `/etc/apk/cache` (or a \
    directory above them) keeps the index out of the layer and is not reported. Every stage \
    is checked, as in hadolint 2.15.1; unlike hadolint, `apk` after wrappers such as `sudo` is \
    found too, and a mount on `/etc/apk/cache` also counts, because apk writes its cache \
    there instead when that directory exists. \
    `ONBUILD RUN` triggers are checked as well. Exec-form \
    RUN is not checked.

    ## Example
    ```dockerfile
    FROM alpine:3.20
    RUN apk update && apk add curl && rm -rf /var/cache/apk/*
    ```

    ## Use instead
    ```dockerfile
    FROM alpine:3.20
    RUN apk add --no-cache curl
    ```

    ## Fix
    "Add `--no-cache`" inserts `--no-cache` right after `add`. When no other apk command of \
    the `RUN` still uses the cache, it also removes an `apk update &&` just before the \
    `apk add` and an `&& rm -rf /var/cache/apk/*` after it in the same `&&` chain, since both \
    become pointless. Other forms of them are left as they are.
    """

  static let cacheDirectories = ["/var/cache/apk", "/etc/apk/cache"]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let commands = PackageCaches.commands(in: context).filter { $0.manager == .apk }
    for command in commands where command.subcommand == "install" && !command.hasOption(long: ["no-cache"]) {
      guard !PackageCaches.hasMount(coveringAnyOf: Self.cacheDirectories, onRunAt: command.instructionIndex, in: context) else { continue }
      let sameRun = commands.filter { $0.instructionIndex == command.instructionIndex }
      let fixes = fix(command, sameRun: sameRun, context).map { [$0] } ?? []
      findings.append(finding(PackageCaches.sourceRange(of: command, in: context),
                              "`apk add` without `--no-cache` leaves the package index in `/var/cache/apk`", fixes: fixes))
    }
  }

  func fix(_ command: PackageManagerCommand, sameRun: [PackageManagerCommand], _ context: RuleContext) -> Fix? {
    guard let addWord = command.subcommandWord,
      let insertion = CommandEdits.insert("--no-cache", after: addWord, of: command, in: context)
    else { return nil }
    var edits = [insertion]

    let runScript = PackageCaches.scripts(ofRunAt: command.instructionIndex, in: context)[command.scriptIndex]
    guard let instruction = PackageCaches.runInstruction(at: command.instructionIndex, in: context) else { return nil }
    guard let (andOr, position) = Self.andOrList(containing: command.occurrence.command, in: runScript.script.body) else {
      return Fix(title: "Add `--no-cache`", edits: edits)
    }
    let pipelines = andOr.pipelines
    var removedUpdate: SimpleCommand?
    if position > 0, andOr.rest[position - 1].op == .and, position < 2 || andOr.rest[position - 2].op == .and,
      let update = Self.plainCommand(pipelines[position - 1]), update.words.compactMap(\.literalValue) == ["apk", "update"],
      update.words.count == 2
    {
      removedUpdate = update
    }
    var removedCleanup: Int?
    if position + 1 < pipelines.count, andOr.rest[position].op == .and,
      let cleanup = Self.plainCommand(pipelines[position + 1]), Self.onlyRemovesApkCache(cleanup)
    {
      removedCleanup = position + 1
    }
    // The update and the cleanup stay useful while another apk command still uses the cache.
    let othersUseCache = sameRun.contains { other in
      other.occurrence.command != command.occurrence.command && other.occurrence.command != removedUpdate
        && other.subcommand != "remove" && !other.hasOption(long: ["no-cache"])
    }
    guard !othersUseCache else { return Fix(title: "Add `--no-cache`", edits: edits) }

    if removedUpdate != nil {
      let range = runScript.sourceRange(pipelines[position - 1].range).lowerBound..<runScript.sourceRange(pipelines[position].range).lowerBound
      if !Self.containsComment(range, instruction) { edits.append(TextEdit(range: range, newText: "")) }
    }
    if let index = removedCleanup {
      let range = runScript.sourceRange(pipelines[index - 1].range).upperBound..<runScript.sourceRange(pipelines[index].range).upperBound
      if !Self.containsComment(range, instruction) { edits.append(TextEdit(range: range, newText: "")) }
    }
    return Fix(title: "Add `--no-cache`", edits: edits)
  }

  /// Returns the and-or list in which `command` is a pipeline of its own, with the pipeline's index.
  static func andOrList(containing command: SimpleCommand, in list: ShellList) -> (AndOrList, Int)? {
    for item in list.items {
      for (index, pipeline) in item.andOr.pipelines.enumerated() {
        if plainCommand(pipeline) == command { return (item.andOr, index) }
        for case .compound(let compound) in pipeline.commands {
          for nested in nestedLists(compound.kind) {
            if let found = andOrList(containing: command, in: nested) { return found }
          }
        }
      }
    }
    return nil
  }

  static func nestedLists(_ kind: CompoundCommand.Kind) -> [ShellList] {
    switch kind {
    case .subshell(let list), .group(let list): return [list]
    case .ifClause(let clause): return clause.branches.flatMap { [$0.condition, $0.body] } + (clause.elseBody.map { [$0] } ?? [])
    case .forLoop(let loop): return [loop.body]
    case .whileLoop(let loop): return [loop.condition, loop.body]
    case .caseClause(let clause): return clause.items.map(\.body)
    case .arithmetic: return []
    }
  }

  /// Returns the simple command that is the whole pipeline, without `!`, assignments or
  /// redirections.
  static func plainCommand(_ pipeline: Pipeline) -> SimpleCommand? {
    guard !pipeline.isNegated, pipeline.commands.count == 1, case .simple(let command) = pipeline.commands[0],
      command.assignments.isEmpty, command.redirections.isEmpty
    else { return nil }
    return command
  }

  /// Whether `command` is an `rm` whose operands all lie in `/var/cache/apk`.
  static func onlyRemovesApkCache(_ command: SimpleCommand) -> Bool {
    guard command.name == "rm" else { return false }
    let operands = command.invocation.positionalArguments()
    return !operands.isEmpty && operands.allSatisfy { operand in
      guard let value = operand.literalValue, value.hasPrefix("/") else { return false }
      let path = PackageCaches.normalisedPath(value)
      return path == "/var/cache/apk" || path.hasPrefix("/var/cache/apk/")
    }
  }

  static func containsComment(_ range: Range<Int>, _ instruction: Instruction) -> Bool {
    instruction.embeddedComments.contains { $0.range.overlaps(range) }
  }
}
