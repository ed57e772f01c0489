/// A hadolint comment pragma: `# hadolint ignore=DL3008,DL3015`, `# hadolint global ignore=…`
/// or `# hadolint shell=powershell`. Text after the value that starts with `#` is a reason and
/// is ignored.
public enum Pragma: Sendable, Equatable {
  /// Suppresses the codes on the instruction that follows the comment.
  case ignore([String])
  /// Suppresses the codes in the whole file.
  case globalIgnore([String])
  /// Names the shell that runs the following RUN instructions.
  case shell(String)

  /// Reads a comment's text (everything after its `#`); nil when it is no hadolint pragma.
  public static func parse(_ comment: Substring) -> Pragma? {
    parseWithListEnd(comment)?.pragma
  }

  /// Parses a pragma and also returns where its value ends (after the last rule code or the
  /// shell name), so an edit can append codes there.
  static func parseWithListEnd(_ comment: Substring) -> (pragma: Pragma, listEnd: Substring.Index)? {
    var scanner = PragmaScanner(text: comment)
    scanner.skipBlanks()
    guard scanner.take("hadolint"), scanner.skipBlanks() > 0 else { return nil }
    if scanner.take("shell") {
      scanner.skipBlanks()
      guard scanner.take("=") else { return nil }
      scanner.skipBlanks()
      let name = scanner.word { $0 != " " && $0 != "\t" && $0 != "#" }
      guard !name.isEmpty, scanner.atEndOrReason else { return nil }
      return (.shell(String(name)), scanner.index)
    }
    var isGlobal = false
    if scanner.take("global") {
      guard scanner.skipBlanks() > 0 else { return nil }
      isGlobal = true
    }
    guard scanner.take("ignore") else { return nil }
    scanner.skipBlanks()
    guard scanner.take("=") else { return nil }
    var codes: [String] = []
    var listEnd = scanner.index
    repeat {
      scanner.skipBlanks()
      let code = scanner.word { $0.isLetter || $0.isNumber }
      guard !code.isEmpty else { return nil }
      codes.append(code.uppercased())
      listEnd = scanner.index
      scanner.skipBlanks()
    } while scanner.take(",")
    guard scanner.atEndOrReason else { return nil }
    return (isGlobal ? .globalIgnore(codes) : .ignore(codes), listEnd)
  }
}

/// The suppressions that a file's pragmas ask for.
public struct PragmaSuppressions: Sendable, Equatable {
  /// Codes suppressed everywhere in the file.
  public var global: Set<String> = []
  /// Codes suppressed on each instruction, by index into `tree.instructions`.
  public var byInstruction: [Int: Set<String>] = [:]

  /// Collects the pragmas of `tree`. An ignore pragma applies to the instruction after the run of
  /// comment lines it belongs to. A blank line or another node in between ends that run.
  ///
  /// NOTE: hadolint reads an ignore pragma only on the line right above the instruction; this also
  /// accepts one higher up in the same comment block. Comments inside a RUN's continuation lines are
  /// not read as pragmas.
  public init(tree: SyntaxTree) {
    var pending: Set<String> = []
    var instructionIndex = 0
    for node in tree.nodes {
      switch node {
      case .comment(let comment):
        switch Pragma.parse(Substring(comment.text)) {
        case .ignore(let codes): pending.formUnion(codes)
        case .globalIgnore(let codes): global.formUnion(codes)
        default: break
        }
      case .instruction:
        if !pending.isEmpty { byInstruction[instructionIndex] = pending }
        pending = []
        instructionIndex += 1
      case .blank, .directive:
        pending = []
      }
    }
  }

  public var isEmpty: Bool { global.isEmpty && byInstruction.isEmpty }
}

/// Builds the edit that suppresses one rule on one instruction with a `# hadolint ignore=` comment.
public enum IgnoreComment {
  /// Returns an edit that appends `ruleID` to an ignore comment directly above the instruction at
  /// `instructionIndex`, or inserts `# hadolint ignore=RULE` on its own line above it, with the
  /// instruction's indentation and the file's line ending. Nil when the rule is already listed.
  public static func edit(ignoring ruleID: String, onInstructionAt instructionIndex: Int, in document: Document) -> TextEdit? {
    guard let nodeIndex = nodeIndex(ofInstructionAt: instructionIndex, in: document.tree) else { return nil }
    return edit(ignoring: ruleID, onNodeAt: nodeIndex, in: document)
  }

