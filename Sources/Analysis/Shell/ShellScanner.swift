/// The cursor, byte classes and lexical rules shared by the shell grammar and word scanner:
/// blanks, comments, line continuations, newlines with their pending here-documents, and
/// operators. The grammar lives in extensions in `ShellParser.swift`,
/// `ShellCompoundParser.swift` and `ShellWordScanner.swift`.
final class ShellScanner {
  /// The input, or a prefix of it for a here-document body. A slice keeps the input's offsets
  /// and makes a prefix free, and every slice here starts at offset 0, so `bytes.count` is
  /// the end offset.
  let bytes: ArraySlice<UInt8>
  var pos = 0
  var errors: [ShellSyntaxError] = []
  var comments: [Range<Int>] = []

  /// Here-documents whose operator was read and whose body starts after the next newline token.
  var pendingHereDocuments: [PendingHereDocument] = []
  /// Bodies read in this pass, keyed by the offset of the `<<` operator.
  var readHereDocuments: [Int: ShellHereDocument] = [:]
  /// Bodies read by an earlier pass over the same bytes. A redirection is built before its body
  /// is read, so the parser runs a second pass when the first one found here-documents.
  let knownHereDocuments: [Int: ShellHereDocument]

  /// How many backquote substitutions enclose the cursor; an unescaped backquote ends the
  /// innermost one.
  var backquoteDepth = 0
  /// The current nesting of lists and words, bounded so that deeply nested input cannot
  /// overflow the stack.
  var nestingDepth = 0
  static let maximumNestingDepth = 100
  var reportedNestingLimit = false
  private var reservedWordCache: (position: Int, backquoteDepth: Int, word: String?) = (-1, 0, nil)
  /// The offset where the last bracket expression scan without a closing `]` stopped.
  var unclosedBracketScanEnd = 0

  struct PendingHereDocument {
    var operatorStart: Int
    var delimiter: [UInt8]
    var isQuoted: Bool
    var stripsTabs: Bool
  }

  init(bytes: ArraySlice<UInt8>, knownHereDocuments: [Int: ShellHereDocument]) {
    assert(bytes.startIndex == 0, "the scanner expects a slice that starts at offset 0")
    self.bytes = bytes
    self.knownHereDocuments = knownHereDocuments
  }

  var isAtEnd: Bool { pos >= bytes.count }

  /// Returns the byte at `pos + offset`, or nil past the end.
  @inline(__always)
  func peek(_ offset: Int = 0) -> UInt8? {
    let index = pos + offset
    return index < bytes.count ? bytes[index] : nil
  }

