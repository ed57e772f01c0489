/// One instruction with its continuation lines, comment lines inside the continuation and
/// heredoc bodies.
public struct Instruction: Sendable {
  /// From the first byte of the instruction's first line (leading whitespace included) to the end
  /// of its last line, terminator included. Heredoc bodies and terminators are inside.
  public var range: Range<Int>
  public var kind: InstructionKind
  /// The keyword as written (`run`, `Run`, `RUN`).
  public var keyword: String
  public var keywordRange: Range<Int>
  /// `--name[=value]` flags between the keyword and the arguments, in order.
  public var flags: [Flag]
  /// The arguments after the keyword and flags, with line continuations removed, mapped back to
  /// source bytes. For ONBUILD this is the text of the wrapped instruction.
  public var arguments: LogicalText
  /// The source range of the arguments: from their first byte to the last non-blank byte of the
  /// instruction's last logical line (heredoc bodies excluded). When there are none, it is empty
  /// and placed right after the keyword or the last flag.
  public var argumentsRange: Range<Int>
  /// The exec (JSON array) form of the arguments, when they parse as a JSON array of strings.
  public var execForm: ExecForm?
  public var heredocs: [Heredoc]
  /// The instruction that ONBUILD wraps.
  public var onbuildTrigger: OnbuildTrigger?
  /// Comment lines inside the continuation (BuildKit drops them from the instruction).
  public var embeddedComments: [Comment]
  public var errors: [SyntaxError]
  /// The flags as BuildKit reports them: each `--name=value` word after quote removal.
  public var flagWords: [String] { flags.map(\.text) }

  // Inlined so that the parser builds an instruction in place instead of copying it once more.
  @inline(__always)
  public init(
    range: Range<Int>, kind: InstructionKind, keyword: String, keywordRange: Range<Int>,
    flags: [Flag], arguments: LogicalText, argumentsRange: Range<Int>, execForm: ExecForm?,
    heredocs: [Heredoc], onbuildTrigger: OnbuildTrigger?, embeddedComments: [Comment], errors: [SyntaxError]
  ) {
    self.range = range
    self.kind = kind
    self.keyword = keyword
    self.keywordRange = keywordRange
    self.flags = flags
    self.arguments = arguments
    self.argumentsRange = argumentsRange
    self.execForm = execForm
    self.heredocs = heredocs
    self.onbuildTrigger = onbuildTrigger
    self.embeddedComments = embeddedComments
    self.errors = errors
  }

  /// Whether the arguments are in shell form (not JSON) and there are arguments.
  public var isShellForm: Bool { execForm == nil && !arguments.bytes.isEmpty }

  /// Returns the first flag named `name` (without the leading dashes).
  public func flag(_ name: String) -> Flag? { flags.first { $0.name == name } }
}

/// The wrapped instruction of `ONBUILD`, held in a class because a struct cannot contain itself.
public final class OnbuildTrigger: Sendable {
  public let instruction: Instruction

  public init(_ instruction: Instruction) {
    self.instruction = instruction
  }
}

/// A `--name=value` or `--name` flag.
public struct Flag: Sendable, Hashable {
  /// The whole flag, from `--` to the end of the value.
  public var range: Range<Int>
  /// The name without the leading `--`.
  public var name: String
  /// The value after `=`; nil for a flag without `=`.
  public var value: String?
  public var nameRange: Range<Int>
  public var valueRange: Range<Int>?

  public init(range: Range<Int>, name: String, value: String?, nameRange: Range<Int>, valueRange: Range<Int>?) {
    self.range = range
    self.name = name
    self.value = value
    self.nameRange = nameRange
    self.valueRange = valueRange
  }

  /// The flag as BuildKit reads it (quotes removed), for example `--mount=type=cache,target=/root/.cache`.
  public var text: String { value.map { "--\(name)=\($0)" } ?? "--\(name)" }
}

/// A JSON array of strings used as exec-form arguments.
public struct ExecForm: Sendable, Hashable {
  /// The range from `[` to `]`.
  public var range: Range<Int>
  public var elements: [ExecElement]

  public init(range: Range<Int>, elements: [ExecElement]) {
    self.range = range
    self.elements = elements
  }

  public var values: [String] { elements.map(\.value) }
}

/// One decoded string of an exec form, with the range of its quoted source text.
public struct ExecElement: Sendable, Hashable {
  public var value: String
  public var range: Range<Int>

  public init(value: String, range: Range<Int>) {
    self.value = value
    self.range = range
  }
}

/// A heredoc attached to an instruction, such as `<<-EOF`.
public struct Heredoc: Sendable, Hashable {
  /// The delimiter word without quotes, for example `EOF`.
  public var name: String
  /// The file descriptor written before `<<` (`3<<EOF`), if any.
  public var fileDescriptor: Int?
  /// Whether `<<-` asks for leading tabs to be stripped from each body line.
  public var stripsTabs: Bool
  /// Whether the delimiter was quoted, which turns off expansion in the body.
  public var isQuoted: Bool
  /// The `<<…` opener inside the instruction's arguments.
  public var openerRange: Range<Int>
  /// The body lines, from the line after the instruction's line to the terminator line, both
  /// terminators included.
  public var bodyRange: Range<Int>
  /// The terminator line; empty at the end of the file when the terminator is missing.
  public var terminatorRange: Range<Int>
  /// The content as BuildKit reports it (tabs stripped for `<<-`).
  public var content: String

  public init(
    name: String, fileDescriptor: Int?, stripsTabs: Bool, isQuoted: Bool,
    openerRange: Range<Int>, bodyRange: Range<Int>, terminatorRange: Range<Int>, content: String
  ) {
    self.name = name
    self.fileDescriptor = fileDescriptor
    self.stripsTabs = stripsTabs
    self.isQuoted = isQuoted
    self.openerRange = openerRange
    self.bodyRange = bodyRange
    self.terminatorRange = terminatorRange
    self.content = content
  }
}
