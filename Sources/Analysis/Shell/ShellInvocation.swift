/// The command a simple command runs: its name word and arguments, after any wrapper
/// commands such as `sudo` or `env` that run it.
public struct ShellInvocation: Sendable, Hashable {
  /// The wrapper command words that were skipped, outermost first (`sudo`, then `env`).
  public var wrappers: [ShellWord]
  /// The command name word; nil for a command with only assignments or redirections.
  public var nameWord: ShellWord?
  /// The words after the name.
  public var arguments: [ShellWord]

  public init(wrappers: [ShellWord], nameWord: ShellWord?, arguments: [ShellWord]) {
    self.wrappers = wrappers
    self.nameWord = nameWord
    self.arguments = arguments
  }

  /// The literal value of the name word, as written (`/usr/bin/apt-get`).
  public var name: String? { nameWord?.literalValue }

  /// The name after its last `/`: `apt-get` for `/usr/bin/apt-get`.
  public var baseName: String? {
    guard let name else { return nil }
    return ShellWrapper.baseName(name)
  }
}

extension SimpleCommand {
  /// The first word; nil for a command with only assignments or redirections.
  public var nameWord: ShellWord? { words.first }

  /// The literal value of the first word, after quote removal; nil when there is no word or it
  /// contains expansions.
  public var name: String? { words.first?.literalValue }

  /// The words after the first.
  public var arguments: [ShellWord] { Array(words.dropFirst()) }

  /// The name and arguments as written, without unwrapping.
  public var invocation: ShellInvocation {
    ShellInvocation(wrappers: [], nameWord: words.first, arguments: arguments)
  }

  /// The command that runs after skipping wrapper commands and their options.
  ///
  /// The wrappers are `sudo`, `doas`, `env`, `nice`, `ionice`, `nohup`, `time`, `command`,
  /// `builtin`, `exec`, `timeout`, `stdbuf`, `gosu`, `su-exec`, `tini` and `dumb-init`, matched
  /// by base name so that `/usr/bin/sudo` counts. The `NAME=value` words of `env` and `sudo`,
  /// the duration of `timeout` and the user of `gosu` and `su-exec` are skipped too.
  /// `command -v` and `command -V` only look a name up, so they are not unwrapped. A wrapper
  /// with no command after it (`sudo -i`, `exec >log`) is itself the invocation.
  // NOTE: a command passed as a string is not unwrapped, and `shellCommandString` returns it
  // only for `sh -c` and `su -c`, not `env -S`. `xargs` is not unwrapped either, because its
  // arguments come from its input.
  public var unwrappedInvocation: ShellInvocation {
    var wrappers: [ShellWord] = []
    var index = 0
    while index < words.count, let name = words[index].literalValue,
          let wrapper = ShellWrapper.wrappers[ShellWrapper.baseName(name)],
          let commandIndex = wrapper.commandIndex(in: words, wrapperIndex: index) {
      wrappers.append(words[index])
      index = commandIndex
    }
    guard index < words.count else {
      return ShellInvocation(wrappers: [], nameWord: words.first, arguments: arguments)
    }
    return ShellInvocation(wrappers: wrappers, nameWord: words[index], arguments: Array(words[(index + 1)...]))
  }
}

/// The argument rules of a wrapper command, up to the command it runs.
struct ShellWrapper {
  var syntax: ShellOptionSyntax
  /// Positional words the wrapper takes before the command, such as the duration of `timeout`.
  var leadingPositionals = 0
  /// Whether `NAME=value` words before the command are the wrapper's, as with `env` and `sudo`.
  var skipsAssignments = false
  /// Options after which the wrapper does not run a command (`command -v`, `env -S`).
  var nonRunningOptions: Set<String> = []

  /// The index of the wrapped command's name word, or nil when the wrapper at `wrapperIndex`
  /// runs no command there.
  func commandIndex(in words: [ShellWord], wrapperIndex: Int) -> Int? {
    let rest = Array(words[(wrapperIndex + 1)...])
    let parsed = ShellParsedArguments(rest, syntax: syntax)
    if parsed.options.contains(where: { nonRunningOptions.contains($0.name) }) { return nil }
    var index = wrapperIndex + 1 + parsed.optionsEndIndex
    var positionals = leadingPositionals
    while index < words.count {
      let value = words[index].literalValue
      if positionals > 0 {
        positionals -= 1
      } else if skipsAssignments, let value, ShellWrapper.isAssignment(value) {
        // `env NAME=value cmd`
      } else if skipsAssignments, value == "-" {
        // `env - cmd` clears the environment like `env -i`.
      } else {
        return index
      }
      index += 1
    }
    return nil
  }

  static func isAssignment(_ value: String) -> Bool {
    let utf8 = value.utf8
    guard let first = utf8.first, ShellScanner.isNameStart(first),
          let equals = utf8.firstIndex(of: UInt8(ascii: "=")) else { return false }
    return utf8[utf8.startIndex..<equals].allSatisfy(ShellScanner.isNameByte)
  }

