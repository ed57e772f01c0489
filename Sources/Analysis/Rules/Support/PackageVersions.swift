/// One package argument of an install command, as the pinning rules see it.
struct PackageArgument {
  let word: ShellWord
  /// The word after quote removal, with each expansion replaced by `1` so that
  /// `curl=${CURL_VERSION}` still reads as pinned.
  let text: String
  /// The word as written in the script, for messages.
  let written: String
  /// The word's range in the file.
  let sourceRange: Range<Int>
}

/// The install commands of a document that the pinning rules check, with their arguments mapped
/// to the file.
struct PackageInstalls {
  let command: PackageManagerCommand
  let script: RunScript
  /// Whether `script` was made from exec-form elements, each written as a single-quoted word.
  let quotesElements: Bool

  /// Returns the package-manager commands that RUN and `ONBUILD RUN` instructions run, each with
  /// the script it belongs to. Shell-form scripts count only under a POSIX `SHELL`. Exec form
  /// does not use `SHELL`, so it is always read (see `execFormScript`).
  static func all(in context: RuleContext, managers: Set<PackageManager>) -> [PackageInstalls] {
    // Ten rules ask, each for its own managers: find the commands of all managers once.
    context.derived("PackageInstalls.all", allManagers).filter { managers.contains($0.command.manager) }
  }

  private static func allManagers(in context: RuleContext) -> [PackageInstalls] {
    var result: [PackageInstalls] = []
    for (index, instruction) in context.instructions.enumerated() where instruction.kind == .run || instruction.kind == .onbuild {
      let runsInPOSIXShell = SemanticModel.isPOSIXShell(context.model.shellOfInstruction[index])
      let run = instruction.kind == .run ? instruction : instruction.onbuildTrigger?.instruction
      guard let run, run.kind == .run else { continue }
      var scripts: [RunScript] = []
      var quotesElements = false
      if let execForm = run.execForm {
        guard let execScript = execFormScript(execForm, source: context.source.bytes) else { continue }
        scripts = [execScript.script]
        quotesElements = execScript.quotesElements
      } else if !runsInPOSIXShell {
        continue
      } else if instruction.kind == .run {
        let runScripts = context.runScripts(ofInstructionAt: index)
        for command in PackageManagerCommands.commands(ofInstructionAt: index, in: context) {
          result.append(PackageInstalls(command: command, script: runScripts[command.scriptIndex], quotesElements: false))
        }
        continue
      } else if run.isShellForm {
        // NOTE: parsed on every call, because RuleContext caches only the scripts of RUN instructions.
        scripts = [RunScript(script: ShellParser.parse(run.arguments.bytes), text: run.arguments)]
      }
      for (scriptIndex, runScript) in scripts.enumerated() {
        for occurrence in runScript.script.simpleCommands() {
          guard let command = PackageManagerCommands.command(occurrence, instructionIndex: index, scriptIndex: scriptIndex)
          else { continue }
          result.append(PackageInstalls(command: command, script: runScript, quotesElements: quotesElements))
        }
      }
    }
    return result
  }

  /// Returns a script for an exec-form RUN. `["sh", "-c", "script"]` (any POSIX shell, with
  /// flags such as `-ec`) gives the script of its `-c` element. Any other command is run without
  /// a shell, so its elements become single-quoted words whose ranges map to the elements.
  static func execFormScript(_ execForm: ExecForm, source: [UInt8]) -> (script: RunScript, quotesElements: Bool)? {
    let elements = execForm.elements
    guard let program = elements.first else { return nil }
    let shellNames: Set<String> = ["sh", "bash", "dash", "ash", "ksh", "mksh", "zsh"]
    if shellNames.contains(ShellWrapper.baseName(program.value)) {
      guard let flag = elements.dropFirst().first(where: { !$0.value.hasPrefix("-") || $0.value.hasSuffix("c") }),
        flag.value.hasPrefix("-"), let flagIndex = elements.firstIndex(of: flag), flagIndex + 1 < elements.count
      else { return nil }
      let text = jsonStringText(elements[flagIndex + 1], source: source)
      return (RunScript(script: ShellParser.parse(text.bytes), text: text), false)
    }

    var bytes: [UInt8] = []
    var pieces: [LogicalText.Piece] = []
    for element in elements {
      if !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
      // The opening quote maps to the element's opening quote, the closing one to its closing quote.
      pieces.append(LogicalText.Piece(logicalStart: bytes.count, sourceStart: element.range.lowerBound))
      bytes.append(UInt8(ascii: "'"))
      for byte in element.value.utf8 {
        if byte == UInt8(ascii: "'") { bytes += Array("'\\''".utf8) } else { bytes.append(byte) }
      }
      pieces.append(LogicalText.Piece(logicalStart: bytes.count, sourceStart: element.range.upperBound - 1))
      bytes.append(UInt8(ascii: "'"))
    }
    let text = LogicalText(bytes: bytes, pieces: pieces)
    return (RunScript(script: ShellParser.parse(bytes), text: text), true)
  }

