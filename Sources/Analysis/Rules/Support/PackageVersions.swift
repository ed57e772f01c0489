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

  /// Returns the package-manager commands of every RUN that runs under a POSIX shell, each with
  /// the script it belongs to. Each RUN's scripts are built once.
  static func all(in context: RuleContext, managers: Set<PackageManager>) -> [PackageInstalls] {
    // Ten rules ask, each for its own managers: find the commands of all managers once.
    context.derived("PackageInstalls.all", allManagers).filter { managers.contains($0.command.manager) }
  }

  private static func allManagers(in context: RuleContext) -> [PackageInstalls] {
    var result: [PackageInstalls] = []
    for index in context.instructions.indices where context.instructions[index].kind == .run {
      guard SemanticModel.isPOSIXShell(context.model.shellOfInstruction[index]) else { continue }
      let scripts = context.runScripts(ofInstructionAt: index)
      for (scriptIndex, runScript) in scripts.enumerated() {
        for occurrence in runScript.script.simpleCommands() {
          guard let command = PackageManagerCommands.command(occurrence, instructionIndex: index, scriptIndex: scriptIndex)
          else { continue }
          result.append(PackageInstalls(command: command, script: runScript))
        }
      }
    }
    return result
  }

  /// Returns `word` as a package argument, or nil when its value cannot be judged: a word that
  /// starts with an expansion (`$PACKAGES`, `"$DIR"/x.whl`) may hold anything.
  func argument(_ word: ShellWord) -> PackageArgument? {
    guard let first = word.parts.first, !PackageVersions.isExpansion(first) else { return nil }
    let written = String(decoding: script.text.bytes[word.range], as: UTF8.self)
    return PackageArgument(word: word, text: PackageVersions.judgedText(word.parts), written: written,
                           sourceRange: script.sourceRange(word.range))
  }

  /// The package arguments after the subcommand that can be judged.
  var packageArguments: [PackageArgument] { command.packages.compactMap(argument) }
}

/// The version syntax of each package manager: whether an install argument names an exact or
/// bounded version, a file, or a source that pins itself.
enum PackageVersions {
  static func isExpansion(_ part: ShellWordPart) -> Bool {
    switch part {
    case .parameterExpansion, .commandSubstitution, .arithmeticExpansion: return true
    case .doubleQuoted(let inner, _): return inner.first.map(isExpansion) ?? false
    default: return false
    }
  }

  /// The text of `parts` after quote removal, with `1` for each expansion.
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

  static func hasAnySuffix(_ text: String, _ suffixes: [String]) -> Bool {
    suffixes.contains { text.hasSuffix($0) }
  }

  // MARK: apt-get

  /// `pkg=version` (globs such as `pkg=1.2.*` included), `pkg/release`, and `.deb` files or paths.
  static func isAptPinned(_ text: String) -> Bool {
    text.contains("=") || text.contains("/") || text.hasSuffix(".deb")
  }

  // MARK: pip

  static let pipComparisons = ["==", ">=", "<=", "~=", "!=", "<", ">"]
  static let pipArchiveSuffixes = [".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tar", ".zip"]
  static let pipVCSPrefixes = ["git+", "hg+", "svn+", "bzr+", "git://", "svn://"]

  /// A version specifier (`==`, `>=`, `~=`, `===`, …, extras allowed before it), a direct
  /// reference `name @ url`, a VCS URL with `@ref`, an archive file, or a local path or URL.
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

  /// Whether a VCS URL names a revision: an `@` after the host, since `git@host` before it is a user.
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

  /// `name@version` or `@scope/name@version` (not `@latest`), a git source with `#ref`, a
  /// tarball, or a local folder.
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

  /// `pkg=1.2`, `pkg~1.2`, `pkg>1`, `pkg<2`, or an `.apk` file.
  static func isApkPinned(_ text: String) -> Bool {
    text.contains { "=~<>".contains($0) } || text.hasSuffix(".apk")
  }

  // MARK: gem

  /// `gem:version` (with a requirement such as `gem:~>1.2`), or a `.gem` file or path.
  static func isGemPinned(_ text: String) -> Bool {
    text.contains(":") || text.hasSuffix(".gem") || text.contains("/")
  }

  // MARK: yum, dnf, microdnf

  /// `name-version[-release]`: after the first `-`, every part is made of version characters and
  /// one starts with a digit (so `python3-pip` is not pinned and `foo-bar-1.2` is); also a
  /// comparison such as `'httpd >= 2.4'`, an `.rpm` file, and `@module:stream`.
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

  /// A module spec names its stream: `nodejs:18`.
  static func isModulePinned(_ text: String) -> Bool { text.contains(":") }

  // MARK: zypper

  /// `pkg=1.2`, `pkg>=1`, `pkg<2`, or an `.rpm` file.
  static func isZypperPinned(_ text: String) -> Bool {
    text.contains { "=<>".contains($0) } || text.hasSuffix(".rpm")
  }

  // MARK: go

  /// Module queries that float to whatever is newest.
  static let goFloatingQueries: Set<Substring> = ["latest", "upgrade", "patch"]

  /// `path@version` (not `@latest`, `@upgrade` or `@patch`), a local package (`./cmd/x`,
  /// `/src/x`), or `.go` files.
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

  /// The positional arguments of a go subcommand. Go's flags have one or two dashes and stop
  /// at the first argument that is not a flag, so the syntax of `ShellOptionSyntax` does not fit.
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
  /// The message of a pinning finding: `written` is the argument as written, `suggestion` the
  /// pinned form with a placeholder such as `<version>`.
  static func message(_ written: String, suggestion: String) -> String {
    "Pin the version of `\(written)`, as in `\(suggestion)`"
  }

  /// `text` without a trailing `@…` query, for suggesting `name@<version>` in place of `name@latest`.
  static func droppingQuery(_ text: String) -> String {
    let start = text.hasPrefix("@") ? text.index(after: text.startIndex) : text.startIndex
    guard let at = text[start...].lastIndex(of: "@") else { return text }
    return String(text[..<at])
  }
}

extension PackageInstalls {
  /// Returns the packages of `yum/dnf install` and the modules of `yum/dnf module install`, each
  /// judged by its own syntax.
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