  static func baseName(_ name: String) -> String {
    // Searching the contiguous bytes: `String.UTF8View.lastIndex(of:)` steps back one index
    // at a time, and rules ask for base names of every command.
    let found: String?? = name.utf8.withContiguousStorageIfAvailable { bytes in
      guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return nil }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[(slash + 1)...]), as: UTF8.self)
    }
    if let found { return found ?? name }
    guard let slash = name.utf8.lastIndex(of: UInt8(ascii: "/")) else { return name }
    return String(name[name.utf8.index(after: slash)...])
  }

  static let wrappers: [String: ShellWrapper] = [
    "sudo": ShellWrapper(
      syntax: ShellOptionSyntax(short: "CDgpRrTtUu", long: ["close-from", "chdir", "group", "prompt", "chroot", "role",
                                                            "command-timeout", "type", "other-user", "user", "host"],
                                stopsAtFirstPositional: true),
      skipsAssignments: true, nonRunningOptions: ["e", "edit", "l", "list", "v", "validate", "k", "K"]),
    "doas": ShellWrapper(syntax: ShellOptionSyntax(short: "uC", stopsAtFirstPositional: true)),
    "env": ShellWrapper(
      syntax: ShellOptionSyntax(short: "uCS", long: ["unset", "chdir", "split-string"], stopsAtFirstPositional: true),
      skipsAssignments: true, nonRunningOptions: ["S", "split-string"]),
    "nice": ShellWrapper(syntax: ShellOptionSyntax(short: "n", long: ["adjustment"], stopsAtFirstPositional: true)),
    "ionice": ShellWrapper(syntax: ShellOptionSyntax(short: "cnpPu", long: ["class", "classdata", "pid", "pgid", "uid"],
                                                     stopsAtFirstPositional: true)),
    "nohup": ShellWrapper(syntax: ShellOptionSyntax(stopsAtFirstPositional: true)),
    "time": ShellWrapper(syntax: ShellOptionSyntax(short: "fo", long: ["format", "output"], stopsAtFirstPositional: true)),
    "command": ShellWrapper(syntax: ShellOptionSyntax(stopsAtFirstPositional: true), nonRunningOptions: ["v", "V"]),
    "builtin": ShellWrapper(syntax: ShellOptionSyntax(stopsAtFirstPositional: true)),
    "exec": ShellWrapper(syntax: ShellOptionSyntax(short: "a", stopsAtFirstPositional: true)),
    "timeout": ShellWrapper(
      syntax: ShellOptionSyntax(short: "ks", long: ["kill-after", "signal"], stopsAtFirstPositional: true),
      leadingPositionals: 1),
    "stdbuf": ShellWrapper(syntax: ShellOptionSyntax(short: "ioe", long: ["input", "output", "error"],
                                                     stopsAtFirstPositional: true)),
    "gosu": ShellWrapper(syntax: ShellOptionSyntax(stopsAtFirstPositional: true), leadingPositionals: 1),
    "su-exec": ShellWrapper(syntax: ShellOptionSyntax(stopsAtFirstPositional: true), leadingPositionals: 1),
    "tini": ShellWrapper(syntax: ShellOptionSyntax(short: "pe", stopsAtFirstPositional: true)),
    "dumb-init": ShellWrapper(syntax: ShellOptionSyntax(short: "r", long: ["rewrite"], stopsAtFirstPositional: true)),
  ]
}

extension ShellInvocation {
  /// Shells whose `-c` option makes the first operand a command string.
  static let shellNames: Set<String> = ["sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "busybox"]

  /// The options of `sh`, `bash` and the like that take a value, so `-c` is found among them.
  static let shellSyntax = ShellOptionSyntax(short: "oO", long: ["rcfile", "init-file"], stopsAtFirstPositional: true)
  static let suSyntax = ShellOptionSyntax(short: "cgGsw", long: ["command", "group", "supp-group", "shell", "whitelist-environment"])

  /// The command string that this invocation runs in another shell, after quote removal: the
  /// first operand of `sh -c` (also `bash`, `dash`, `ash`, `ksh`, `mksh`, `zsh` and
  /// `busybox sh`), or the value of `su -c` and `su --command`. Nil for other commands, for a
  /// shell reading a script file, and for a string with expansions.
  public var shellCommandString: String? {
    if baseName == "su" {
      return parsedArguments(syntax: ShellInvocation.suSyntax).options(short: "c", long: ["command"]).last?.value
    }
    return shellCommandStringWord?.literalValue
  }

  /// The word that contains `shellCommandString`, which for `su --command=…` also contains the
  /// option. Parsing the string gives ranges into the string itself, which match the source
  /// only inside single quotes, one byte after `word.range.lowerBound`.
  public var shellCommandStringWord: ShellWord? {
    guard let baseName else { return nil }
    var arguments = self.arguments
    if baseName == "su" {
      return parsedArguments(syntax: ShellInvocation.suSyntax).options(short: "c", long: ["command"]).last?.valueWord
    }
    guard ShellInvocation.shellNames.contains(baseName) else { return nil }
    if baseName == "busybox" {
      guard arguments.first?.literalValue == "sh" else { return nil }
      arguments.removeFirst()
    }
    let parsed = ShellParsedArguments(arguments, syntax: Self.shellSyntax)
    guard parsed.options.contains(where: { !$0.isLong && $0.name == "c" }) else { return nil }
    return parsed.positionalArguments.first
  }
}
