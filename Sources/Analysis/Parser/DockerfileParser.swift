/// Entry points of the Dockerfile parser.
///
/// The parser reads a Dockerfile as BuildKit's parser (moby/buildkit,
/// `frontend/dockerfile/parser`) does, and keeps every byte: each line belongs to exactly one
/// top-level node.
public enum DockerfileParser {
  /// Parses a whole source text. Never fails: problems become `SyntaxError`s in the tree.
  public static func parse(_ source: SourceText) -> SyntaxTree {
    source.bytes.withUnsafeBufferPointer { bytes in
      var parser = FileParser(bytes: bytes)
      parser.parseAll()
      return parser.makeTree()
    }
  }
}

/// The state of a parse over one buffer. Top-level nodes are parsed one at a time so that the
/// incremental reparse can resume in the middle of a file.
struct FileParser {
  let bytes: UnsafeBufferPointer<UInt8>
  var escape: UInt8 = GoText.backslash
  var directiveScanner = DirectiveScanner()
  var directives: [Directive] = []
  var nodes: [SyntaxNode] = []
  var fileErrors: [SyntaxError] = []
  var hasInstruction = false

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  mutating func parseAll() {
    // One node per line at most; reserving avoids copying the growing array of large nodes.
    var newlines = 0
    for byte in bytes where byte == GoText.newline { newlines += 1 }
    nodes.reserveCapacity(newlines + 1)
    var position = 0
    while position < bytes.count {
      let next = parseNode(at: position)
      assert(next > position, "the parser made no progress")
      if next <= position { break }
      position = next
    }
    if position < bytes.count {
      nodes.append(.blank(position..<bytes.count))
    }
  }

  mutating func makeTree() -> SyntaxTree {
    if let longLine = firstTooLongLine() {
      let message = "dockerfile line greater than max allowed size of \(FileParser.maxLineLength - 1)"
      fileErrors.append(SyntaxError(range: longLine, message: message, isFatal: true))
    }
    if !hasInstruction {
      fileErrors.append(SyntaxError(range: bytes.count..<bytes.count, message: "file with no instructions", isFatal: true))
    }
    return SyntaxTree(directives: directives, escapeCharacter: escape, nodes: nodes, fileErrors: fileErrors)
  }

  /// The maximum line length in bytes, terminator included, that BuildKit's line scanner
  /// accepts (Go's `bufio.MaxScanTokenSize`).
  static let maxLineLength = 64 * 1024

  /// Returns the content range of the first line that BuildKit's scanner rejects as too long.
  /// A last line without `\n` must leave room in the scanner's buffer, so its limit is one less.
  private func firstTooLongLine() -> Range<Int>? {
    guard bytes.count >= FileParser.maxLineLength else { return nil }
    var start = 0
    while start < bytes.count {
      let line = PhysicalLine.scan(bytes, from: start)
      let hasNewline = line.end > line.start && bytes[line.end - 1] == GoText.newline
      let limit = hasNewline ? FileParser.maxLineLength : FileParser.maxLineLength - 1
      if line.end - line.start > limit { return line.start..<line.contentEnd }
      start = line.end
    }
    return nil
  }

  /// Parses the top-level node that starts at `position` (a line start), appends it to `nodes`
  /// and returns where it ends. A run of blank lines becomes one node.
  mutating func parseNode(at position: Int) -> Int {
    let line = PhysicalLine.scan(bytes, from: position)
    let tokenStart = position == 0 ? byteOrderMarkLength(bytes) : position

    if case .directive(let directive, let error) = directiveScanner.scan(
      bytes, start: tokenStart, contentEnd: line.contentEnd, lineRange: line.start..<line.end) {
      directives.append(directive)
      nodes.append(.directive(directive))
      if let error {
        fileErrors.append(error)
      } else if directive.name == "escape" {
        escape = directive.value == "`" ? GoText.backtick : GoText.backslash
      }
      return line.end
    }

    let contentStart = GoText.skipSpaces(bytes, from: tokenStart, to: line.contentEnd)
    if contentStart == line.contentEnd {
      return parseBlankRun(from: line)
    }
    if bytes[contentStart] == GoText.hash {
      nodes.append(.comment(makeComment(line, hashIndex: contentStart)))
      return line.end
    }
    hasInstruction = true
    return parseInstruction(firstLine: line, contentStart: contentStart)
  }

  private mutating func parseBlankRun(from first: PhysicalLine) -> Int {
    var end = first.end
    while end < bytes.count {
      let line = PhysicalLine.scan(bytes, from: end)
      guard GoText.skipSpaces(bytes, from: line.start, to: line.contentEnd) == line.contentEnd else { break }
      // A blank line also ends the directive prologue.
      directiveScanner.isDone = true
      end = line.end
    }
    nodes.append(.blank(first.start..<end))
    return end
  }

