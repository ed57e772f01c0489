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
      // Each node covers at least one line, and the line index, which also ends lines at a lone
      // `\r`, counts at least as many lines as the parser finds.
      parser.nodes.reserveCapacity(source.lineIndex.lineCount)
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
  var scratch = LogicalLineScratch()

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  mutating func parseAll() {
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
    // A line that starts at `start` is too long exactly when no `\n` lies in the next
    // `maxLineLength` bytes and those bytes exist. Searching each such window backwards for its
    // last `\n` clears every line that starts before it, so the scan skips most of the file.
    let limit = FileParser.maxLineLength
    var start = 0
    while start + limit <= bytes.count {
      var index = start + limit - 1
      while index >= start && bytes[index] != GoText.newline { index -= 1 }
      if index < start { return start..<PhysicalLine.scan(bytes, from: start).contentEnd }
      start = index + 1
    }
    return nil
  }

  /// Parses the top-level node that starts at `position` (a line start), appends it to `nodes`
  /// and returns where it ends. A run of blank lines becomes one node.
  mutating func parseNode(at position: Int) -> Int {
    let line = PhysicalLine.scan(bytes, from: position)
    let tokenStart = position == 0 ? byteOrderMarkLength(bytes) : position

    if !directiveScanner.isDone, case .directive(let directive, let error) = directiveScanner.scan(
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

  /// Joins the lines of an instruction that starts at `contentStart` on `firstLine`, as BuildKit
  /// does, and returns the end of its last line. When `joined` is false, the logical line is
  /// `firstPiece` of the source and nothing is copied. Otherwise it is in `scratch`. Comment lines
  /// inside the continuation go to `comments` unless it is nil.
  mutating func joinLines(
    firstLine: PhysicalLine, contentStart: Int, comments: inout [Comment]?
  ) -> (end: Int, firstPiece: Range<Int>, joined: Bool) {
    var (pieceEnd, continues) = continuation(contentStart, firstLine.contentEnd)
    let firstPiece = contentStart..<pieceEnd
    var end = firstLine.end
    guard continues && end < bytes.count else { return (end, firstPiece, false) }
    scratch.start(bytes, firstPiece)
    while continues && end < bytes.count {
      let line = PhysicalLine.scan(bytes, from: end)
      end = line.end
      let firstNonBlank = GoText.skipSpaces(bytes, from: line.start, to: line.contentEnd)
      if firstNonBlank == line.contentEnd { continue }
      if bytes[firstNonBlank] == GoText.hash {
        comments?.append(makeComment(line, hashIndex: firstNonBlank))
        continue
      }
      (pieceEnd, continues) = continuation(line.start, line.contentEnd)
      scratch.append(bytes, line.start..<pieceEnd)
    }
    return (end, firstPiece, true)
  }

  /// Parses an instruction from its first line, appends it to `nodes` and returns its end.
  private mutating func parseInstruction(firstLine: PhysicalLine, contentStart: Int) -> Int {
    var comments: [Comment]? = []
    let (linesEnd, firstPiece, joined) = joinLines(firstLine: firstLine, contentStart: contentStart, comments: &comments)
    let embeddedComments = comments ?? []
    if joined {
      let escape = self.escape
      let scratch = self.scratch
      return scratch.bytes.withUnsafeBufferPointer { line in
        scratch.pieces.withUnsafeBufferPointer { pieces in
          let map = LineMap(pieces: pieces, end: line.count)
          return appendInstruction(
            InstructionParser.parse(line, map: map, bounds: 0..<line.count, escape: escape),
            line: line, map: map, bounds: 0..<line.count, start: firstLine.start, linesEnd: linesEnd, comments: embeddedComments)
        }
      }
    }
    let map = LineMap(pieces: UnsafeBufferPointer(start: nil, count: 0), end: firstPiece.upperBound)
    return appendInstruction(
      InstructionParser.parse(bytes, map: map, bounds: firstPiece, escape: escape),
      line: bytes, map: map, bounds: firstPiece, start: firstLine.start, linesEnd: linesEnd, comments: embeddedComments)
  }

  /// Completes a parsed instruction with what lies outside its line, appends it to `nodes` and
  /// returns its end. It takes the instruction as `consuming` so that it can move into the node.
  private mutating func appendInstruction(
    _ instruction: consuming Instruction, line: UnsafeBufferPointer<UInt8>, map: LineMap, bounds: Range<Int>,
    start: Int, linesEnd: Int, comments: [Comment]
  ) -> Int {
    var end = linesEnd
    if instruction.acceptsHeredocs && HeredocScanner.mayContainHeredoc(line, bounds) {
      end = readHeredocs(of: &instruction, line: line, map: map, bounds: bounds, from: linesEnd)
    }
    instruction.range = start..<end
    if !comments.isEmpty { instruction.embeddedComments = comments }
    nodes.append(.instruction(instruction))
    return end
  }

  /// Reads the bodies of the heredocs opened in `bounds` of the instruction's line, one after the
  /// other, from `start`. Returns the end of the last body.
  private func readHeredocs(
    of instruction: inout Instruction, line: UnsafeBufferPointer<UInt8>, map: LineMap, bounds: Range<Int>, from start: Int
  ) -> Int {
    let openers = HeredocScanner.openers(line, bounds)
    var heredocs: [Heredoc] = []
    heredocs.reserveCapacity(openers.count)
    var errors: [SyntaxError] = []
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
      let body = UnsafeBufferPointer(rebasing: bytes[bodyStart..<contentEnd])
      let content = opener.stripsTabs
        ? String(decoding: HeredocScanner.strippingLeadingTabs(Array(body)), as: UTF8.self)
        : String(decoding: body, as: UTF8.self)
      let openerRange = map.sourceRange(opener.range)
      heredocs.append(Heredoc(
        name: String(decoding: opener.name, as: UTF8.self), fileDescriptor: opener.fileDescriptor,
        stripsTabs: opener.stripsTabs, isQuoted: opener.isQuoted, openerRange: openerRange,
        bodyRange: bodyStart..<position, terminatorRange: terminator ?? position..<position,
        content: content))
      if terminator == nil {
        errors.append(SyntaxError(range: openerRange, message: "unterminated heredoc", isFatal: true))
      }
    }
    // One update for both, because every change to these fields builds a new details box.
    if !heredocs.isEmpty || !errors.isEmpty {
      instruction.updateDetails { details in
        details.heredocs.append(contentsOf: heredocs)
        details.errors.append(contentsOf: errors)
      }
    }
    return position
  }
}

