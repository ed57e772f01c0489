/// The token types of the semantic token legend, in legend order.
public enum SemanticTokenType: UInt32, Sendable, CaseIterable {
  case keyword, variable, parameter, string, comment, `operator`, property, namespace, macro

  /// The LSP name of the type.
  public var name: String {
    switch self {
    case .keyword: return "keyword"
    case .variable: return "variable"
    case .parameter: return "parameter"
    case .string: return "string"
    case .comment: return "comment"
    case .operator: return "operator"
    case .property: return "property"
    case .namespace: return "namespace"
    case .macro: return "macro"
    }
  }
}

/// One classified byte range. `modifiers` is a bit set over `SemanticTokensProvider.modifierNames`.
public struct SemanticToken: Sendable, Hashable {
  public var range: Range<Int>
  public var type: SemanticTokenType
  public var modifiers: UInt32

  public init(range: Range<Int>, type: SemanticTokenType, modifiers: UInt32 = 0) {
    self.range = range
    self.type = type
    self.modifiers = modifiers
  }
}

/// Classifies the text of a Dockerfile for syntax colouring: keywords, flags, comments, parser
/// directives, variables, stage names, ARG/ENV/LABEL keys and exec-form strings.
///
/// It makes one pass over the nodes and allocates only the token array, so that it keeps up with
/// typing in large files.
public enum SemanticTokensProvider {
  /// The modifier legend; bit 0 marks a declaration (`ARG NAME`, `AS name`).
  public static let modifierNames = ["declaration"]
  public static let declaration: UInt32 = 1

  /// Returns the tokens of the nodes that intersect `range` (all nodes when nil), sorted and not
  /// overlapping.
  public static func tokens(in document: Document, range: Range<Int>? = nil) -> [SemanticToken] {
    let tree = document.tree
    var collector = Collector(source: document.source.bytes, escape: tree.escapeCharacter)
    collector.tokens.reserveCapacity(document.source.lineIndex.lineCount * 4)
    var first = 0
    if let range, let index = tree.nodeIndex(containing: range.lowerBound) { first = index }
    for index in first..<tree.nodes.count {
      let node = tree.nodes[index]
      if let range, node.range.lowerBound >= range.upperBound, !range.isEmpty { break }
      let start = collector.tokens.count
      switch node {
      case .directive(let directive):
        var hash = directive.range.lowerBound
        while hash < directive.valueRange.upperBound && collector.source[hash] != UInt8(ascii: "#") { hash += 1 }
        collector.add(hash..<directive.valueRange.upperBound, .macro)
      case .comment(let comment):
        collector.add(comment.contentRange, .comment)
      case .blank:
        break
      case .instruction(let instruction):
        collector.instruction(instruction)
        for comment in instruction.embeddedComments { collector.add(comment.contentRange, .comment) }
        collector.sortTokens(from: start)
      }
    }
    return collector.tokens
  }

  /// Encodes tokens as LSP's relative integers (line delta, start delta, length, type,
  /// modifiers), with columns in `encoding`. A token that spans lines becomes one token per line,
  /// because clients need not support multi-line tokens.
  public static func encode(_ tokens: [SemanticToken], in source: SourceText, encoding: PositionEncoding) -> [UInt32] {
    var data: [UInt32] = []
    data.reserveCapacity(tokens.count * 5)
    let lines = source.lineIndex
    let bytes = source.bytes
    var previousLine = 0
    var previousColumn = 0
    // Tokens come sorted, so the current line only moves forward. Columns are byte differences
    // in UTF-8 and on ASCII lines; other lines go through the line index.
    var line = 0
    var lineIsSimple = true
    var lineChecked = -1

    func column(_ offset: Int, onLine line: Int) -> Int {
      if lineChecked != line {
        lineChecked = line
        lineIsSimple = line > 0 || lines.byteOrderMarkLength == 0
        if lineIsSimple && encoding != .utf8 {
          for index in lines.lineStarts[line]..<lines.lineEnds[line] where bytes[index] >= 0x80 {
            lineIsSimple = false
            break
          }
        }
      }
      if lineIsSimple { return offset - lines.lineStarts[line] }
      return source.position(of: offset, encoding: encoding).character
    }

    func emit(_ start: Int, _ end: Int, line: Int, _ token: SemanticToken) {
      let from = column(start, onLine: line)
      let length = column(end, onLine: line) - from
      // LSP's relative encoding cannot go back. A token that starts inside an earlier one (a
      // comment line inside a keyword split by a continuation) is left out.
      guard length > 0, line > previousLine || (line == previousLine && from >= previousColumn) else { return }
      let deltaLine = line - previousLine
      let deltaColumn = deltaLine == 0 ? from - previousColumn : from
      data.append(UInt32(deltaLine))
      data.append(UInt32(deltaColumn))
      data.append(UInt32(length))
      data.append(token.type.rawValue)
      data.append(token.modifiers)
      previousLine = line
      previousColumn = from
    }

    for token in tokens where !token.range.isEmpty {
      if lines.lineStarts[line] > token.range.lowerBound {
        line = lines.line(containing: token.range.lowerBound)
      }
      while line + 1 < lines.lineCount && lines.lineStarts[line + 1] <= token.range.lowerBound { line += 1 }
      var current = line
      var start = token.range.lowerBound
      while current < lines.lineCount, start < token.range.upperBound {
        let end = min(token.range.upperBound, lines.lineEnds[current])
        if end > start { emit(start, end, line: current, token) }
        current += 1
        if current < lines.lineCount { start = lines.lineStarts[current] }
      }
    }
    return data
  }
}