  private func makeComment(_ line: PhysicalLine, hashIndex: Int) -> Comment {
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[(hashIndex + 1)..<line.contentEnd]), as: UTF8.self)
    return Comment(range: line.start..<line.end, contentRange: hashIndex..<line.contentEnd, text: text)
  }

  /// Returns where a line's text ends once a trailing line continuation (the escape character, then
  /// optional spaces and tabs) is removed, and whether there was one. An escape character that
  /// follows another escape character is not a continuation.
  private func continuation(_ start: Int, _ end: Int) -> (end: Int, continues: Bool) {
    var index = end
    while index > start && (bytes[index - 1] == GoText.space || bytes[index - 1] == GoText.tab) { index -= 1 }
    guard index > start, bytes[index - 1] == escape else { return (end, false) }
    if index - 1 > start && bytes[index - 2] == escape { return (end, false) }
    return (index - 1, true)
  }

  /// Parses an instruction from its first line, appends it to `nodes` and returns its end.
  private mutating func parseInstruction(firstLine: PhysicalLine, contentStart: Int) -> Int {
    var builder = LogicalTextBuilder(capacity: firstLine.contentEnd - contentStart)
    var comments: [Comment] = []
    var (pieceEnd, continues) = continuation(contentStart, firstLine.contentEnd)
    builder.append(bytes, contentStart..<pieceEnd)
    var end = firstLine.end
    while continues && end < bytes.count {
      let line = PhysicalLine.scan(bytes, from: end)
      end = line.end
      let firstNonBlank = GoText.skipSpaces(bytes, from: line.start, to: line.contentEnd)
      if firstNonBlank == line.contentEnd { continue }
      if bytes[firstNonBlank] == GoText.hash {
        comments.append(makeComment(line, hashIndex: firstNonBlank))
        continue
      }
      (pieceEnd, continues) = continuation(line.start, line.contentEnd)
      builder.append(bytes, line.start..<pieceEnd)
    }
    let logicalLine = builder.text
    let command = InstructionParser.parse(line: logicalLine, escape: escape)
    var heredocs: [Heredoc] = []
    var heredocErrors: [SyntaxError] = []
    if command.acceptsHeredocs {
      end = readHeredocs(line: logicalLine, from: end, into: &heredocs, errors: &heredocErrors)
    }
    nodes.append(.instruction(command.makeInstruction(
      range: firstLine.start..<end, logicalLine: logicalLine, heredocs: heredocs, embeddedComments: comments,
      extraErrors: heredocErrors)))
    return end
  }

  /// Finds the heredoc openers in `line` and reads their bodies, one after the other, from
  /// `start`. Returns the end of the last body.
  private func readHeredocs(line: LogicalText, from start: Int, into heredocs: inout [Heredoc], errors: inout [SyntaxError]) -> Int {
    let openers: [HeredocOpener] = line.bytes.withUnsafeBufferPointer { logical in
      let whole = 0..<logical.count
      guard HeredocScanner.mayContainHeredoc(logical, whole) else { return [] }
      return HeredocScanner.openers(logical, whole)
    }
    var position = start
    for opener in openers {
      let bodyStart = position
      var terminator: Range<Int>?
      while position < bytes.count {
        let bodyLine = PhysicalLine.scan(bytes, from: position)
        position = bodyLine.end
        var candidate = bodyLine.start
        if opener.stripsTabs {
          while candidate < bodyLine.contentEnd && bytes[candidate] == GoText.tab { candidate += 1 }
        }
        if bodyLine.contentEnd - candidate == opener.name.count
          && opener.name.elementsEqual(UnsafeBufferPointer(rebasing: bytes[candidate..<bodyLine.contentEnd])) {
          terminator = bodyLine.start..<bodyLine.end
          break
        }
      }
      let contentEnd = terminator?.lowerBound ?? position
      var content = Array(UnsafeBufferPointer(rebasing: bytes[bodyStart..<contentEnd]))
      if opener.stripsTabs { content = HeredocScanner.strippingLeadingTabs(content) }
      let openerRange = line.sourceRange(opener.range)
      heredocs.append(Heredoc(
        name: String(decoding: opener.name, as: UTF8.self), fileDescriptor: opener.fileDescriptor,
        stripsTabs: opener.stripsTabs, isQuoted: opener.isQuoted, openerRange: openerRange,
        bodyRange: bodyStart..<position, terminatorRange: terminator ?? position..<position,
        content: String(decoding: content, as: UTF8.self)))
      if terminator == nil {
        errors.append(SyntaxError(range: openerRange, message: "unterminated heredoc", isFatal: true))
      }
    }
    return position
  }
}

/// Collects the pieces of a logical line from source ranges.
struct LogicalTextBuilder {
  private(set) var bytes: [UInt8] = []
  private(set) var pieces: [LogicalText.Piece] = []

  init(capacity: Int) {
    bytes.reserveCapacity(capacity)
  }

  mutating func append(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    if let last = pieces.last, range.isEmpty || last.sourceStart + (bytes.count - last.logicalStart) == range.lowerBound {
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[range]))
      return
    }
    if pieces.isEmpty {
      pieces = [LogicalText.Piece(logicalStart: bytes.count, sourceStart: range.lowerBound)]
    } else {
      pieces.append(LogicalText.Piece(logicalStart: bytes.count, sourceStart: range.lowerBound))
    }
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[range]))
  }

  var text: LogicalText { LogicalText(bytes: bytes, pieces: pieces) }
}
