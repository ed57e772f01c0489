/// Reads the paths that RUN commands and COPY/ADD instructions add and delete.
enum LayerPaths {
  /// Returns the WORKDIR after `WORKDIR argument`, or nil when it has an expansion or is relative
  /// to an unknown directory.
  static func workdir(_ argument: String, after current: String?) -> String? {
    let text = argument.trimmingBlanks
    guard !text.isEmpty, !text.contains("$") else { return nil }
    return PathPattern.resolve(text, in: current ?? (text.hasPrefix("/") ? nil : "/"))
  }

  static func collectCopy(_ instruction: Instruction, workdir: String?, into layer: inout Layer) {
    let arguments = CopyArguments(instruction)
    guard let destination = arguments.destination, !destination.contains("$") else { return }
    let range = instruction.argumentsRange
    // BuildKit copies into a directory when the destination ends with `/` or there are several sources.
    let intoDirectory = destination.hasSuffix("/") || destination == "." || destination.hasSuffix("/.")
      || destination == ".." || arguments.sources.count > 1 || !instruction.heredocs.isEmpty
    guard let target = PathPattern.resolve(destination, in: workdir) else { return }
    if intoDirectory {
      let names: [String] = instruction.heredocs.isEmpty ? arguments.sources : instruction.heredocs.map(\.name)
      if names.contains(where: { $0 == "." || $0.hasSuffix("/") }) {
        // A directory's contents land in the target itself.
        var path = LayerPath(path: target, origin: .copy, range: range)
        path.coversContents = true
        layer.added.append(path)
      }
      for source in names where !source.contains("$") && !source.contains("*") && !source.hasSuffix("/") && source != "." {
        let name = PathPattern.baseName(source)
        guard !name.isEmpty, let path = PathPattern.resolve(name, in: target) else { continue }
        layer.added.append(LayerPath(path: path, origin: .copy, range: range))
      }
    } else {
      var path = LayerPath(path: target, origin: .copy, range: range)
      // `COPY . /app` or `COPY dir/ /app` writes a tree, so deleting inside it counts.
      path.coversContents = arguments.sources.contains { $0 == "." || $0.hasSuffix("/") }
      layer.added.append(path)
    }
  }

  static func collectRun(instructionAt index: Int, workdir: String?, context: RuleContext, into layer: inout Layer) {
    // The arguments, then each heredoc body that is a shell script, run in order.
    var cwd = workdir
    for runScript in context.runScripts(ofInstructionAt: index) {
      var collector = RunCollector(text: runScript.text, cwd: cwd)
      for entry in runScript.script.simpleCommands() {
        collector.visit(entry)
      }
      layer.added += collector.added
      layer.deleted += collector.deleted
      layer.extracted += collector.extracted
      // A heredoc body fed to `sh` runs in the same shell only for `RUN <<EOF`; either way a
      // `cd` there is unsure for what follows.
      cwd = collector.cwd == cwd ? cwd : nil
    }
  }
}

/// Walks the simple commands of one RUN in order, tracking the working directory.
struct RunCollector {
  /// The script's text, which maps its offsets to the source.
  let text: LogicalText
  var cwd: String?
  var added: [LayerPath] = []
  var deleted: [LayerPath] = []
  var extracted: [LayerPath] = []

  init(text: LogicalText, cwd: String?) {
    self.text = text
    self.cwd = cwd
  }

  mutating func visit(_ entry: ShellCommandOccurrence) {
    let command = entry.command
    for redirection in command.redirections {
      guard [.output, .append, .clobber, .outputAndError, .appendOutputAndError].contains(redirection.op),
            redirection.fileDescriptor != 0,
            let target = redirection.target?.literalValue, !target.hasPrefix("/dev/") else { continue }
      record(target, .redirection, entry, into: .added)
    }
    let invocation = entry.invocation
    guard let name = invocation.baseName else { return }
    switch name {
    case "cd": changeDirectory(invocation, entry)
    case "curl": curl(invocation, entry)
    case "wget": wget(invocation, entry)
    case "tar": tar(invocation, entry)
    case "unzip": unzip(invocation, entry)
    case "mkdir":
      for word in invocation.positionalArguments(syntax: Self.mkdirSyntax) {
        record(word, .directory, entry, into: .added)
      }
    case "git": gitClone(invocation, entry)
    case "rm", "rmdir":
      for word in invocation.positionalArguments() {
        record(word, .removal, entry, into: .deleted)
      }
    default:
      packageManager(name, invocation, entry)
    }
  }

