/// One shell word, such as `"$HOME"/bin` or `-o=Dpkg::Options`, split into quoted, literal and
/// expansion parts.
public struct ShellWord: Sendable, Hashable {
  public var range: Range<Int>
  public var parts: [ShellWordPart]
  /// The word after quote removal, when it contains no parameter expansion, command
  /// substitution or arithmetic expansion. Pathname patterns (`*`, `?`, `[…]`) are kept as
  /// written because they expand against the file system, and so is a tilde although sh
  /// replaces it with a home directory.
  public var literalValue: String?

  /// Whether any part of the word is quoted or backslash-escaped, which keeps it from being a
  /// reserved word and turns off expansions in a here-document body it delimits.
  public var isQuoted: Bool

  public init(range: Range<Int>, parts: [ShellWordPart], literalValue: String?, isQuoted: Bool = false) {
    self.range = range
    self.parts = parts
    self.literalValue = literalValue
    self.isQuoted = isQuoted
  }

  /// The value of the word before its first expansion, after quote removal: `-j` for
  /// `-j"$(nproc)"`. It is the whole `literalValue` when the word has no expansion.
  public var literalPrefix: String {
    if let literalValue { return literalValue }
    var prefix = ""
    _ = ShellWord.appendLiteralPrefix(of: parts, to: &prefix)
    return prefix
  }

  /// Appends the values of `parts` up to the first expansion and returns whether all of them
  /// were literal.
  private static func appendLiteralPrefix(of parts: [ShellWordPart], to prefix: inout String) -> Bool {
    for part in parts {
      switch part {
      case .literal(let text, _), .singleQuoted(let text, _), .ansiCQuoted(let text, _), .glob(let text, _):
        prefix += text
      case .tilde(let user, _):
        prefix += "~" + user
      case .doubleQuoted(let inner, _):
        guard appendLiteralPrefix(of: inner, to: &prefix) else { return false }
      case .parameterExpansion, .commandSubstitution, .arithmeticExpansion:
        return false
      }
    }
    return true
  }

  /// Whether an unquoted part of the word is a pathname pattern.
  public var hasGlob: Bool {
    parts.contains { if case .glob = $0 { return true } else { return false } }
  }
}

/// A part of a `ShellWord`. Literal text is split at quotes and expansions.
/// Only the two large cases are boxed: the common literal parts are stored inline, which saves
/// a heap allocation per part.
public enum ShellWordPart: Sendable, Hashable {
  /// Unquoted text with backslash escapes and line continuations removed.
  case literal(String, range: Range<Int>)
  /// `'…'`: the text between the quotes.
  case singleQuoted(String, range: Range<Int>)
  /// bash's `$'…'`: the text with its backslash escapes decoded.
  case ansiCQuoted(String, range: Range<Int>)
  /// `"…"` (and bash's `$"…"`) with the parts inside.
  case doubleQuoted([ShellWordPart], range: Range<Int>)
  indirect case parameterExpansion(ShellParameterExpansion)
  /// `$(…)`, `` `…` ``, or bash's process substitutions `<(…)` and `>(…)`.
  indirect case commandSubstitution(ShellCommandSubstitution)
  /// `$((…))` (or bash's obsolete `$[…]`) with the range of the expression inside.
  case arithmeticExpansion(expression: Range<Int>, range: Range<Int>)
  /// A leading `~` or `~user`; `user` is empty for the current user.
  case tilde(user: String, range: Range<Int>)
  /// An unquoted `*`, `?` or bracket expression `[…]` as written.
  case glob(String, range: Range<Int>)

  public var range: Range<Int> {
    switch self {
    case .literal(_, let range), .singleQuoted(_, let range), .ansiCQuoted(_, let range),
         .doubleQuoted(_, let range), .arithmeticExpansion(_, let range), .tilde(_, let range),
         .glob(_, let range):
      return range
    case .parameterExpansion(let expansion): return expansion.range
    case .commandSubstitution(let substitution): return substitution.range
    }
  }
}

/// `$name`, `$1`, `$@` or `${…}` with its operator.
public struct ShellParameterExpansion: Sendable, Hashable {
  /// The parameter: a variable name, a positional number or a special parameter (`@*#?-$!`).
  public var name: String
  public var nameRange: Range<Int>
  /// Whether the expansion uses braces.
  public var isBraced: Bool
  /// `#` for the length form `${#name}`, `!` for bash's indirection `${!name}`.
  public var prefix: String?
  /// The text between `[` and `]` of bash's `${name[subscript]}`.
  public var arraySubscript: String?
  /// The operator after the name, as written: `:-`, `-`, `:=`, `=`, `:?`, `?`, `:+`, `+`, `#`,
  /// `##`, `%`, `%%`, bash's `/`, `//`, `/#`, `/%`, `^`, `^^`, `,`, `,,`, `:` (substring), `@`
  /// and `*` (as in `${!prefix*}`).
  public var op: String?
  public var opRange: Range<Int>?
  /// The word after the operator, up to the closing brace.
  public var argument: ShellWord?
  public var range: Range<Int>

