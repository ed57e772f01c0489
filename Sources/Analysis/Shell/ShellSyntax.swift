/// The syntax tree of a shell script as `/bin/sh -c` would run it (POSIX sh with common bash
/// extensions accepted). Every range is a byte range into the parsed bytes.
///
/// `ShellParser.parse(_:)` returns one for any input: malformed input yields a best-effort tree
/// and entries in `errors`, which the random-input tests check.
public struct ShellScript: Sendable, Hashable {
  /// The top-level command list.
  public var body: ShellList {
    didSet { occurrences = ShellScript.collectOccurrences(body) }
  }
  /// Ranges of `#` comments, from `#` up to but excluding the line terminator.
  public var comments: [Range<Int>]
  public var errors: [ShellSyntaxError]
  /// The parsed bytes, which the ranges index. Copying the array shares its storage.
  public var bytes: [UInt8]

  /// The simple commands and pipelines of `body`, collected once: rules ask for them many times
  /// per script. Derived from `body`, so equality and hashing leave them out.
  private(set) var occurrences: (commands: [ShellCommandOccurrence], pipelines: [ShellPipelineOccurrence])

  public init(body: ShellList, comments: [Range<Int>], errors: [ShellSyntaxError], bytes: [UInt8]) {
    self.body = body
    self.comments = comments
    self.errors = errors
    self.bytes = bytes
    self.occurrences = ShellScript.collectOccurrences(body)
  }

  private static func collectOccurrences(_ body: ShellList) -> (commands: [ShellCommandOccurrence], pipelines: [ShellPipelineOccurrence]) {
    var walker = ShellCommandCollector()
    walker.collect(body, context: [])
    return (walker.commands, walker.pipelines)
  }

  public static func == (lhs: ShellScript, rhs: ShellScript) -> Bool {
    lhs.body == rhs.body && lhs.comments == rhs.comments && lhs.errors == rhs.errors && lhs.bytes == rhs.bytes
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(body)
    hasher.combine(comments)
    hasher.combine(errors)
    hasher.combine(bytes)
  }

  /// Returns the text of `range`, with invalid UTF-8 replaced by U+FFFD.
  public func text(_ range: Range<Int>) -> String {
    String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
  }
}

/// A syntax error with the bytes it concerns.
public struct ShellSyntaxError: Sendable, Hashable {
  public var range: Range<Int>
  public var message: String

  public init(range: Range<Int>, message: String) {
    self.range = range
    self.message = message
  }
}

/// A sequence of and-or lists separated by `;`, `&` or newlines.
public struct ShellList: Sendable, Hashable {
  public var items: [ShellListItem]
  /// From the first item to the end of the last item's separator; empty where an empty list
  /// was expected.
  public var range: Range<Int>

  public init(items: [ShellListItem], range: Range<Int>) {
    self.items = items
    self.range = range
  }
}

/// The operator that ends a list item.
public enum ShellSeparator: String, Sendable, Hashable {
  case semicolon = ";"
  /// `&`: the item runs asynchronously in a subshell.
  case background = "&"
  case newline = "\n"
}

/// One and-or list of a `ShellList` with the separator after it. The last item of a list may
/// have no separator.
public struct ShellListItem: Sendable, Hashable {
  public var andOr: AndOrList
  public var separator: ShellSeparator?
  public var separatorRange: Range<Int>?

  public init(andOr: AndOrList, separator: ShellSeparator?, separatorRange: Range<Int>?) {
    self.andOr = andOr
    self.separator = separator
    self.separatorRange = separatorRange
  }
}

public enum AndOrOperator: String, Sendable, Hashable {
  case and = "&&"
  case or = "||"
}

/// Pipelines joined by `&&` and `||`, which bind with equal precedence from left to right.
public struct AndOrList: Sendable, Hashable {
  public var first: Pipeline
  public var rest: [Link]
  public var range: Range<Int>

  /// One `&& pipeline` or `|| pipeline` after the first pipeline. A struct rather than a tuple
  /// so that the tree stays `Hashable`.
  public struct Link: Sendable, Hashable {
    public var op: AndOrOperator
    public var opRange: Range<Int>
    public var pipeline: Pipeline

    public init(op: AndOrOperator, opRange: Range<Int>, pipeline: Pipeline) {
      self.op = op
      self.opRange = opRange
      self.pipeline = pipeline
    }
  }

  public init(first: Pipeline, rest: [Link], range: Range<Int>) {
    self.first = first
    self.rest = rest
    self.range = range
  }

  /// All pipelines in order.
  public var pipelines: [Pipeline] { [first] + rest.map(\.pipeline) }
}

/// Commands joined by `|` or `|&`, optionally negated with `!`. In a pipeline of two or more
/// commands, each command runs in a subshell.
public struct Pipeline: Sendable, Hashable {
  public var isNegated: Bool
  /// Empty only after a syntax error (`!` with no command).
  public var commands: [ShellCommand]
  /// From `!` or the first command to the end of the last command.
  public var range: Range<Int>

  public init(isNegated: Bool, commands: [ShellCommand], range: Range<Int>) {
    self.isNegated = isNegated
    self.commands = commands
    self.range = range
  }
}