  // MARK: - Commands

  mutating func changeDirectory(_ invocation: ShellInvocation, _ entry: ShellCommandOccurrence) {
    let separate = !entry.context.runsInScriptShell || !entry.context.isDisjoint(with: [.branch, .loop, .condition])
    guard !separate, let target = invocation.positionalArguments().first?.literalValue, !target.hasPrefix("~"),
          target != "-" else {
      // A `cd` that may or may not run, or to an unknown place, makes relative paths unknown.
      cwd = nil
      return
    }
    cwd = PathPattern.resolve(target, in: cwd)
  }

  static let curlSyntax = ShellOptionSyntax(
    short: "AbCcDdEeFHKmoPQrTtUuwXxYyz",
    long: ["output", "output-dir", "header", "data", "data-binary", "data-raw", "data-urlencode", "user",
           "user-agent", "referer", "request", "retry", "retry-delay", "retry-max-time", "max-time",
           "connect-timeout", "cookie", "cookie-jar", "proxy", "cacert", "capath", "cert", "key", "config",
           "write-out", "range", "form", "continue-at", "limit-rate", "max-filesize", "resolve", "url",
           "proto", "proto-redir", "tlsv1.2", "ciphers", "dns-servers", "interface", "netrc-file"])

  mutating func curl(_ invocation: ShellInvocation, _ entry: ShellCommandOccurrence) {
    let parsed = invocation.parsedArguments(syntax: Self.curlSyntax)
    let directory = parsed.options(short: nil, long: ["output-dir"]).last?.value
    for option in parsed.options(short: "o", long: ["output"]) {
      guard let value = option.value, value != "-", let word = option.valueWord else { continue }
      let path = directory.map { $0 + "/" + value } ?? value
      record(path, word: word, .download, entry, into: .added)
    }
    let remoteName = !parsed.options(short: "O", long: ["remote-name", "remote-name-all"]).isEmpty
    guard remoteName else { return }
    let urls = parsed.positionalArguments + parsed.options(short: nil, long: ["url"]).compactMap(\.valueWord)
    for url in urls {
      guard let text = url.literalValue, let name = Self.remoteFileName(text) else { continue }
      record(directory.map { $0 + "/" + name } ?? name, word: url, .download, entry, into: .added)
    }
  }

  static let wgetSyntax = ShellOptionSyntax(
    short: "aBDeiIlOoPQRTtUwX",
    long: ["output-document", "output-file", "append-output", "directory-prefix", "user-agent", "header",
           "tries", "timeout", "wait", "user", "password", "input-file", "base", "execute", "level", "quota",
           "post-data", "post-file", "method", "body-data", "ca-certificate", "certificate", "private-key",
           "accept", "reject", "domains", "exclude-domains", "include-directories", "exclude-directories"])

  mutating func wget(_ invocation: ShellInvocation, _ entry: ShellCommandOccurrence) {
    let parsed = invocation.parsedArguments(syntax: Self.wgetSyntax)
    let documents = parsed.options(short: "O", long: ["output-document"])
    if let option = documents.last {
      guard let value = option.value, value != "-", let word = option.valueWord else { return }
      record(value, word: word, .download, entry, into: .added)
      return
    }
    let prefix = parsed.options(short: "P", long: ["directory-prefix"]).last.map { $0.value }
    for url in parsed.positionalArguments {
      guard let text = url.literalValue, let name = Self.remoteFileName(text) else { continue }
      switch prefix {
      case .none: record(name, word: url, .download, entry, into: .added)
      case .some(.some(let directory)): record(directory + "/" + name, word: url, .download, entry, into: .added)
      case .some(.none): continue
      }
    }
  }

