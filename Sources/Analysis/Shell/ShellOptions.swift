/// The option rules of a command: which options take a value, and whether options may follow
/// positional arguments.
public struct ShellOptionSyntax: Sendable, Hashable {
  /// Short option letters that take a value, either attached (`-ofoo`) or as the next word
  /// (`-o foo`).
  public var shortOptionsWithValue: Set<UInt8>
  /// Long option names, without `--`, that take a value as the next word when not written as
  /// `--name=value`.
  public var longOptionsWithValue: Set<String>
  /// Whether the first positional argument ends option parsing, as with POSIX `getopt` and
  /// commands that run another command. When false, options may follow positional arguments,
  /// as GNU `getopt_long` allows (`apt-get install curl -y`).
  public var stopsAtFirstPositional: Bool

  /// Creates a syntax from the letters of short options with values (such as `"oct"`) and the
  /// names of long options with values.
  public init(short: String = "", long: [String] = [], stopsAtFirstPositional: Bool = false) {
    self.shortOptionsWithValue = Set(short.utf8)
    self.longOptionsWithValue = Set(long)
    self.stopsAtFirstPositional = stopsAtFirstPositional
  }

  /// A syntax where no option takes a value.
  public static let flagsOnly = ShellOptionSyntax()
}

/// One option found in a command's arguments.
public struct ShellOption: Sendable, Hashable {
  /// The option name without dashes: `y` for `-y` or a letter of `-qy`, `yes` for `--yes`.
  public var name: String
  public var isLong: Bool
  /// The value: attached (`-ofoo`, `--name=value`) or the next word. Nil for a flag, and for a
  /// value word with expansions.
  public var value: String?
  /// The word that contains the value, which is `word` itself for an attached value.
  public var valueWord: ShellWord?
  /// The word the option is written in.
  public var word: ShellWord

  public init(name: String, isLong: Bool, value: String?, valueWord: ShellWord?, word: ShellWord) {
    self.name = name
    self.isLong = isLong
    self.value = value
    self.valueWord = valueWord
    self.word = word
  }
}

/// A command's arguments split into options and positional arguments.
public struct ShellParsedArguments: Sendable, Hashable {
  public var options: [ShellOption]
  public var positionalArguments: [ShellWord]
  /// The index in the parsed words where option parsing stopped: after `--`, at the first
  /// positional argument under `stopsAtFirstPositional`, or else the word count.
  public var optionsEndIndex: Int

