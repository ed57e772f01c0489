/// A value read from YAML, with the 1-based line where it starts.
public struct YAMLNode: Sendable, Equatable {
  public enum Value: Sendable, Equatable {
    /// A scalar's text; `quoted` scalars are always strings, never null or booleans.
    case scalar(String, quoted: Bool)
    case sequence([YAMLNode])
    /// Entries in file order.
    case mapping([YAMLEntry])
    /// An empty value, `~` or `null`.
    case null
  }

  public var value: Value
  public var line: Int

  public init(_ value: Value, line: Int) {
    self.value = value
    self.line = line
  }

  /// The text of a scalar, or nil for other kinds.
  public var scalarText: String? {
    if case .scalar(let text, _) = value { return text }
    return nil
  }
}

/// One `key: value` pair of a mapping.
public struct YAMLEntry: Sendable, Equatable {
  public var key: String
  public var value: YAMLNode

  public init(key: String, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}

/// A YAML syntax error or a construct outside the supported subset, with its 1-based line.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
  public var line: Int
  public var message: String

  public var description: String { "invalid YAML at line \(line): \(message)" }
}

/// Reads the subset of YAML that configuration files use: block mappings and sequences,
/// flow sequences and mappings, plain, single-quoted and double-quoted scalars,
/// comments, blank lines and one document with an optional `---` marker.
///
/// Anchors, aliases, tags, block scalars (`|`, `>`) and multi-line plain scalars are rejected
/// with an error rather than read wrongly.
public enum YAMLReader {
  /// Parses `text` and returns its root node; an empty document gives `.null`.
  public static func parse(_ text: String) throws(YAMLError) -> YAMLNode {
    var parser = BlockParser(lines: try logicalLines(text))
    guard let first = parser.lines.first else { return YAMLNode(.null, line: 1) }
    let root = try parser.parseBlock(minimumIndent: 0)
    if parser.index < parser.lines.count {
      let line = parser.lines[parser.index]
      throw YAMLError(line: line.number, message: "unexpected content `\(line.content)` after the top-level \(first.content.hasPrefix("-") ? "list" : "value")")
    }
    return root
  }

  /// A line with content: its number, indentation and text without the trailing comment.
  struct Line {
    var number: Int
    var indent: Int
    var content: Substring
  }