  public init(name: String, nameRange: Range<Int>, isBraced: Bool, prefix: String? = nil, arraySubscript: String? = nil,
              op: String? = nil, opRange: Range<Int>? = nil, argument: ShellWord? = nil, range: Range<Int>) {
    self.name = name
    self.nameRange = nameRange
    self.isBraced = isBraced
    self.prefix = prefix
    self.arraySubscript = arraySubscript
    self.op = op
    self.opRange = opRange
    self.argument = argument
    self.range = range
  }
}

/// A command list whose output (or, for process substitution, whose file) becomes part of a
/// word.
public struct ShellCommandSubstitution: Sendable, Hashable {
  public enum Style: String, Sendable, Hashable {
    /// `$(…)`
    case dollarParenthesis
    /// `` `…` ``
    case backquote
    /// bash's `<(…)`
    case processInput
    /// bash's `>(…)`
    case processOutput
  }

  public var style: Style
  public var list: ShellList
  /// From `$(`, `` ` ``, `<(` or `>(` to the closing delimiter.
  public var range: Range<Int>

  public init(style: Style, list: ShellList, range: Range<Int>) {
    self.style = style
    self.list = list
    self.range = range
  }
}

/// `name=value` before a command word, or bash's `name+=value` and `name=(elements)`.
public struct ShellAssignment: Sendable, Hashable {
  public var name: String
  public var nameRange: Range<Int>
  /// Whether the operator is bash's `+=`.
  public var isAppend: Bool
  /// The value; nil for an empty value (`FOO=`) and for an array assignment.
  public var value: ShellWord?
  /// The elements of bash's `name=(a b c)`; nil for a scalar assignment.
  public var arrayElements: [ShellWord]?
  public var range: Range<Int>

  public init(name: String, nameRange: Range<Int>, isAppend: Bool = false, value: ShellWord?,
              arrayElements: [ShellWord]? = nil, range: Range<Int>) {
    self.name = name
    self.nameRange = nameRange
    self.isAppend = isAppend
    self.value = value
    self.arrayElements = arrayElements
    self.range = range
  }
}

public enum ShellRedirectionOperator: String, Sendable, Hashable, CaseIterable {
  case input = "<"
  case output = ">"
  case append = ">>"
  case hereDocument = "<<"
  case hereDocumentStrippingTabs = "<<-"
  /// bash's here-string.
  case hereString = "<<<"
  case duplicateInput = "<&"
  case duplicateOutput = ">&"
  case clobber = ">|"
  case readWrite = "<>"
  /// bash's redirection of both standard output and standard error.
  case outputAndError = "&>"
  case appendOutputAndError = "&>>"
}

/// A redirection such as `2>&1`, `>>log` or `<<EOF`.
public struct ShellRedirection: Sendable, Hashable {
  /// The file descriptor number written before the operator, such as 2 in `2>/dev/null`.
  public var fileDescriptor: Int?
  public var op: ShellRedirectionOperator
  public var opRange: Range<Int>
  /// The file, descriptor or here-document delimiter word; nil after a syntax error.
  public var target: ShellWord?
  /// Set for `<<` and `<<-`.
  public var hereDocument: ShellHereDocument?
  /// From the file descriptor (or operator) to the end of the target. A here-document body is
  /// not included because it starts on a later line.
  public var range: Range<Int>

  public init(fileDescriptor: Int?, op: ShellRedirectionOperator, opRange: Range<Int>, target: ShellWord?,
              hereDocument: ShellHereDocument? = nil, range: Range<Int>) {
    self.fileDescriptor = fileDescriptor
    self.op = op
    self.opRange = opRange
    self.target = target
    self.hereDocument = hereDocument
    self.range = range
  }
}

/// The delimiter and body of a here-document.
public struct ShellHereDocument: Sendable, Hashable {
  /// The delimiter after quote removal.
  public var delimiter: String
  /// Whether the delimiter was quoted, which turns off expansions in the body.
  public var isQuoted: Bool
  /// The lines between the redirection's line and the delimiter line, terminators included.
  /// Nil when the input ends before any body line, as it does for a Dockerfile `RUN <<EOF`
  /// whose body the Dockerfile parser keeps separately.
  public var bodyRange: Range<Int>?
  /// The delimiter line without its line feed or CRLF; nil when the input ends without one.
  public var delimiterLineRange: Range<Int>?
  /// The body split into literal text and expansions, as the shell expands it; nil when the
  /// delimiter is quoted or there is no body.
  public var bodyParts: [ShellWordPart]?

  public init(delimiter: String, isQuoted: Bool, bodyRange: Range<Int>?, delimiterLineRange: Range<Int>?,
              bodyParts: [ShellWordPart]? = nil) {
    self.delimiter = delimiter
    self.isQuoted = isQuoted
    self.bodyRange = bodyRange
    self.delimiterLineRange = delimiterLineRange
    self.bodyParts = bodyParts
  }
}