  /// The file name curl `-O` and wget give a download: the URL path's last component.
  static func remoteFileName(_ url: String) -> String? {
    let utf8 = Array(url.utf8)
    guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")), utf8[(colon + 1)...].starts(with: "//".utf8) else { return nil }
    var rest = Substring(String(decoding: utf8[(colon + 3)...], as: UTF8.self))
    if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
    guard let slash = rest.firstIndex(of: "/") else { return nil }
    let name = PathPattern.baseName(String(rest[slash...]))
    return name.isEmpty || name.contains("*") ? nil : name
  }

  static let tarSyntax = ShellOptionSyntax(
    short: "bCfFgHIKLNTVX",
    long: ["file", "directory", "files-from", "exclude-from", "use-compress-program", "format", "exclude",
           "blocking-factor", "group", "owner", "mode", "mtime", "newer", "listed-incremental", "label",
           "transform", "xform", "strip-components"])

  mutating func tar(_ invocation: ShellInvocation, _ entry: ShellCommandOccurrence) {
    var words = invocation.arguments
    // Old-style options: `tar xzf file.tgz` is `tar -xzf file.tgz`.
    if let first = words.first, let value = first.literalValue, !value.hasPrefix("-"), !value.isEmpty,
       value.allSatisfy({ $0.isLetter }) {
      var converted = first
      converted.literalValue = "-" + value
      words[0] = converted
    }
    let parsed = ShellParsedArguments(words, syntax: Self.tarSyntax)
    guard !parsed.options(short: "x", long: ["extract", "get"]).isEmpty else { return }
    if let option = parsed.options(short: "f", long: ["file"]).last, let word = option.valueWord {
      if option.value == "-" {
        extracted.append(path("-", origin: .archive, entry))
      } else if let value = option.value {
        record(value, word: word, .archive, entry, into: .extracted)
      }
    } else {
      // Without `-f`, GNU tar reads standard input.
      extracted.append(path("-", origin: .archive, entry))
    }
    if let directory = parsed.options(short: "C", long: ["directory"]).last {
      if let value = directory.value { record(value, .extraction, entry, into: .added) }
    } else if let cwd {
      added.append(path(cwd, origin: .extraction, entry))
    }
  }

  mutating func unzip(_ invocation: ShellInvocation, _ entry: ShellCommandOccurrence) {
    let parsed = invocation.parsedArguments(syntax: Self.unzipSyntax)
    guard let archive = parsed.positionalArguments.first else { return }
    record(archive, .archive, entry, into: .extracted)
    if let directory = parsed.options(short: "d", long: []).last {
      if let value = directory.value { record(value, .extraction, entry, into: .added) }
    } else if let cwd {
      added.append(path(cwd, origin: .extraction, entry))
    }
  }

  static let gitSyntax = ShellOptionSyntax(short: "Cc", long: ["git-dir", "work-tree", "namespace", "exec-path"],
                                           stopsAtFirstPositional: true)
  static let gitCloneSyntax = ShellOptionSyntax(
    short: "bcjou",
    long: ["branch", "depth", "origin", "config", "reference", "reference-if-able", "jobs", "upload-pack", "template",
           "separate-git-dir", "shallow-since", "shallow-exclude", "filter", "server-option", "bundle-uri"])

  mutating func gitClone(_ invocation: ShellInvocation, _ entry: ShellCommandOccurrence) {
    let global = invocation.parsedArguments(syntax: Self.gitSyntax)
    guard global.positionalArguments.first?.literalValue == "clone" else { return }
    let rest = Array(invocation.arguments[(global.optionsEndIndex + 1)...])
    let positionals = ShellParsedArguments(rest, syntax: Self.gitCloneSyntax).positionalArguments
    if positionals.count >= 2 {
      record(positionals[1], .clone, entry, into: .added)
    } else if let url = positionals.first?.literalValue {
      var name = PathPattern.baseName(url)
      if name.hasSuffix(".git") { name.removeLast(4) }
      if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
      if !name.isEmpty { record(name, word: positionals[0], .clone, entry, into: .added) }
    }
  }

