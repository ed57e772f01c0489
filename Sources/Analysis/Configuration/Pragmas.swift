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
    var scanner = PragmaScanner(text: comment)
    scanner.skipBlanks()
    guard scanner.take("hadolint"), scanner.skipBlanks() > 0 else { return nil }
    if scanner.take("shell") {
      scanner.skipBlanks()
      guard scanner.take("=") else { return nil }
      scanner.skipBlanks()
      let name = scanner.word { $0 != " " && $0 != "\t" && $0 != "#" }
      guard !name.isEmpty, scanner.atEndOrReason else { return nil }
      return .shell(String(name))
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
    repeat {
      scanner.skipBlanks()
      let code = scanner.word { $0.isLetter || $0.isNumber }
      guard !code.isEmpty else { return nil }
      codes.append(code.uppercased())
      scanner.skipBlanks()
    } while scanner.take(",")
    guard scanner.atEndOrReason else { return nil }
    return isGlobal ? .globalIgnore(codes) : .ignore(codes)
  }
}

/// The suppressions that a file's pragmas ask for.
public struct PragmaSuppressions: Sendable, Equatable {
  /// Codes suppressed everywhere in the file.
  public var global: Set<String> = []
  /// Codes suppressed on each instruction, by index into `tree.instructions`.
  public var byInstruction: [Int: Set<String>] = [:]

  /// Collects the pragmas of `tree`. An ignore pragma applies to the instruction after the run of
  /// comment lines it belongs to; a blank line or another node in between ends that run.
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