/// One command of a pipeline.
/// Simple commands, the most common, are stored inline rather than boxed.
public enum ShellCommand: Sendable, Hashable {
  case simple(SimpleCommand)
  /// A subshell, group, `if`, loop, `case` or `(( ))`, with its redirections.
  indirect case compound(CompoundCommand)
  indirect case functionDefinition(ShellFunctionDefinition)

  public var range: Range<Int> {
    switch self {
    case .simple(let command): return command.range
    case .compound(let command): return command.range
    case .functionDefinition(let definition): return definition.range
    }
  }
}

/// Assignments, words and redirections in any order, such as `FOO=1 cmd arg >out`.
///
/// `[[ … ]]` is kept as a simple command named `[[` whose words include operators such as `&&`
/// and `<` as plain words, which keeps it out of the and-or structure.
public struct SimpleCommand: Sendable, Hashable {
  /// The assignments before the first word.
  public var assignments: [ShellAssignment]
  public var words: [ShellWord]
  public var redirections: [ShellRedirection]
  public var range: Range<Int>

  public init(assignments: [ShellAssignment], words: [ShellWord], redirections: [ShellRedirection], range: Range<Int>) {
    self.assignments = assignments
    self.words = words
    self.redirections = redirections
    self.range = range
  }
}

/// A compound command and the redirections that follow it, as in `{ …; } >log`.
public struct CompoundCommand: Sendable, Hashable {
  public var kind: Kind
  /// From the opening token to the end of the last redirection.
  public var range: Range<Int>
  public var redirections: [ShellRedirection]

  public indirect enum Kind: Sendable, Hashable {
    /// `( list )`, run in a subshell.
    case subshell(ShellList)
    /// `{ list; }`, run in the current shell.
    case group(ShellList)
    case ifClause(ShellIfClause)
    /// `for` and bash's `select`.
    case forLoop(ShellForLoop)
    /// `while` and `until`.
    case whileLoop(ShellWhileLoop)
    case caseClause(ShellCaseClause)
    /// bash's `(( expression ))`, with the range of the expression between the parentheses.
    case arithmetic(Range<Int>)
  }

  public init(kind: Kind, range: Range<Int>, redirections: [ShellRedirection]) {
    self.kind = kind
    self.range = range
    self.redirections = redirections
  }
}

/// `if list; then list; [elif list; then list;]… [else list;] fi`.
public struct ShellIfClause: Sendable, Hashable {
  /// The `if` branch followed by the `elif` branches.
  public var branches: [Branch]
  public var elseBody: ShellList?

  public struct Branch: Sendable, Hashable {
    public var condition: ShellList
    public var body: ShellList

    public init(condition: ShellList, body: ShellList) {
      self.condition = condition
      self.body = body
    }
  }

  public init(branches: [Branch], elseBody: ShellList?) {
    self.branches = branches
    self.elseBody = elseBody
  }
}

/// `for name [in words]; do list; done`, bash's `for (( …; …; … ))` and `select`.
public struct ShellForLoop: Sendable, Hashable {
  /// `for` or `select`.
  public var keyword: String
  /// The loop variable; empty for the arithmetic form.
  public var variable: String
  public var variableRange: Range<Int>
  /// The words after `in`; nil when there is no `in`, which loops over `"$@"`.
  public var words: [ShellWord]?
  /// The text between `((` and `))` in the arithmetic form.
  public var arithmeticHeader: Range<Int>?
  public var body: ShellList

  public init(keyword: String, variable: String, variableRange: Range<Int>, words: [ShellWord]?, arithmeticHeader: Range<Int>?, body: ShellList) {
    self.keyword = keyword
    self.variable = variable
    self.variableRange = variableRange
    self.words = words
    self.arithmeticHeader = arithmeticHeader
    self.body = body
  }
}

/// `while list; do list; done` or `until list; do list; done`.
public struct ShellWhileLoop: Sendable, Hashable {
  public var isUntil: Bool
  public var condition: ShellList
  public var body: ShellList

  public init(isUntil: Bool, condition: ShellList, body: ShellList) {
    self.isUntil = isUntil
    self.condition = condition
    self.body = body
  }
}

/// `case word in [(]pattern[|pattern]…) list ;; … esac`.
public struct ShellCaseClause: Sendable, Hashable {
  public var subject: ShellWord
  public var items: [Item]

  public struct Item: Sendable, Hashable {
    public var patterns: [ShellWord]
    public var body: ShellList
    /// `;;`, or bash's `;&` and `;;&`; nil for a last item closed by `esac` alone.
    public var terminator: String?
    public var range: Range<Int>

    public init(patterns: [ShellWord], body: ShellList, terminator: String?, range: Range<Int>) {
      self.patterns = patterns
      self.body = body
      self.terminator = terminator
      self.range = range
    }
  }

  public init(subject: ShellWord, items: [Item]) {
    self.subject = subject
    self.items = items
  }
}

/// `name() compound-command` or bash's `function name [()] compound-command`.
public struct ShellFunctionDefinition: Sendable, Hashable {
  public var name: String
  public var nameRange: Range<Int>
  /// A compound command, or a simple command after a syntax error.
  public var body: ShellCommand
  public var range: Range<Int>

  public init(name: String, nameRange: Range<Int>, body: ShellCommand, range: Range<Int>) {
    self.name = name
    self.nameRange = nameRange
    self.body = body
    self.range = range
  }
}