  /// Returns the decoded value of a JSON string element, mapped to its source between the
  /// quotes. Each escape starts a new piece, so offsets after it stay exact.
  static func jsonStringText(_ element: ExecElement, source: [UInt8]) -> LogicalText {
    let value = Array(element.value.utf8)
    let contentStart = element.range.lowerBound + 1
    let contentEnd = element.range.upperBound - 1
    var bytes: [UInt8] = []
    var pieces = [LogicalText.Piece(logicalStart: 0, sourceStart: contentStart)]
    var index = contentStart
    while index < contentEnd {
      guard source[index] == UInt8(ascii: "\\"), index + 1 < contentEnd else {
        bytes.append(source[index])
        index += 1
        continue
      }
      pieces.append(LogicalText.Piece(logicalStart: bytes.count, sourceStart: index))
      let escaped = source[index + 1]
      if escaped == UInt8(ascii: "u") {
        // Decode `\uXXXX` (and a surrogate pair) through the element's own value below.
        var end = index + 6
        if end + 6 <= contentEnd, source[end] == UInt8(ascii: "\\"), source[end + 1] == UInt8(ascii: "u"),
          let high = UInt32(String(decoding: source[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16),
          (0xD800...0xDBFF).contains(high)
        {
          end += 6
        }
        let escapeText = String(decoding: source[index..<min(end, contentEnd)], as: UTF8.self)
        bytes += Array(decodeJSONEscapes(escapeText).utf8)
        index = min(end, contentEnd)
      } else {
        let decoded: [UInt8: UInt8] = [UInt8(ascii: "b"): 8, UInt8(ascii: "f"): 12, UInt8(ascii: "n"): 10,
                                        UInt8(ascii: "r"): 13, UInt8(ascii: "t"): 9]
        bytes.append(decoded[escaped] ?? escaped)
        index += 2
      }
      pieces.append(LogicalText.Piece(logicalStart: bytes.count, sourceStart: index))
    }
    // Should the decoding differ from the parser's, the value is kept and maps from the start.
    guard bytes == value else { return LogicalText(bytes: value, pieces: [pieces[0]]) }
    return LogicalText(bytes: bytes, pieces: pieces)
  }

  /// Returns the text of `\uXXXX` escapes (one, or a surrogate pair) decoded.
  static func decodeJSONEscapes(_ text: String) -> String {
    let units = text.split(separator: "\\").compactMap { $0.hasPrefix("u") ? UInt16($0.dropFirst(), radix: 16) : nil }
    return String(decoding: units, as: UTF16.self)
  }

  /// Returns `word` as a package argument, or nil when its value cannot be judged: a word that
  /// starts with an expansion (`$PACKAGES`, `"$DIR"/x.whl`) may hold anything.
  func argument(_ word: ShellWord) -> PackageArgument? {
    guard let first = word.parts.first, !PackageVersions.isExpansion(first) else { return nil }
    var written = String(decoding: script.text.bytes[word.range], as: UTF8.self)
    if quotesElements, let value = word.literalValue { written = value }
    return PackageArgument(word: word, text: PackageVersions.judgedText(word.parts), written: written,
                           sourceRange: script.sourceRange(word.range))
  }

  /// The package arguments after the subcommand that can be judged.
  var packageArguments: [PackageArgument] { command.packages.compactMap(argument) }
}

/// The version syntax of each package manager: whether an install argument names an exact or
/// bounded version, a file, or a source that pins itself.
enum PackageVersions {
  /// Returns whether `part` is an expansion, or a double-quoted string that starts with one.
  static func isExpansion(_ part: ShellWordPart) -> Bool {
    switch part {
    case .parameterExpansion, .commandSubstitution, .arithmeticExpansion: return true
    case .doubleQuoted(let inner, _): return inner.first.map(isExpansion) ?? false
    default: return false
    }
  }

  /// Returns the text of `parts` after quote removal, with `1` for each expansion.
  static func judgedText(_ parts: [ShellWordPart]) -> String {
    var text = ""
    for part in parts {
      switch part {
      case .literal(let value, _), .singleQuoted(let value, _), .ansiCQuoted(let value, _), .glob(let value, _):
        text += value
      case .doubleQuoted(let inner, _): text += judgedText(inner)
      case .tilde(let user, _): text += "~" + user
      case .parameterExpansion, .commandSubstitution, .arithmeticExpansion: text += "1"
      }
    }
    return text
  }

  /// Returns whether `text` ends with one of `suffixes`.
  static func hasAnySuffix(_ text: String, _ suffixes: [String]) -> Bool {
    suffixes.contains { text.hasSuffix($0) }
  }

  // MARK: apt-get

  /// Returns whether an apt-get argument is pinned: `pkg=version` (globs such as `pkg=1.2.*`
  /// included), `pkg/release`, or a `.deb` file or path.
  static func isAptPinned(_ text: String) -> Bool {
    text.contains("=") || text.contains("/") || text.hasSuffix(".deb")
  }

  // MARK: pip

  static let pipComparisons = ["==", ">=", "<=", "~=", "!=", "<", ">"]
  static let pipArchiveSuffixes = [".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tar", ".zip"]
  static let pipVCSPrefixes = ["git+", "hg+", "svn+", "bzr+", "git://", "svn://"]

  /// Returns whether a pip requirement is pinned: a version specifier (`==`, `>=`, `~=`, `===`,
  /// …, after optional extras), `name @ url`, a VCS URL with `@ref`, an archive, or a path or URL.
  static func isPipPinned(_ text: String) -> Bool {
    if isPipVCS(text) { return pipVCSHasRef(text) }
    if let at = text.firstIndex(of: "@") {
      // `name @ url`: the URL decides.
      let reference = text[text.index(after: at)...].drop { $0 == " " }
      if reference.contains("://") { return isPipVCS(String(reference)) ? pipVCSHasRef(String(reference)) : true }
    }
    if pipComparisons.contains(where: { text.contains($0) }) { return true }
    if hasAnySuffix(text, pipArchiveSuffixes) { return true }
    return text == "." || text == ".." || text.contains("/")
  }

  static func isPipVCS(_ text: String) -> Bool { pipVCSPrefixes.contains { text.hasPrefix($0) } }

  /// Returns whether a VCS URL names a revision with an `@` in its path. An `@` before the host,
  /// as in `git@github.com`, names a user.
  static func pipVCSHasRef(_ url: String) -> Bool {
    guard let scheme = url.firstRange(of: "://") else { return url.contains("@") }
    let afterScheme = url[scheme.upperBound...]
    guard let slash = afterScheme.firstIndex(of: "/") else { return false }
    let path = afterScheme[slash...].prefix { $0 != "#" }
    return path.contains("@")
  }

  // MARK: npm

  static let npmGitPrefixes = ["git://", "git+ssh://", "git+http://", "git+https://", "git+file://", "github:", "gitlab:",
                               "bitbucket:", "gist:"]
  static let npmTarballSuffixes = [".tar", ".tar.gz", ".tgz"]
  static let npmPathPrefixes = ["/", "./", "../", "~/", "file:"]

  /// Returns whether an npm package spec is pinned: `name@version` or `@scope/name@version` (not
  /// `@latest`), a git source with `#ref`, a tarball, or a local folder.
  static func isNpmPinned(_ text: String) -> Bool {
    if npmGitPrefixes.contains(where: { text.hasPrefix($0) }) { return text.contains("#") }
    if hasAnySuffix(text, npmTarballSuffixes) { return true }
    if text == "." || text == ".." || npmPathPrefixes.contains(where: { text.hasPrefix($0) }) { return true }
    // Drop the scope so that its `@` is not read as a version.
    var name = Substring(text)
    if name.hasPrefix("@"), let slash = name.firstIndex(of: "/") { name = name[name.index(after: slash)...]
    } else if name.contains("/") && !name.contains("://") {
      // `user/repo`: a GitHub shorthand, pinned only by `#ref`.
      return name.contains("#")
    }
    guard let at = name.firstIndex(of: "@") else { return false }
    let spec = name[name.index(after: at)...]
    return !spec.isEmpty && spec != "latest"
  }

  // MARK: apk

  /// Returns whether an apk argument is pinned: `pkg=1.2`, `pkg~1.2`, `pkg>1`, `pkg<2`, or an `.apk` file.
  static func isApkPinned(_ text: String) -> Bool {
    text.contains { "=~<>".contains($0) } || text.hasSuffix(".apk")
  }

  // MARK: gem

  /// Returns whether a gem argument is pinned: `gem:version` (or a requirement such as
  /// `gem:~>1.2`), or a `.gem` file or path.
  static func isGemPinned(_ text: String) -> Bool {
    text.contains(":") || text.hasSuffix(".gem") || text.contains("/")
  }

  // MARK: yum, dnf, microdnf

  /// Returns whether a yum or dnf argument is pinned. `name-version[-release]` counts when every
  /// part after the first `-` is made of version characters and one part starts with a digit, so
  /// `foo-bar-1.2` is pinned and `python3-pip` is not. A comparison such as `'httpd >= 2.4'`, an
  /// `.rpm` file and `@module:stream` count too.
  static func isRPMPinned(_ text: String) -> Bool {
    if text.hasSuffix(".rpm") || text.contains(where: { "=<>".contains($0) }) { return true }
    if text.hasPrefix("@") { return text.contains(":") }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count > 1 else { return false }
    let versionParts = parts.dropFirst()
    return versionParts.allSatisfy { $0.allSatisfy(isRPMVersionCharacter) }
      && versionParts.contains { $0.first?.isASCII == true && $0.first?.isNumber == true }
  }

  static func isRPMVersionCharacter(_ character: Character) -> Bool {
    character.isASCII && (character.isLetter || character.isNumber || ".~^_:+".contains(character))
  }

  /// Returns whether a module spec names its stream, as `nodejs:18` does.
  static func isModulePinned(_ text: String) -> Bool { text.contains(":") }

  // MARK: zypper

  /// Returns whether a zypper argument is pinned: `pkg=1.2`, `pkg>=1`, `pkg<2`, or an `.rpm` file.
  static func isZypperPinned(_ text: String) -> Bool {
    text.contains { "=<>".contains($0) } || text.hasSuffix(".rpm")
  }

  // MARK: go

  /// Module queries that float to whatever is newest.
  static let goFloatingQueries: Set<Substring> = ["latest", "upgrade", "patch"]

  /// Returns whether a go package argument is pinned: `path@version` (not `@latest`, `@upgrade`
  /// or `@patch`), a local package (`./cmd/x`, `/src/x`), or a `.go` file.
  static func isGoPinned(_ text: String) -> Bool {
    if text.hasPrefix(".") || text.hasPrefix("/") || text.hasSuffix(".go") { return true }
    guard let at = text.lastIndex(of: "@") else { return false }
    return !goFloatingQueries.contains(text[text.index(after: at)...])
  }

  /// The flags of the go build commands that take a value as the next word.
  static let goFlagsWithValue: Set<String> = [
    "C", "p", "o", "asmflags", "buildmode", "compiler", "gccgoflags", "gcflags", "installsuffix", "ldflags", "mod",
    "modfile", "overlay", "pgo", "pkgdir", "tags", "toolexec", "coverpkg", "covermode", "exec",
  ]

  /// Returns the positional arguments of a go subcommand. Go's flags have one or two dashes
  /// and end at the first argument that is not a flag, which `ShellOptionSyntax` cannot express.
  static func goPositionalArguments(_ words: [ShellWord]) -> [ShellWord] {
    var index = 0
    while index < words.count {
      guard let value = words[index].literalValue, value.hasPrefix("-"), value != "-" else { break }
      index += 1
      if value == "--" { break }
      let name = value.drop { $0 == "-" }
      if !name.contains("="), goFlagsWithValue.contains(String(name)) { index += 1 }
    }
    return index < words.count ? Array(words[index...]) : []
  }
}

extension PackageVersions {
  /// Returns the message of a pinning finding. `written` is the argument as written, and
  /// `suggestion` is its pinned form with a placeholder such as `<version>`.
  static func message(_ written: String, suggestion: String) -> String {
    "Pin the version of `\(written)`, as in `\(suggestion)`"
  }

  /// Returns `text` without a trailing `@…` query, to suggest `name@<version>` for `name@latest`.
  static func droppingQuery(_ text: String) -> String {
    let start = text.hasPrefix("@") ? text.index(after: text.startIndex) : text.startIndex
    guard let at = text[start...].lastIndex(of: "@") else { return text }
    return String(text[..<at])
  }
}

extension PackageInstalls {
  /// The packages of `yum/dnf install` and the modules of `yum/dnf module install`.
  var rpmArguments: (packages: [PackageArgument], modules: [PackageArgument]) {
    if command.isInstall { return (packageArguments, []) }
    guard command.subcommand == "module", command.packages.first?.literalValue == "install" else { return ([], []) }
    return ([], command.packages.dropFirst().compactMap(argument))
  }

  /// Appends a finding of `rule` for each unpinned package or module of a yum or dnf install.
  func checkRPMArguments<R: Rule>(_ rule: R, into findings: inout [Finding]) {
    let arguments = rpmArguments
    for package in arguments.packages where !PackageVersions.isRPMPinned(package.text) {
      findings.append(rule.finding(package.sourceRange, PackageVersions.message(package.written, suggestion: package.written + "-<version>")))
    }
    for module in arguments.modules where !PackageVersions.isModulePinned(module.text) {
      let message = "Pin the stream of module `\(module.written)`, as in `\(module.written):<stream>`"
      findings.append(rule.finding(module.sourceRange, message))
    }
  }
}