/// Accumulates the tokens of one document.
private struct Collector {
  let source: [UInt8]
  let escape: UInt8
  var tokens: [SemanticToken] = []
  /// The lower-cased stage names declared so far, to recognise `FROM <stage>` and `--from=`.
  var stageNames: [String] = []

  init(source: [UInt8], escape: UInt8) {
    self.source = source
    self.escape = escape
  }

  /// Sorts the tokens from `start` on. They are rarely out of order (embedded comments, heredoc
  /// openers), so the check comes first.
  mutating func sortTokens(from start: Int) {
    var index = start + 1
    while index < tokens.count && tokens[index - 1].range.lowerBound <= tokens[index].range.lowerBound { index += 1 }
    if index < tokens.count { tokens[start...].sort { $0.range.lowerBound < $1.range.lowerBound } }
  }

  mutating func add(_ range: Range<Int>, _ type: SemanticTokenType, _ modifiers: UInt32 = 0) {
    if !range.isEmpty { tokens.append(SemanticToken(range: range, type: type, modifiers: modifiers)) }
  }

  mutating func instruction(_ instruction: Instruction) {
    add(instruction.keywordRange, .keyword)
    for flag in instruction.flags { self.flag(flag, of: instruction) }
    if let trigger = instruction.onbuildTrigger {
      self.instruction(trigger.instruction)
      return
    }
    for heredoc in instruction.heredocs {
      add(heredoc.openerRange, .operator)
      // A RUN heredoc with an unquoted delimiter is a script in which the shell expands variables.
      guard instruction.kind == .run, !heredoc.isQuoted else { continue }
      let end = max(heredoc.bodyRange.lowerBound, min(heredoc.bodyRange.upperBound, heredoc.terminatorRange.lowerBound))
      let source = self.source
      VariableScanner.scanRanges(source, heredoc.bodyRange.lowerBound..<end, escape: UInt8(ascii: "\\")) { dollar, name in
        add(dollar..<Collector.expansionEnd(name, in: source), .variable)
      }
    }

    if let exec = instruction.execForm {
      for element in exec.elements { add(element.range, .string) }
      return
    }
    let arguments = instruction.arguments
    switch instruction.kind {
    case .from:
      from(instruction)
    case .arg, .env, .label:
      keyValues(arguments, kind: instruction.kind)
    default:
      variables(arguments, 0..<arguments.bytes.count)
    }
  }

  /// Adds `--name` as a parameter and its value as a string, with stage names and variables.
  private mutating func flag(_ flag: Flag, of instruction: Instruction) {
    add(flag.range.lowerBound..<flag.nameRange.upperBound, .parameter)
    guard let valueRange = flag.valueRange, !valueRange.isEmpty else { return }
    add(flag.nameRange.upperBound..<valueRange.lowerBound, .operator)
    if flag.name == "from", isStageName(valueRange) {
      add(valueRange, .namespace)
    } else if flag.name == "mount" || flag.name == "secret" || flag.name == "ssh" {
      fields(valueRange)
    } else {
      stringWithVariables(valueRange)
    }
  }

  /// Splits `key=value,key=value` into properties and strings; `from=<stage>` is a namespace.
  private mutating func fields(_ range: Range<Int>) {
    var start = range.lowerBound
    while start < range.upperBound {
      var end = start
      while end < range.upperBound && source[end] != UInt8(ascii: ",") { end += 1 }
      var equals = start
      while equals < end && source[equals] != UInt8(ascii: "=") { equals += 1 }
      if equals < end {
        add(start..<equals, .property)
        let value = (equals + 1)..<end
        let isFrom = equals - start == 4 && source[start..<equals].elementsEqual("from".utf8)
        if isFrom && isStageName(value) { add(value, .namespace) } else { stringWithVariables(value) }
      } else {
        add(start..<end, .property)
      }
      start = end + 1
    }
  }