  /// Splits the text into lines, dropping blank lines, comment lines and document markers.
  static func logicalLines(_ text: String) throws(YAMLError) -> [Line] {
    var result: [Line] = []
    var seenDocumentStart = false
    var number = 0
    // "\r\n" is one Character in Swift, so both terminators are separators.
    for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      number += 1
      var line = rawLine
      if line.last == "\r" { line = line.dropLast() }
      if number == 1, line.first == "\u{FEFF}" { line = line.dropFirst() }
      let indent = line.prefix { $0 == " " }.count
      let rest = line.dropFirst(indent)
      if rest.first == "\t" {
        throw YAMLError(line: number, message: "tabs cannot indent YAML; use spaces")
      }
      let content = try stripComment(rest, line: number)
      if content.isEmpty { continue }
      if indent == 0, content == "---" || content.hasPrefix("--- ") {
        if seenDocumentStart || !result.isEmpty {
          throw YAMLError(line: number, message: "only one YAML document is supported")
        }
        seenDocumentStart = true
        let after = content.dropFirst(3).drop { $0 == " " }
        if !after.isEmpty { result.append(Line(number: number, indent: 4, content: after)) }
        continue
      }
      if indent == 0, content == "..." { break }
      if content.hasPrefix("%") {
        throw YAMLError(line: number, message: "directives such as `\(content)` are not supported")
      }
      result.append(Line(number: number, indent: indent, content: content))
    }
    return try joiningFlowContinuations(result)
  }

  /// Joins a flow collection that spans several lines, such as `ignored: [` followed by one code
  /// per line and `]`, into its first line.
  static func joiningFlowContinuations(_ lines: [Line]) throws(YAMLError) -> [Line] {
    var result: [Line] = []
    var index = 0
    while index < lines.count {
      var line = lines[index]
      var depth = flowDepth(line.content)
      index += 1
      while depth > 0 {
        guard index < lines.count else {
          throw YAMLError(line: line.number, message: "a flow collection that starts here is not closed")
        }
        let joined = String(line.content) + " " + lines[index].content
        line.content = Substring(joined)
        depth = flowDepth(line.content)
        index += 1
      }
      result.append(line)
    }
    return result
  }

  /// Returns how many `[` and `{` in `text` are still open at its end, outside quoted scalars.
  static func flowDepth(_ text: Substring) -> Int {
    var depth = 0
    var quote: Character?
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if let open = quote {
        if open == "\"" && character == "\\" {
          index = text.index(after: index)
        } else if character == open {
          quote = nil
        }
      } else if (character == "[" || character == "{") && (depth > 0 || startsToken(after: text[text.startIndex..<index])) {
        depth += 1
      } else if (character == "]" || character == "}") && depth > 0 {
        depth -= 1
      } else if (character == "\"" || character == "'") && startsToken(after: text[text.startIndex..<index]) {
        quote = character
      }
      if index < text.endIndex { index = text.index(after: index) }
    }
    return depth
  }

  /// Removes a `#` comment (one at the start or after a blank, outside quotes) and trailing blanks.
  static func stripComment(_ text: Substring, line: Int) throws(YAMLError) -> Substring {
    var quote: Character?
    var previous: Character = " "
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if let open = quote {
        if open == "\"" && character == "\\" {
          index = text.index(after: index)
          if index < text.endIndex { index = text.index(after: index) }
          previous = "a"
          continue
        }
        if character == open {
          let next = text.index(after: index)
          if open == "'" && next < text.endIndex && text[next] == "'" {
            index = text.index(after: next)
            continue
          }
          quote = nil
        }
      } else if character == "#" && (previous == " " || previous == "\t") {
        return trimTrailing(text[text.startIndex..<index])
      } else if (character == "\"" || character == "'") && startsToken(after: text[text.startIndex..<index]) {
        quote = character
      }
      previous = character
      index = text.index(after: index)
    }
    return trimTrailing(text)
  }

  /// Returns whether a quote after `prefix` opens a quoted scalar rather than sitting inside plain text.
  private static func startsToken(after prefix: Substring) -> Bool {
    guard let last = prefix.last(where: { $0 != " " && $0 != "\t" }) else { return true }
    if last == ":" || last == "-" {
      // `key: 'x'` and `- 'x'` need the blank; `a:'b'` and `a-'b'` are plain text.
      return prefix.last == " " || prefix.last == "\t"
    }
    return last == "[" || last == "{" || last == ","
  }

  static func trimTrailing(_ text: Substring) -> Substring {
    var end = text.endIndex
    while end > text.startIndex {
      let before = text.index(before: end)
      guard text[before] == " " || text[before] == "\t" else { break }
      end = before
    }
    return text[text.startIndex..<end]
  }

  /// Parses block structure from indentation.
  struct BlockParser {
    var lines: [Line]
    var index = 0

    /// Parses the node that starts at the current line, whose indentation must be at least
    /// `minimumIndent`.
    mutating func parseBlock(minimumIndent: Int) throws(YAMLError) -> YAMLNode {
      let line = lines[index]
      if isSequenceItem(line.content) { return try parseSequence(indent: line.indent) }
      if try ScalarScanner.mappingKey(in: line.content, line: line.number) != nil {
        return try parseMapping(indent: line.indent)
      }
      index += 1
      let node = try ScalarScanner.inlineValue(line.content, line: line.number)
      if index < lines.count, lines[index].indent > line.indent, lines[index].indent >= minimumIndent {
        throw YAMLError(line: lines[index].number, message: "multi-line plain scalars are not supported; put the value on one line or quote it")
      }
      return node
    }

    func isSequenceItem(_ content: Substring) -> Bool {
      content == "-" || content.hasPrefix("- ")
    }

    mutating func parseSequence(indent: Int) throws(YAMLError) -> YAMLNode {
      let startLine = lines[index].number
      var items: [YAMLNode] = []
      while index < lines.count {
        let line = lines[index]
        if line.indent < indent { break }
        if line.indent > indent {
          throw YAMLError(line: line.number, message: "unexpected indentation in a list")
        }
        guard isSequenceItem(line.content) else {
          if try ScalarScanner.mappingKey(in: line.content, line: line.number) != nil { break }
          throw YAMLError(line: line.number, message: "expected a list item starting with `- `, found `\(line.content)`")
        }
        let rest = line.content.dropFirst().drop { $0 == " " }
        if rest.isEmpty {
          index += 1
          if index < lines.count, lines[index].indent > indent {
            items.append(try parseBlock(minimumIndent: indent + 1))
          } else {
            items.append(YAMLNode(.null, line: line.number))
          }
        } else {
          // The item's content continues as a block indented to where it starts, so
          // `- key: value` followed by `  other: value` reads as one mapping.
          let column = indent + (line.content.count - rest.count)
          lines[index] = Line(number: line.number, indent: column, content: rest)
          items.append(try parseBlock(minimumIndent: column))
        }
      }
      return YAMLNode(.sequence(items), line: startLine)
    }

    mutating func parseMapping(indent: Int) throws(YAMLError) -> YAMLNode {
      let startLine = lines[index].number
      var entries: [YAMLEntry] = []
      while index < lines.count {
        let line = lines[index]
        if line.indent < indent { break }
        if line.indent > indent {
          throw YAMLError(line: line.number, message: "unexpected indentation; check the spaces before `\(line.content)`")
        }
        if isSequenceItem(line.content) {
          throw YAMLError(line: line.number, message: "a list item cannot follow a `key: value` entry at the same indentation")
        }
        guard let (key, rest) = try ScalarScanner.mappingKey(in: line.content, line: line.number) else {
          throw YAMLError(line: line.number, message: "expected `key: value`, found `\(line.content)`")
        }
        if entries.contains(where: { $0.key == key }) {
          throw YAMLError(line: line.number, message: "duplicate key `\(key)`")
        }
        index += 1
        let value: YAMLNode
        if !rest.isEmpty {
          value = try ScalarScanner.inlineValue(rest, line: line.number)
          if index < lines.count, lines[index].indent > indent {
            throw YAMLError(line: lines[index].number, message: "unexpected indentation after `\(key)`, which already has a value on its line")
          }
        } else if index < lines.count, lines[index].indent > indent {
          value = try parseBlock(minimumIndent: indent + 1)
        } else if index < lines.count, lines[index].indent == indent, isSequenceItem(lines[index].content) {
          // YAML lets a list that is a mapping's value start at the key's own indentation.
          value = try parseSequence(indent: indent)
        } else {
          value = YAMLNode(.null, line: line.number)
        }
        entries.append(YAMLEntry(key: key, value: value))
      }
      return YAMLNode(.mapping(entries), line: startLine)
    }
  }
}