  /// Package manager commands that fill or empty a cache directory.
  static let packageManagerNames: Set<String> = ["apt-get", "apt", "yum", "dnf", "microdnf", "apk"]
  /// The options of those managers that take a value, enough to find the subcommand.
  static let packageManagerSyntax = ShellOptionSyntax(short: "oc", long: ["option", "config"])
  static let mkdirSyntax = ShellOptionSyntax(short: "mZ", long: ["mode", "context"])
  static let unzipSyntax = ShellOptionSyntax(short: "dP")

  mutating func packageManager(_ name: String, _ invocation: ShellInvocation, _ entry: ShellCommandOccurrence) {
    guard Self.packageManagerNames.contains(name) else { return }
    let positionals = invocation.positionalArguments(syntax: Self.packageManagerSyntax)
    let subcommand = positionals.first?.literalValue
    let second = positionals.dropFirst().first?.literalValue
    switch (name, subcommand) {
    case ("apt-get", "update"), ("apt", "update"):
      added.append(path("/var/lib/apt/lists", origin: .packageCache, entry))
    case ("apt-get", "clean"), ("apt", "clean"):
      deleted.append(path("/var/cache/apt/archives/*", origin: .removal, entry))
    case ("yum", "install"), ("yum", "update"), ("yum", "makecache"):
      added.append(path("/var/cache/yum", origin: .packageCache, entry))
    case ("yum", "clean") where second == "all" || second == "packages":
      deleted.append(path("/var/cache/yum/*", origin: .removal, entry))
    case ("dnf", "install"), ("dnf", "update"), ("dnf", "makecache"), ("microdnf", "install"):
      added.append(path(name == "dnf" ? "/var/cache/dnf" : "/var/cache/yum", origin: .packageCache, entry))
    case ("dnf", "clean") where second == "all" || second == "packages",
         ("microdnf", "clean") where second == "all":
      deleted.append(path(name == "dnf" ? "/var/cache/dnf/*" : "/var/cache/yum/*", origin: .removal, entry))
    case ("apk", "update"):
      added.append(path("/var/cache/apk", origin: .packageCache, entry))
    case ("apk", "cache") where second == "clean" || second == "purge":
      deleted.append(path("/var/cache/apk/*", origin: .removal, entry))
    default:
      break
    }
  }

  // MARK: - Recording

  func path(_ path: String, origin: LayerPath.Origin, _ entry: ShellCommandOccurrence) -> LayerPath {
    var result = LayerPath(path: path, origin: origin, range: text.sourceRange(entry.command.range),
                           commandRange: entry.command.range)
    result.context = entry.context
    result.coversContents = origin == .packageCache || origin == .clone
    return result
  }

  /// The list a recorded path goes to.
  enum Target { case added, deleted, extracted }

  mutating func record(_ word: ShellWord, _ origin: LayerPath.Origin, _ entry: ShellCommandOccurrence,
                       into target: Target) {
    guard let value = word.literalValue else { return }
    // Globs only make sense as deletion patterns; an added `*` is unknown.
    if word.hasGlob && origin != .removal { return }
    record(value, word: word, origin, entry, into: target)
  }

  mutating func record(_ value: String, word: ShellWord? = nil, _ origin: LayerPath.Origin, _ entry: ShellCommandOccurrence,
                       into target: Target) {
    guard !value.hasPrefix("~"), !value.hasPrefix("-"), let resolved = PathPattern.resolve(value, in: cwd) else { return }
    let entryPath = path(resolved, origin: origin, entry)
    switch target {
    case .added: added.append(entryPath)
    case .deleted: deleted.append(entryPath)
    case .extracted: extracted.append(entryPath)
    }
  }
}

extension String {
  /// The text without leading and trailing spaces and tabs.
  var trimmingBlanks: String {
    var text = Substring(self)
    while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    return String(text)
  }
}
