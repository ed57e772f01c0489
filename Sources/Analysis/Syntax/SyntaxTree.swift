/// The lossless syntax tree of a Dockerfile.
///
/// Invariants (checked by the parser tests):
/// - `nodes` cover the source without gaps or overlap, in order, so concatenating the source
///   slices of all nodes gives back the exact input;
/// - every range is a byte range into the source the tree was parsed from;
/// - the parser never fails: malformed input gives nodes plus `SyntaxError`s.
public struct SyntaxTree: Sendable {
  /// Parser directives (`# syntax=`, `# escape=`, `# check=`) in the order they appear.
  /// Each is also present in `nodes` as a `.directive`.
  public var directives: [Directive]
  /// The escape character in effect: `\` unless `# escape=` set a backtick.
  public var escapeCharacter: UInt8
  /// Top-level nodes covering the whole source.
  public var nodes: [SyntaxNode]
  /// Errors that belong to the file as a whole, such as a file with no instructions.
  public var fileErrors: [SyntaxError]

  public init(directives: [Directive], escapeCharacter: UInt8, nodes: [SyntaxNode], fileErrors: [SyntaxError]) {
    self.directives = directives
    self.escapeCharacter = escapeCharacter
    self.nodes = nodes
    self.fileErrors = fileErrors
  }

  /// The instructions in source order.
  public var instructions: [Instruction] {
    nodes.compactMap { node in
      if case .instruction(let instruction) = node { return instruction }
      return nil
    }
  }

  /// All syntax errors: those of each instruction, then those of the file.
  public var errors: [SyntaxError] {
    var result: [SyntaxError] = []
    for node in nodes {
      if case .instruction(let instruction) = node { result.append(contentsOf: instruction.errors) }
    }
    result.append(contentsOf: fileErrors)
    return result
  }
}

/// One top-level piece of a Dockerfile. Its `range` includes the line terminator that ends it.
public enum SyntaxNode: Sendable {
  case directive(Directive)
  /// A comment line outside any instruction (leading whitespace included).
  case comment(Comment)
  /// One or more lines that hold only whitespace.
  case blank(Range<Int>)
  case instruction(Instruction)

  public var range: Range<Int> {
    switch self {
    case .directive(let directive): return directive.range
    case .comment(let comment): return comment.range
    case .blank(let range): return range
    case .instruction(let instruction): return instruction.range
    }
  }
}

/// A parser directive such as `# escape=\``.
public struct Directive: Sendable, Hashable {
  /// The whole line, terminator included.
  public var range: Range<Int>
  /// The directive name in lower case (`syntax`, `escape`, `check`).
  public var name: String
  public var value: String
  public var nameRange: Range<Int>
  public var valueRange: Range<Int>

  public init(range: Range<Int>, name: String, value: String, nameRange: Range<Int>, valueRange: Range<Int>) {
    self.range = range
    self.name = name
    self.value = value
    self.nameRange = nameRange
    self.valueRange = valueRange
  }
}

/// A `#` comment line. `text` is everything after the `#`, untrimmed.
public struct Comment: Sendable, Hashable {
  public var range: Range<Int>
  /// The range of the `#` and the text after it, without leading whitespace or terminator.
  public var contentRange: Range<Int>
  public var text: String

  public init(range: Range<Int>, contentRange: Range<Int>, text: String) {
    self.range = range
    self.contentRange = contentRange
    self.text = text
  }
}

/// A syntax error found by the parser.
public struct SyntaxError: Sendable, Hashable {
  /// The offending token or instruction; it never includes a line terminator.
  public var range: Range<Int>
  public var message: String
  /// Whether BuildKit's parser rejects the whole file for this error. False for problems that
  /// BuildKit reports only in a later stage, such as an unknown instruction.
  public var isFatal: Bool

  public init(range: Range<Int>, message: String, isFatal: Bool = false) {
    self.range = range
    self.message = message
    self.isFatal = isFatal
  }
}