  /// Like `edit(ignoring:onInstructionAt:in:)` for the instruction at `nodeIndex` of
  /// `document.tree.nodes` (see `nodeIndex(ofInstructionContaining:in:)`), for callers that build
  /// many edits. Nil when that node is no instruction.
  public static func edit(ignoring ruleID: String, onNodeAt nodeIndex: Int, in document: Document) -> TextEdit? {
    let tree = document.tree
    let source = document.source
    guard tree.nodes.indices.contains(nodeIndex), case .instruction(let instruction) = tree.nodes[nodeIndex] else { return nil }

    // An ignore comment in the run of comments right above the instruction is extended.
    var index = nodeIndex - 1
    while index >= 0, case .comment(let comment) = tree.nodes[index] {
      let text = Substring(comment.text)
      if let (pragma, listEnd) = Pragma.parseWithListEnd(text), case .ignore(let codes) = pragma {
        if codes.contains(ruleID.uppercased()) { return nil }
        // The text starts right after the `#`.
        let offset = comment.contentRange.lowerBound + 1 + text.utf8.distance(from: text.startIndex, to: listEnd)
        return TextEdit(range: offset..<offset, newText: ",\(ruleID)")
      }
      index -= 1
    }

    let line = source.lineIndex.line(containing: instruction.keywordRange.lowerBound)
    let lineStart = source.lineIndex.lineStarts[line]
    let prefix = source.bytes[lineStart..<instruction.keywordRange.lowerBound]
    let indentation = prefix.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } ? String(decoding: prefix, as: UTF8.self) : ""
    return TextEdit(range: lineStart..<lineStart, newText: "\(indentation)# hadolint ignore=\(ruleID)\(lineEnding(of: source))")
  }

  /// Returns the index in `tree.nodes` of the instruction whose range contains `offset`, its end
  /// included, like `Linter.instructionIndex(containing:in:)` but by binary search over the nodes,
  /// without building `tree.instructions`. Nil when `offset` is outside every instruction.
  public static func nodeIndex(ofInstructionContaining offset: Int, in tree: SyntaxTree) -> Int? {
    let nodes = tree.nodes
    // The nodes cover the source in order, so the candidate is the last one starting at or before `offset`.
    let index = nodes.countOfLeading(keyAtMost: offset) { $0.range.lowerBound } - 1
    guard index >= 0 else { return nil }
    if case .instruction(let instruction) = nodes[index], offset <= instruction.range.upperBound { return index }
    // An offset at the end of an instruction is also the start of the node after it.
    if index > 0, case .instruction(let previous) = nodes[index - 1], offset == previous.range.upperBound { return index - 1 }
    return nil
  }

  /// Returns the index in `tree.nodes` of the instruction at `instructionIndex` of `tree.instructions`.
  static func nodeIndex(ofInstructionAt instructionIndex: Int, in tree: SyntaxTree) -> Int? {
    var count = 0
    for (index, node) in tree.nodes.enumerated() {
      guard case .instruction = node else { continue }
      if count == instructionIndex { return index }
      count += 1
    }
    return nil
  }

  /// Returns the file's first line terminator, or `\n` when it has none.
  static func lineEnding(of source: SourceText) -> String {
    guard let newline = source.bytes.firstIndex(of: UInt8(ascii: "\n")) else { return "\n" }
    return newline > 0 && source.bytes[newline - 1] == UInt8(ascii: "\r") ? "\r\n" : "\n"
  }
}

/// Reads the pieces of a pragma.
private struct PragmaScanner {
  let text: Substring
  var index: Substring.Index

  init(text: Substring) {
    self.text = text
    self.index = text.startIndex
  }

  @discardableResult
  mutating func skipBlanks() -> Int {
    var count = 0
    while index < text.endIndex, text[index] == " " || text[index] == "\t" {
      index = text.index(after: index)
      count += 1
    }
    return count
  }

  mutating func take(_ literal: String) -> Bool {
    guard text[index...].hasPrefix(literal) else { return false }
    index = text.index(index, offsetBy: literal.count)
    return true
  }

  mutating func word(while predicate: (Character) -> Bool) -> Substring {
    let start = index
    while index < text.endIndex, predicate(text[index]) { index = text.index(after: index) }
    return text[start..<index]
  }

  /// Whether only blanks, a line terminator or a `# reason` remain.
  var atEndOrReason: Bool {
    var copy = self
    copy.skipBlanks()
    return copy.index == text.endIndex || text[copy.index] == "#" || text[copy.index...].allSatisfy { $0 == "\r" || $0 == "\n" }
  }
}