/// Reads scalars, keys and single-line flow collections.
enum ScalarScanner {
  /// Returns the key and the text after `: ` when `content` is a `key: value` line.
  static func mappingKey(in content: Substring, line: Int) throws(YAMLError) -> (String, Substring)? {
    if content.first == "\"" || content.first == "'" {
      var cursor = Cursor(text: content, line: line)
      let key = try cursor.quoted()
      cursor.skipBlanks()
      guard cursor.peek == ":" else { return nil }
      cursor.advance()
      guard cursor.atEnd || cursor.peek == " " else { return nil }
      return (key, cursor.remaining.drop { $0 == " " })
    }
    if content.first == "[" || content.first == "{" { return nil }
    var index = content.startIndex
    while index < content.endIndex {
      if content[index] == ":" {
        let next = content.index(after: index)
        if next == content.endIndex || content[next] == " " {
          let key = YAMLReader.trimTrailing(content[content.startIndex..<index])
          if key.isEmpty { throw YAMLError(line: line, message: "a mapping key is empty") }
          return (String(key), content[next...].drop { $0 == " " })
        }
      }
      index = content.index(after: index)
    }
    return nil
  }

  /// Parses a value written on one line: a flow collection, a quoted scalar or a plain scalar.
  static func inlineValue(_ text: Substring, line: Int) throws(YAMLError) -> YAMLNode {
    var cursor = Cursor(text: text, line: line)
    let node = try cursor.flowValue(inFlow: false)
    cursor.skipBlanks()
    if !cursor.atEnd {
      throw YAMLError(line: line, message: "unexpected `\(cursor.remaining)` after the value")
    }
    return node
  }

  /// A position in one line of text.
  struct Cursor {
    let text: Substring
    let line: Int
    var index: Substring.Index

    init(text: Substring, line: Int) {
      self.text = text
      self.line = line
      self.index = text.startIndex
    }

    var atEnd: Bool { index >= text.endIndex }
    var peek: Character? { atEnd ? nil : text[index] }
    var remaining: Substring { text[index...] }

    mutating func advance() { index = text.index(after: index) }

    mutating func skipBlanks() {
      while let character = peek, character == " " || character == "\t" { advance() }
    }

    func error(_ message: String) -> YAMLError { YAMLError(line: line, message: message) }

    /// Reads a value; inside a flow collection, plain scalars end at `,`, `]` and `}`.
    mutating func flowValue(inFlow: Bool) throws(YAMLError) -> YAMLNode {
      skipBlanks()
      switch peek {
      case "[": return try flowSequence()
      case "{": return try flowMapping()
      case "\"", "'": return YAMLNode(.scalar(try quoted(), quoted: true), line: line)
      case "|", ">":
        throw error("block scalars (`|` and `>`) are not supported; write the value on one line")
      case "&", "*":
        throw error("anchors and aliases are not supported")
      case "!":
        throw error("tags are not supported")
      default:
        let text = plain(inFlow: inFlow)
        if text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL" {
          return YAMLNode(.null, line: line)
        }
        return YAMLNode(.scalar(text, quoted: false), line: line)
      }
    }

