/// A heredoc as BuildKit's parser reports it.
public struct BuildKitHeredoc: Sendable, Hashable {
  public var name: String
  /// The descriptor written before `<<`; 0 when there is none.
  public var fileDescriptor: Int
  /// The body lines with their line terminators, leading tabs kept even for `<<-`.
  public var content: String

  public init(name: String, fileDescriptor: Int, content: String) {
    self.name = name
    self.fileDescriptor = fileDescriptor
    self.content = content
  }
}

/// One instruction as BuildKit's parser returns it (a child of the AST root), flattened the way
/// the `dockerfile` Python package reports it.
public struct BuildKitInstruction: Sendable, Hashable {
  /// The keyword as written.
  public var cmd: String
  /// For ONBUILD, the keyword of the wrapped instruction.
  public var subCmd: String?
  /// Whether the arguments were a JSON array.
  public var json: Bool
  /// The joined instruction line.
  public var original: String
  /// 1-based lines, counting only `\n` as a line break.
  public var startLine: Int
  public var endLine: Int
  /// The `--flag` words, quotes removed.
  public var flags: [String]
  /// The instruction's values as its BuildKit line parser splits them.
  public var value: [String]
  public var heredocs: [BuildKitHeredoc]

  public init(
    cmd: String, subCmd: String?, json: Bool, original: String, startLine: Int, endLine: Int,
    flags: [String], value: [String], heredocs: [BuildKitHeredoc]
  ) {
    self.cmd = cmd
    self.subCmd = subCmd
    self.json = json
    self.original = original
    self.startLine = startLine
    self.endLine = endLine
    self.flags = flags
    self.value = value
    self.heredocs = heredocs
  }
}

/// The error BuildKit's parser raises for a file it rejects.
public struct BuildKitError: Error, Sendable, Hashable {
  public var message: String
  /// The source range of the offending token or line.
  public var range: Range<Int>

  public init(message: String, range: Range<Int>) {
    self.message = message
    self.range = range
  }
}

/// Reproduces the output of BuildKit's parser from a syntax tree, so that the tree can be checked
/// against the official parser and rules can reason in BuildKit's terms.
public enum BuildKitProjection {
  /// Returns the instructions as BuildKit reports them, or the first error that makes BuildKit
  /// reject the file.
  public static func project(_ tree: SyntaxTree, source: SourceText) -> Result<[BuildKitInstruction], BuildKitError> {
    let fatal = tree.errors.filter(\.isFatal)
    if let first = fatal.min(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      return .failure(BuildKitError(message: first.message, range: first.range))
    }
    return .success(source.bytes.withUnsafeBufferPointer { bytes in
      var result: [BuildKitInstruction] = []
      var counter = LineCounter(bytes: bytes)
      for case .instruction(let instruction) in tree.nodes {
        let startLine = counter.line(at: instruction.range.lowerBound)
        let endLine = counter.line(at: max(instruction.range.lowerBound, instruction.range.upperBound - 1))
        result.append(project(instruction, bytes: bytes, escape: tree.escapeCharacter, startLine: startLine, endLine: endLine))
      }
      return result
    })
  }

  private static func project(
    _ instruction: Instruction, bytes: UnsafeBufferPointer<UInt8>, escape: UInt8, startLine: Int, endLine: Int
  ) -> BuildKitInstruction {
    let target = instruction.onbuildTrigger?.instruction ?? instruction
    let heredocs = instruction.heredocs.map { heredoc in
      let body = heredoc.bodyRange.lowerBound..<heredoc.terminatorRange.lowerBound
      return BuildKitHeredoc(
        name: heredoc.name, fileDescriptor: heredoc.fileDescriptor ?? 0,
        content: cString(String(decoding: UnsafeBufferPointer(rebasing: bytes[body]), as: UTF8.self)))
    }
    var original = DockerfileParser.logicalLine(of: instruction, in: bytes, escape: escape).text
    if let first = instruction.heredocs.first, let last = instruction.heredocs.last {
      // The reported text continues with the heredoc lines, terminators included.
      // NOTE: the corpus only has `\n` line ends and unindented terminators here, so keeping
      // `\r\n` and the tabs before a `<<-` terminator as written is unverified.
      let raw = first.bodyRange.lowerBound..<last.bodyRange.upperBound
      original += "\n" + String(decoding: UnsafeBufferPointer(rebasing: bytes[raw]), as: UTF8.self)
    }
    return BuildKitInstruction(
      cmd: cString(instruction.keyword), subCmd: instruction.onbuildTrigger.map { cString($0.instruction.keyword) },
      json: target.execForm != nil, original: cString(original),
      startLine: startLine, endLine: endLine, flags: instruction.flagWords.map(cString),
      value: values(of: target, escape: escape).map(cString), heredocs: heredocs)
  }