  /// Parses `words` as command arguments. A word counts as an option when its value starts with
  /// `-` and is longer than `-`. A word with an expansion counts when the text before the
  /// expansion names the option, as in `-j"$(nproc)"` or `--prefix="$DIR"`, and its value is
  /// then nil.
  // NOTE: abbreviated long options (`--assume-y`) are not matched to their full names.
  public init(_ words: [ShellWord], syntax: ShellOptionSyntax) {
    var options: [ShellOption] = []
    var positionals: [ShellWord] = []
    var index = 0
    var optionsEndIndex = words.count
    var parsesOptions = true
    while index < words.count {
      let word = words[index]
      index += 1
      let isComplete = word.literalValue != nil
      let text = word.literalValue.map { Array($0.utf8) } ?? Array(word.literalPrefix.utf8)
      guard parsesOptions, ShellParsedArguments.namesOption(text, isComplete: isComplete) else {
        positionals.append(word)
        if parsesOptions && syntax.stopsAtFirstPositional {
          parsesOptions = false
          optionsEndIndex = index - 1
        }
        continue
      }
      if text == [UInt8(ascii: "-"), UInt8(ascii: "-")] {
        parsesOptions = false
        optionsEndIndex = index
        continue
      }
      if text[1] == UInt8(ascii: "-") {
        let body = text[2...]
        if let equals = body.firstIndex(of: UInt8(ascii: "=")) {
          let value = isComplete ? String(decoding: body[(equals + 1)...], as: UTF8.self) : nil
          options.append(ShellOption(name: String(decoding: body[..<equals], as: UTF8.self), isLong: true,
                                     value: value, valueWord: word, word: word))
        } else {
          let name = String(decoding: body, as: UTF8.self)
          var option = ShellOption(name: name, isLong: true, value: nil, valueWord: nil, word: word)
          if syntax.longOptionsWithValue.contains(name) && index < words.count {
            option.valueWord = words[index]
            option.value = words[index].literalValue
            index += 1
          }
          options.append(option)
        }
        continue
      }
      var letterIndex = 1
      while letterIndex < text.count {
        let letter = text[letterIndex]
        let name = String(decoding: [letter], as: UTF8.self)
        guard syntax.shortOptionsWithValue.contains(letter) else {
          options.append(ShellOption(name: name, isLong: false, value: nil, valueWord: nil, word: word))
          letterIndex += 1
          continue
        }
        var option = ShellOption(name: name, isLong: false, value: nil, valueWord: nil, word: word)
        if letterIndex + 1 < text.count || !isComplete {
          // The value is attached, and unknown when the word has an expansion.
          option.value = isComplete ? String(decoding: text[(letterIndex + 1)...], as: UTF8.self) : nil
          option.valueWord = word
        } else if index < words.count {
          option.valueWord = words[index]
          option.value = words[index].literalValue
          index += 1
        }
        options.append(option)
        break
      }
    }
    self.options = options
    self.positionalArguments = positionals
    self.optionsEndIndex = optionsEndIndex
  }

  /// Returns whether `text` (a word's value, or the text before its first expansion when
  /// `isComplete` is false) is enough to name an option.
  private static func namesOption(_ text: [UInt8], isComplete: Bool) -> Bool {
    guard text.count > 1, text[0] == UInt8(ascii: "-") else { return false }
    if isComplete { return true }
    if text[1] == UInt8(ascii: "-") {
      // `--name=$VALUE` names its option, but `--$NAME` or `--` followed by an expansion do not.
      return text.count > 2 && text.contains(UInt8(ascii: "="))
    }
    return true
  }

  /// Returns the options spelled `-short` (alone or inside a cluster such as `-qy`) or
  /// `--long` for any of `long`, in order.
  public func options(short: Character?, long: [String]) -> [ShellOption] {
    let shortName = short.map(String.init)
    return options.filter { option in
      option.isLong ? long.contains(option.name) : option.name == shortName
    }
  }
}

extension ShellInvocation {
  /// Parses the arguments into options and positional arguments.
  public func parsedArguments(syntax: ShellOptionSyntax = .flagsOnly) -> ShellParsedArguments {
    ShellParsedArguments(arguments, syntax: syntax)
  }

  /// Returns whether the arguments contain `-short` (alone or in a cluster such as `-qy`) or `--long`
  /// (with or without `=value`) for any name in `long`. Values of the options that `syntax`
  /// lists are skipped, so `-o Dpkg::Options::=--yes` does not count as `--yes`.
  public func hasOption(short: Character? = nil, long: [String] = [], syntax: ShellOptionSyntax = .flagsOnly) -> Bool {
    !parsedArguments(syntax: syntax).options(short: short, long: long).isEmpty
  }

  /// Returns the values of the options spelled `-short` or `--long`, in order; nil entries are
  /// options without a literal value.
  public func optionValues(short: Character? = nil, long: [String] = [], syntax: ShellOptionSyntax = .flagsOnly) -> [String?] {
    parsedArguments(syntax: syntax).options(short: short, long: long).map(\.value)
  }

  /// Returns the arguments that are not options or option values. Option parsing stops at
  /// `--`, after which every word is positional.
  public func positionalArguments(syntax: ShellOptionSyntax = .flagsOnly) -> [ShellWord] {
    parsedArguments(syntax: syntax).positionalArguments
  }
}