  /// Adds a string token for `range` of the source, with `$VAR` parts as variables.
  private mutating func stringWithVariables(_ range: Range<Int>) {
    var cursor = range.lowerBound
    let source = self.source
    VariableScanner.scanRanges(source, range, escape: escape) { dollar, name in
      let end = Collector.expansionEnd(name, in: source)
      add(cursor..<dollar, .string)
      add(dollar..<end, .variable)
      cursor = end
    }
    add(cursor..<range.upperBound, .string)
  }

  /// Returns the end of an expansion: after `}` when it closes `${NAME}`, else after the name.
  static func expansionEnd(_ name: Range<Int>, in bytes: [UInt8]) -> Int {
    let isBraced = name.upperBound < bytes.count && bytes[name.upperBound] == UInt8(ascii: "}")
      && name.lowerBound >= 2 && bytes[name.lowerBound - 1] == UInt8(ascii: "{")
    return isBraced ? name.upperBound + 1 : name.upperBound
  }

  /// Adds the variables in `range` of the joined arguments.
  private mutating func variables(_ arguments: LogicalText, _ range: Range<Int>) {
    let bytes = arguments.bytes
    VariableScanner.scanRanges(bytes, range, escape: escape) { dollar, name in
      let end = Collector.expansionEnd(name, in: bytes)
      tokens.append(SemanticToken(range: arguments.sourceRange(dollar..<end), type: .variable))
    }
  }

  /// FROM: the image (a namespace when it names an earlier stage) with its variables, `AS` and
  /// the stage name.
  private mutating func from(_ instruction: Instruction) {
    let arguments = instruction.arguments
    let bytes = arguments.bytes
    var words: [Range<Int>] = []
    var index = 0
    while index < bytes.count && words.count < 3 {
      while index < bytes.count && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")) { index += 1 }
      let start = index
      while index < bytes.count && bytes[index] != UInt8(ascii: " ") && bytes[index] != UInt8(ascii: "\t") { index += 1 }
      if index > start { words.append(start..<index) }
    }
    guard let image = words.first else { return }
    let imageName = String(decoding: bytes[image], as: UTF8.self).lowercased()
    if stageNames.contains(imageName) {
      add(arguments.sourceRange(image), .namespace)
    } else {
      variables(arguments, image)
    }
    if words.count == 3, bytes[words[1]].count == 2, String(decoding: bytes[words[1]], as: UTF8.self).lowercased() == "as" {
      add(arguments.sourceRange(words[1]), .keyword)
      add(arguments.sourceRange(words[2]), .namespace, SemanticTokensProvider.declaration)
      stageNames.append(String(decoding: bytes[words[2]], as: UTF8.self).lowercased())
    }
  }

  /// ARG, ENV and LABEL: keys (variables or properties, as declarations), `=` and the values'
  /// variables. The legacy `ENV key value` form has one key followed by the value.
  private mutating func keyValues(_ arguments: LogicalText, kind: InstructionKind) {
    let bytes = arguments.bytes
    let keyType: SemanticTokenType = kind == .label ? .property : .variable
    let modifiers = kind == .label ? 0 : SemanticTokensProvider.declaration
    var index = 0
    var isFirst = true
    while index < bytes.count {
      while index < bytes.count && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")) { index += 1 }
      if index >= bytes.count { break }
      let start = index
      var equals: Int?
      var quote: UInt8 = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte == escape && quote != UInt8(ascii: "'") {
          index += 2
          continue
        }
        if quote != 0 {
          if byte == quote { quote = 0 }
        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
          quote = byte
        } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
          break
        } else if byte == UInt8(ascii: "="), equals == nil {
          equals = index
        }
        index += 1
      }
      index = min(index, bytes.count)
      guard let equals else {
        add(arguments.sourceRange(start..<index), keyType, modifiers)
        if isFirst && kind != .arg {
          variables(arguments, index..<bytes.count)
          return
        }
        isFirst = false
        continue
      }
      isFirst = false
      add(arguments.sourceRange(start..<equals), keyType, modifiers)
      add(arguments.sourceRange(equals..<(equals + 1)), .operator)
      variables(arguments, (equals + 1)..<index)
    }
  }

  /// Returns whether the source text in `range` is a stage name declared earlier.
  private func isStageName(_ range: Range<Int>) -> Bool {
    let length = range.count
    return stageNames.contains { name in
      name.utf8.count == length && zip(name.utf8, source[range]).allSatisfy { expected, byte in expected == Collector.lowercased(byte) }
    }
  }

  /// Returns an ASCII upper-case letter in lower case and any other byte unchanged.
  static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
  }
}
