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
  /// The arguments after the keyword and flags, with line continuations removed, mapped back to
  /// source bytes. For ONBUILD this is the text of the wrapped instruction.
  public var arguments: LogicalText
  /// The source range of the arguments: from their first byte to the last non-blank byte of the
  /// instruction's last logical line (heredoc bodies excluded). When there are none, it is empty
  /// and placed right after the keyword or the last flag.
  public var argumentsRange: Range<Int>
  /// The six fields that most instructions leave empty, behind one shared reference, so that
  /// copying an instruction retains one reference for them instead of six. Nil when all are empty.
  private var details: InstructionDetails?

  /// `--name[=value]` flags between the keyword and the arguments, in order.
  public var flags: [Flag] {
    get { details?.values.flags ?? [] }
    set { updateDetails { $0.flags = newValue } }
  }
  /// The exec (JSON array) form of the arguments, when they parse as a JSON array of strings.
  public var execForm: ExecForm? {
    get { details?.values.execForm }
    set { updateDetails { $0.execForm = newValue } }
  }
  public var heredocs: [Heredoc] {
    get { details?.values.heredocs ?? [] }
    set { updateDetails { $0.heredocs = newValue } }
  }
  /// The instruction that ONBUILD wraps.
  public var onbuildTrigger: OnbuildTrigger? {
    get { details?.values.onbuildTrigger }
    set { updateDetails { $0.onbuildTrigger = newValue } }
  }
  /// Comment lines inside the continuation (BuildKit drops them from the instruction).
  public var embeddedComments: [Comment] {
    get { details?.values.embeddedComments ?? [] }
    set { updateDetails { $0.embeddedComments = newValue } }
  }
  public var errors: [SyntaxError] {
    get { details?.values.errors ?? [] }
    set { updateDetails { $0.errors = newValue } }
  }
  /// The flags as BuildKit reports them: each `--name=value` word after quote removal.
  public var flagWords: [String] { flags.map(\.text) }

  public init(
    range: Range<Int>, kind: InstructionKind, keyword: String, keywordRange: Range<Int>,
    flags: [Flag], arguments: LogicalText, argumentsRange: Range<Int>, execForm: ExecForm?,
    heredocs: [Heredoc], onbuildTrigger: OnbuildTrigger?, embeddedComments: [Comment], errors: [SyntaxError]
  ) {
    self.range = range
    self.kind = kind
    self.keyword = keyword
    self.keywordRange = keywordRange
    self.arguments = arguments
    self.argumentsRange = argumentsRange
    if flags.isEmpty && execForm == nil && heredocs.isEmpty && onbuildTrigger == nil && embeddedComments.isEmpty && errors.isEmpty {
      self.details = nil
    } else {
      self.details = InstructionDetails.make(InstructionDetails.Values(
        flags: flags, execForm: execForm, heredocs: heredocs, onbuildTrigger: onbuildTrigger,
        embeddedComments: embeddedComments, errors: errors))
    }
  }

  /// Applies `change` to a copy of the detail fields and stores the result. The box is
  /// immutable, so instructions that share it never see each other's changes.
  mutating func updateDetails(_ change: (inout InstructionDetails.Values) -> Void) {
    var values = details?.values ?? InstructionDetails.Values()
    change(&values)
    details = InstructionDetails.make(values)
  }

  /// Whether the arguments are in shell form (not JSON) and there are arguments.
  public var isShellForm: Bool { execForm == nil && !arguments.bytes.isEmpty }

  /// Returns the first flag named `name` (without the leading dashes).
  public func flag(_ name: String) -> Flag? { flags.first { $0.name == name } }
}

/// The fields of an `Instruction` that are usually empty, in an immutable box.
final class InstructionDetails: Sendable {
  struct Values: Sendable {
    var flags: [Flag] = []
    var execForm: ExecForm?
    var heredocs: [Heredoc] = []
    var onbuildTrigger: OnbuildTrigger?
    var embeddedComments: [Comment] = []
    var errors: [SyntaxError] = []

    var isEmpty: Bool {
      flags.isEmpty && execForm == nil && heredocs.isEmpty && onbuildTrigger == nil && embeddedComments.isEmpty && errors.isEmpty
    }
  }

  let values: Values

  private init(_ values: Values) {
    self.values = values
  }

  /// Returns a box for `values`, or nil when they are all empty.
  static func make(_ values: Values) -> InstructionDetails? {
    values.isEmpty ? nil : InstructionDetails(values)
  }
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