  /// Cuts `text` at its first NUL, because the `dockerfile` Python package passes strings through C.
  private static func cString(_ text: String) -> String {
    guard let nul = text.firstIndex(of: "\0") else { return text }
    return String(text[..<nul])
  }

  /// Returns the values that BuildKit's line parser for the instruction's keyword produces.
  static func values(of instruction: Instruction, escape: UInt8) -> [String] {
    let arguments = instruction.arguments.bytes
    if let execForm = instruction.execForm, instruction.kind != .healthcheck { return execForm.values }
    return arguments.withUnsafeBufferPointer { bytes -> [String] in
      let all = 0..<bytes.count
      switch instruction.kind {
      case .add, .copy, .volume, .from, .expose:
        return splitOnTokenSpaces(bytes, all)
      case .run, .cmd, .entrypoint, .shell, .maintainer, .stopsignal, .user, .workdir:
        return bytes.isEmpty ? [] : [string(bytes, all)]
      case .arg:
        return BuildKitWords.words(bytes, all, escape: escape).map { String(decoding: $0.text, as: UTF8.self) }
      case .env, .label:
        guard case .success(let pairs) = BuildKitWords.nameValuePairs(bytes, all, escape: escape, keyword: instruction.kind.keyword) else {
          return []
        }
        return pairs.flatMap { [String(decoding: $0.name, as: UTF8.self), String(decoding: $0.value, as: UTF8.self)] }
      case .healthcheck:
        return healthcheckValues(bytes, execForm: instruction.execForm)
      case .onbuild:
        return []
      case .unknown:
        // BuildKit keeps an unknown instruction with one empty value.
        return [""]
      }
    }
  }

  private static func healthcheckValues(_ bytes: UnsafeBufferPointer<UInt8>, execForm: ExecForm?) -> [String] {
    var separator = 0
    while separator < bytes.count && !GoText.isLatin1Space(bytes[separator]) { separator += 1 }
    guard separator > 0 else { return [] }
    var commandStart = separator
    while commandStart < bytes.count && GoText.isLatin1Space(bytes[commandStart]) { commandStart += 1 }
    var values = [string(bytes, 0..<separator)]
    if let execForm {
      values.append(contentsOf: execForm.values)
    } else if commandStart < bytes.count {
      values.append(string(bytes, commandStart..<bytes.count))
    }
    return values
  }

  /// Splits at runs of `[\t\v\f\r ]`, as BuildKit's `parseStringsWhitespaceDelimited` does.
  private static func splitOnTokenSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [String] {
    guard !range.isEmpty else { return [] }
    var values: [String] = []
    var start = range.lowerBound
    var index = range.lowerBound
    while index < range.upperBound {
      if GoText.isTokenSpace(bytes[index]) {
        values.append(string(bytes, start..<index))
        while index < range.upperBound && GoText.isTokenSpace(bytes[index]) { index += 1 }
        start = index
      } else {
        index += 1
      }
    }
    values.append(string(bytes, start..<range.upperBound))
    return values
  }

  private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }
}

/// Counts `\n` bytes up to increasing offsets, so numbering every instruction costs one pass.
struct LineCounter {
  let bytes: UnsafeBufferPointer<UInt8>
  private var offset = 0
  private var newlines = 0

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The 1-based line of `target`; targets must not decrease between calls.
  mutating func line(at target: Int) -> Int {
    let limit = min(target, bytes.count)
    while offset < limit {
      if bytes[offset] == GoText.newline { newlines += 1 }
      offset += 1
    }
    return newlines + 1
  }
}