  func text(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  func addError(_ message: String, _ range: Range<Int>) {
    errors.append(ShellSyntaxError(range: range, message: message))
  }

  // MARK: Nesting limit

  /// Enters one nesting level. Past the limit it records an error and moves the cursor to the
  /// end of the input, so every caller stops, and returns false.
  func enterNesting() -> Bool {
    if nestingDepth >= ShellScanner.maximumNestingDepth {
      if !reportedNestingLimit {
        reportedNestingLimit = true
        addError("nesting deeper than \(ShellScanner.maximumNestingDepth) levels is not parsed", pos..<bytes.count)
      }
      pos = bytes.count
      return false
    }
    nestingDepth += 1
    return true
  }

  func leaveNesting() {
    nestingDepth -= 1
  }

  // MARK: Byte classes

  /// Space, tab and carriage return. A carriage return is taken as a blank so that scripts
  /// with CRLF line ends parse as the author meant, although sh would keep it in the word.
  @inline(__always)
  static func isBlank(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D
  }

  /// Bytes that end an unquoted word: blanks, newline, `; & | ( ) < >`.
  @inline(__always)
  static func isMetacharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"),
         UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"):
      return true
    default:
      return false
    }
  }

  @inline(__always)
  static func isNameStart(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == UInt8(ascii: "_")
  }

  @inline(__always)
  static func isNameByte(_ byte: UInt8) -> Bool {
    isNameStart(byte) || isDigit(byte)
  }

  /// Returns whether `bytes` form a variable name: a letter or `_`, then letters, digits and `_`.
  static func isName(_ bytes: [UInt8]) -> Bool {
    guard let first = bytes.first, isNameStart(first) else { return false }
    return bytes.allSatisfy(isNameByte)
  }

  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= 0x30 && byte <= 0x39
  }

  // MARK: Blanks, comments and newlines

  /// Skips blanks, line continuations and a comment up to (not including) the newline.
  func skipBlanks() {
    while pos < bytes.count {
      let byte = bytes[pos]
      if ShellScanner.isBlank(byte) {
        pos += 1
      } else if byte == UInt8(ascii: "\\"), let length = lineContinuationLength(at: pos) {
        pos += length
      } else if byte == UInt8(ascii: "#") {
        let start = pos
        while pos < bytes.count && bytes[pos] != 0x0A { pos += 1 }
        var end = pos
        if end > start + 1 && bytes[end - 1] == 0x0D { end -= 1 }
        comments.append(start..<end)
      } else {
        return
      }
    }
  }

  /// Returns the length of a backslash-newline pair (or backslash-CRLF) at `index`, or nil.
  @inline(__always)
  func lineContinuationLength(at index: Int) -> Int? {
    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\") else { return nil }
    if bytes[index + 1] == 0x0A { return 2 }
    if bytes[index + 1] == 0x0D && index + 2 < bytes.count && bytes[index + 2] == 0x0A { return 3 }
    return nil
  }

  /// Skips blanks, comments and newline tokens, reading the here-document bodies that each
  /// newline starts.
  func skipLinebreaks() {
    while true {
      skipBlanks()
      guard peek() == 0x0A else { return }
      consumeNewline()
    }
  }

  /// Consumes the newline at the cursor and then the bodies of the pending here-documents,
  /// which start on the next line, in the order of their operators.
  func consumeNewline() {
    pos += 1
    guard !pendingHereDocuments.isEmpty else { return }
    let pending = pendingHereDocuments
    pendingHereDocuments = []
    for hereDocument in pending {
      readHereDocumentBody(hereDocument)
    }
  }

  private func readHereDocumentBody(_ pending: PendingHereDocument) {
    let delimiter = String(decoding: pending.delimiter, as: UTF8.self)
    let bodyStart = pos
    if bodyStart >= bytes.count {
      // No body line at all: the input ended right after the redirection's line.
      readHereDocuments[pending.operatorStart] = ShellHereDocument(
        delimiter: delimiter, isQuoted: pending.isQuoted, bodyRange: nil, delimiterLineRange: nil)
      return
    }
    var lineStart = bodyStart
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
      if lineMatchesDelimiter(lineStart..<lineEnd, pending) {
        let contentEnd = lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
        readHereDocuments[pending.operatorStart] = ShellHereDocument(
          delimiter: delimiter, isQuoted: pending.isQuoted, bodyRange: bodyStart..<lineStart,
          delimiterLineRange: lineStart..<contentEnd)
        pos = min(lineEnd + 1, bytes.count)
        return
      }
      lineStart = lineEnd + 1
    }
    addError("here-document delimited by '\(delimiter)' has no delimiter line before the end of the input",
             pending.operatorStart..<bytes.count)
    readHereDocuments[pending.operatorStart] = ShellHereDocument(
      delimiter: delimiter, isQuoted: pending.isQuoted, bodyRange: bodyStart..<bytes.count, delimiterLineRange: nil)
    pos = bytes.count
  }

  private func lineMatchesDelimiter(_ line: Range<Int>, _ pending: PendingHereDocument) -> Bool {
    var start = line.lowerBound
    var end = line.upperBound
    if pending.stripsTabs {
      while start < end && bytes[start] == 0x09 { start += 1 }
    }
    if end > start && bytes[end - 1] == 0x0D { end -= 1 }
    guard end - start == pending.delimiter.count else { return false }
    var index = 0
    while start + index < end {
      if bytes[start + index] != pending.delimiter[index] { return false }
      index += 1
    }
    return true
  }

  // MARK: Operators

  /// Returns whether the bytes at the cursor spell `text`.
  func matches(_ text: StaticString, at offset: Int = 0) -> Bool {
    let count = text.utf8CodeUnitCount
    guard pos + offset + count <= bytes.count else { return false }
    let pointer = text.utf8Start
    for index in 0..<count where bytes[pos + offset + index] != pointer[index] {
      return false
    }
    return true
  }

  /// Returns the control operator at the cursor, longest match first, or nil. Redirection operators
  /// starting with `&` (`&>`, `&>>`) are not control operators.
  func controlOperator() -> ControlOperator? {
    guard let byte = peek() else { return nil }
    switch byte {
    case UInt8(ascii: "&"):
      if peek(1) == UInt8(ascii: "&") { return .and }
      if peek(1) == UInt8(ascii: ">") { return nil }
      return .background
    case UInt8(ascii: "|"):
      if peek(1) == UInt8(ascii: "|") { return .or }
      if peek(1) == UInt8(ascii: "&") { return .pipeBoth }
      return .pipe
    case UInt8(ascii: ";"):
      if peek(1) == UInt8(ascii: ";") { return peek(2) == UInt8(ascii: "&") ? .caseContinue : .caseBreak }
      if peek(1) == UInt8(ascii: "&") { return .caseFallThrough }
      return .semicolon
    case UInt8(ascii: "("): return .openParenthesis
    case UInt8(ascii: ")"): return .closeParenthesis
    case 0x0A: return .newline
    default: return nil
    }
  }

  enum ControlOperator: String {
    case and = "&&", or = "||", background = "&", pipe = "|", pipeBoth = "|&", semicolon = ";"
    case caseBreak = ";;", caseFallThrough = ";&", caseContinue = ";;&"
    case openParenthesis = "(", closeParenthesis = ")", newline = "\n"

    var length: Int { rawValue.utf8.count }

    /// Operators that end a case item.
    var isCaseTerminator: Bool { self == .caseBreak || self == .caseFallThrough || self == .caseContinue }
  }

  /// Returns the redirection operator at `index` (after any file descriptor digits) and its length.
  func redirectionOperator(at index: Int) -> (ShellRedirectionOperator, Int)? {
    guard index < bytes.count else { return nil }
    func byte(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
    switch bytes[index] {
    case UInt8(ascii: "<"):
      switch byte(1) {
      case UInt8(ascii: "<"):
        if byte(2) == UInt8(ascii: "-") { return (.hereDocumentStrippingTabs, 3) }
        if byte(2) == UInt8(ascii: "<") { return (.hereString, 3) }
        return (.hereDocument, 2)
      case UInt8(ascii: "&"): return (.duplicateInput, 2)
      case UInt8(ascii: ">"): return (.readWrite, 2)
      default: return (.input, 1)
      }
    case UInt8(ascii: ">"):
      switch byte(1) {
      case UInt8(ascii: ">"): return (.append, 2)
      case UInt8(ascii: "&"): return (.duplicateOutput, 2)
      case UInt8(ascii: "|"): return (.clobber, 2)
      default: return (.output, 1)
      }
    case UInt8(ascii: "&"):
      guard byte(1) == UInt8(ascii: ">") else { return nil }
      return byte(2) == UInt8(ascii: ">") ? (.appendOutputAndError, 3) : (.outputAndError, 2)
    default:
      return nil
    }
  }

  /// Returns whether a redirection starts at the cursor: optional digits, then a redirection operator.
  /// `<(` and `>(` are process substitutions, not redirections.
  func isAtRedirection() -> Bool {
    var index = pos
    while index < bytes.count && ShellScanner.isDigit(bytes[index]) { index += 1 }
    guard redirectionOperator(at: index) != nil else { return false }
    if index == pos && isAtProcessSubstitution() { return false }
    return true
  }

  func isAtProcessSubstitution() -> Bool {
    guard let byte = peek(), byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") else { return false }
    return peek(1) == UInt8(ascii: "(")
  }

  /// Returns whether an unquoted word can start at the cursor.
  func isAtWordStart() -> Bool {
    guard let byte = peek() else { return false }
    if byte == UInt8(ascii: "`") && backquoteDepth > 0 { return false }
    if isAtProcessSubstitution() { return true }
    return !ShellScanner.isMetacharacter(byte)
  }

  // MARK: Reserved words

  /// Returns the reserved word at the cursor when a metacharacter or the end follows it, or
  /// nil. Callers check only in command position, where reserved words are recognized.
  func reservedWord() -> String? {
    // The grammar checks the same token several times, so the last result is cached.
    if reservedWordCache.position == pos && reservedWordCache.backquoteDepth == backquoteDepth {
      return reservedWordCache.word
    }
    let word = findReservedWord()
    reservedWordCache = (pos, backquoteDepth, word)
    return word
  }

  private func findReservedWord() -> String? {
    guard let first = peek(), ShellScanner.reservedWordFirstBytes.contains(first) else { return nil }
    var end = pos
    while end < bytes.count && end - pos < 8 {
      let byte = bytes[end]
      let isWordByte = (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
        || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
      guard isWordByte else { break }
      end += 1
    }
    if end < bytes.count {
      let next = bytes[end]
      guard ShellScanner.isMetacharacter(next) || (next == UInt8(ascii: "`") && backquoteDepth > 0) else { return nil }
    }
    // Compares bytes instead of building a String, because this runs before every command.
    let length = end - pos
    var index = 0
    while index < ShellScanner.reservedWordBytes.count {
      let word = ShellScanner.reservedWordBytes[index]
      if word.count == length {
        var offset = 0
        while offset < length && bytes[pos + offset] == word[offset] { offset += 1 }
        if offset == length { return ShellScanner.reservedWords[index] }
      }
      index += 1
    }
    return nil
  }

  static let reservedWords: [String] = [
    "if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "in",
    "{", "}", "!", "function", "select", "[[", "]]",
  ]
  private static let reservedWordBytes: [[UInt8]] = reservedWords.map { Array($0.utf8) }
  private static let reservedWordFirstBytes: Set<UInt8> = Set(reservedWords.compactMap { $0.utf8.first })

  /// Reserved words that close a construct and so end any command list before them.
  /// `]]` is among them because outside `[[` it is a syntax error in bash.
  static let closingReservedWords: Set<String> = ["then", "else", "elif", "fi", "do", "done", "esac", "}", "]]"]
}