    mutating func plain(inFlow: Bool) -> String {
      let start = index
      while let character = peek {
        if inFlow && (character == "," || character == "]" || character == "}") { break }
        if character == ":" {
          let next = text.index(after: index)
          if inFlow && (next == text.endIndex || text[next] == " " || text[next] == "," || text[next] == "]" || text[next] == "}") { break }
        }
        advance()
      }
      return String(YAMLReader.trimTrailing(text[start..<index]))
    }

    mutating func flowSequence() throws(YAMLError) -> YAMLNode {
      advance()
      var items: [YAMLNode] = []
      skipBlanks()
      if peek == "]" {
        advance()
        return YAMLNode(.sequence(items), line: line)
      }
      while true {
        items.append(try flowValue(inFlow: true))
        skipBlanks()
        switch peek {
        case ",":
          advance()
          skipBlanks()
          // A trailing comma before `]` is allowed.
          if peek == "]" {
            advance()
            return YAMLNode(.sequence(items), line: line)
          }
        case "]":
          advance()
          return YAMLNode(.sequence(items), line: line)
        case nil:
          throw error("a flow list is missing its closing `]`")
        default:
          throw error("expected `,` or `]` in a flow list, found `\(remaining)`")
        }
      }
    }

    mutating func flowMapping() throws(YAMLError) -> YAMLNode {
      advance()
      var entries: [YAMLEntry] = []
      skipBlanks()
      if peek == "}" {
        advance()
        return YAMLNode(.mapping(entries), line: line)
      }
      while true {
        skipBlanks()
        let keyNode = try flowValue(inFlow: true)
        guard let key = keyNode.scalarText else { throw error("a flow mapping key must be a scalar") }
        skipBlanks()
        var value = YAMLNode(.null, line: line)
        if peek == ":" {
          advance()
          value = try flowValue(inFlow: true)
          skipBlanks()
        }
        if entries.contains(where: { $0.key == key }) { throw error("duplicate key `\(key)`") }
        entries.append(YAMLEntry(key: key, value: value))
        switch peek {
        case ",":
          advance()
          skipBlanks()
          if peek == "}" {
            advance()
            return YAMLNode(.mapping(entries), line: line)
          }
        case "}":
          advance()
          return YAMLNode(.mapping(entries), line: line)
        case nil:
          throw error("a flow mapping is missing its closing `}`")
        default:
          throw error("expected `,` or `}` in a flow mapping, found `\(remaining)`")
        }
      }
    }

    /// Reads a single- or double-quoted scalar and returns its value.
    mutating func quoted() throws(YAMLError) -> String {
      let quote = peek!
      advance()
      var value = ""
      while let character = peek {
        advance()
        if character == quote {
          if quote == "'" && peek == "'" {
            advance()
            value.append("'")
            continue
          }
          return value
        }
        if quote == "\"" && character == "\\" {
          value.unicodeScalars.append(try escape())
        } else {
          value.append(character)
        }
      }
      throw error("a \(quote == "'" ? "single" : "double")-quoted string is not closed")
    }

    mutating func escape() throws(YAMLError) -> Unicode.Scalar {
      guard let character = peek else { throw error("a double-quoted string ends with a lone `\\`") }
      advance()
      switch character {
      case "\\": return "\\"
      case "\"": return "\""
      case "/": return "/"
      case " ": return " "
      case "0": return "\0"
      case "a": return "\u{07}"
      case "b": return "\u{08}"
      case "t", "\t": return "\t"
      case "n": return "\n"
      case "v": return "\u{0B}"
      case "f": return "\u{0C}"
      case "r": return "\r"
      case "e": return "\u{1B}"
      case "x": return try hexScalar(digits: 2)
      case "u": return try hexScalar(digits: 4)
      case "U": return try hexScalar(digits: 8)
      default: throw error("unknown escape `\\\(character)` in a double-quoted string")
      }
    }

    mutating func hexScalar(digits: Int) throws(YAMLError) -> Unicode.Scalar {
      var value: UInt32 = 0
      for _ in 0..<digits {
        guard let character = peek, let digit = character.hexDigitValue else {
          throw error("an escape needs \(digits) hexadecimal digits")
        }
        value = value * 16 + UInt32(digit)
        advance()
      }
      guard let scalar = Unicode.Scalar(value) else { throw error("an escape names an invalid character") }
      return scalar
    }
  }
}