/// The joined text of an instruction that spans lines, and the source pieces it came from. The
/// parser reuses one for every instruction, so joining allocates only while it grows.
struct LogicalLineScratch {
  private(set) var bytes: [UInt8] = []
  private(set) var pieces: [LogicalText.Piece] = []

  /// Empties the buffers and appends the first piece.
  mutating func start(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    bytes.removeAll(keepingCapacity: true)
    pieces.removeAll(keepingCapacity: true)
    pieces.append(LogicalText.Piece(logicalStart: 0, sourceStart: range.lowerBound))
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[range]))
  }

  /// Appends a later piece. An empty piece, or one that continues the last piece in the source,
  /// extends the last piece instead of starting a new one.
  mutating func append(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    if let last = pieces.last, range.isEmpty || last.sourceStart + (bytes.count - last.logicalStart) == range.lowerBound {
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[range]))
      return
    }
    pieces.append(LogicalText.Piece(logicalStart: bytes.count, sourceStart: range.lowerBound))
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[range]))
  }
}

extension SyntaxTree {
  /// Returns the line of a top-level `instruction` of this tree as BuildKit joins it (its
  /// `Original`): from the keyword to the end of the last line, continuations and embedded
  /// comment lines removed, trailing blanks kept. The tree does not keep this copy of every
  /// instruction, so it is joined again from `source`, which must be the parsed text.
  public func logicalLine(of instruction: Instruction, in source: SourceText) -> LogicalText {
    source.bytes.withUnsafeBufferPointer { bytes in
      DockerfileParser.logicalLine(of: instruction, in: bytes, escape: escapeCharacter)
    }
  }
}

extension DockerfileParser {
  /// Joins the lines of a top-level instruction again, as the parser did.
  static func logicalLine(of instruction: Instruction, in bytes: UnsafeBufferPointer<UInt8>, escape: UInt8) -> LogicalText {
    let start = instruction.range.lowerBound
    guard start >= 0 && start < bytes.count else { return .empty(at: start) }
    var parser = FileParser(bytes: bytes)
    parser.escape = escape
    let line = PhysicalLine.scan(bytes, from: start)
    let tokenStart = start == 0 ? byteOrderMarkLength(bytes) : start
    let contentStart = GoText.skipSpaces(bytes, from: tokenStart, to: line.contentEnd)
    var comments: [Comment]?
    let joined = parser.joinLines(firstLine: line, contentStart: contentStart, comments: &comments)
    guard joined.joined else {
      return LogicalText(bytes: Array(UnsafeBufferPointer(rebasing: bytes[joined.firstPiece])), sourceStart: joined.firstPiece.lowerBound)
    }
    return LogicalText(bytes: parser.scratch.bytes, pieces: parser.scratch.pieces)
  }
}
