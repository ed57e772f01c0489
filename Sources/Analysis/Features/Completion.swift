/// One completion proposal, with the byte range that it replaces.
public struct CompletionCandidate: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case keyword, flag, value, stage, variable
  }

  public var label: String
  public var kind: Kind
  public var detail: String?
  /// Markdown shown beside the list.
  public var documentation: String?
  /// The text that replaces `replaceRange`; a snippet with `${1:…}` placeholders when `isSnippet`.
  public var insertText: String
  public var isSnippet: Bool
  public var replaceRange: Range<Int>

  /// Returns the candidate as plain text for clients without snippets: the text before the
  /// first placeholder, without an exec form's opening `["` (`RUN ${1:command}` becomes `RUN `,
  /// `CMD ["${1:executable}"]` becomes `CMD `).
  public func withoutPlaceholders() -> CompletionCandidate {
    guard isSnippet else { return self }
    var plain = self
    var text = Substring(insertText)
    if let placeholder = text.firstRange(of: "${") { text = text[..<placeholder.lowerBound] }
    while let last = text.last, last == "\"" || last == "[" { text = text.dropLast() }
    plain.insertText = String(text)
    plain.isSnippet = false
    return plain
  }

  public init(label: String, kind: Kind, detail: String? = nil, documentation: String? = nil, insertText: String? = nil, isSnippet: Bool = false, replaceRange: Range<Int>) {
    self.label = label
    self.kind = kind
    self.detail = detail
    self.documentation = documentation
    self.insertText = insertText ?? label
    self.isSnippet = isSnippet
    self.replaceRange = replaceRange
  }
}

/// Proposes instruction keywords at the start of a line, flags and their values after a keyword,
/// stage names after `--from=`, `from=` and `FROM`, and variables after `$` or `${`.
public enum CompletionProvider {
  /// The ARGs that BuildKit defines without a declaration: the platform ARGs (in FROM lines, or
  /// in a stage after `ARG NAME`) and the proxy ARGs.
  public static let predefinedArgs: [(name: String, detail: String)] = [
    ("TARGETPLATFORM", "Platform of the build result, such as linux/arm64"),
    ("TARGETOS", "OS part of TARGETPLATFORM"),
    ("TARGETARCH", "Architecture part of TARGETPLATFORM"),
    ("TARGETVARIANT", "Variant part of TARGETPLATFORM"),
    ("BUILDPLATFORM", "Platform of the machine running the build"),
    ("BUILDOS", "OS part of BUILDPLATFORM"),
    ("BUILDARCH", "Architecture part of BUILDPLATFORM"),
    ("BUILDVARIANT", "Variant part of BUILDPLATFORM"),
    ("HTTP_PROXY", "Proxy for HTTP requests during RUN"),
    ("HTTPS_PROXY", "Proxy for HTTPS requests during RUN"),
    ("FTP_PROXY", "Proxy for FTP requests during RUN"),
    ("NO_PROXY", "Hosts that bypass the proxy during RUN"),
    ("ALL_PROXY", "Proxy for all protocols during RUN"),
  ]

  /// The flags of each instruction, with `=` when they take a value.
  static let flags: [InstructionKind: [(flag: String, detail: String)]] = [
    .from: [("--platform=", "Platform of the base image")],
    .run: [("--mount=", "Mount a cache, bind, secret, SSH agent or tmpfs"), ("--network=", "Network mode: default, none or host"),
           ("--security=", "Security mode: sandbox or insecure")],
    .copy: [("--from=", "Copy from a stage, image or context"), ("--chown=", "Owner of the copied files"),
            ("--chmod=", "Permissions of the copied files"), ("--link", "Copy into an independent layer"),
            ("--parents", "Keep the parent directories of the sources"), ("--exclude=", "Skip paths that match a pattern")],
    .add: [("--chown=", "Owner of the added files"), ("--chmod=", "Permissions of the added files"),
           ("--link", "Add into an independent layer"), ("--checksum=", "Expected checksum of a remote source"),
           ("--keep-git-dir=", "Keep the .git directory of a Git source"), ("--exclude=", "Skip paths that match a pattern"),
           ("--unpack=", "Whether to unpack local archives")],
    .healthcheck: [("--interval=", "Time between checks"), ("--timeout=", "Time before a check fails"),
                   ("--start-period=", "Grace period after start"), ("--start-interval=", "Time between checks during the start period"),
                   ("--retries=", "Failures before unhealthy")],
  ]

  static let mountKeys = ["type=", "target=", "source=", "from=", "id=", "sharing=", "mode=", "uid=", "gid=", "readonly", "required", "env="]

  static let snippets: [InstructionKind: String] = [
    .add: "ADD ${1:src} ${2:dest}", .arg: "ARG ${1:name}", .cmd: "CMD [\"${1:executable}\"]", .copy: "COPY ${1:src} ${2:dest}",
    .entrypoint: "ENTRYPOINT [\"${1:executable}\"]", .env: "ENV ${1:key}=${2:value}", .expose: "EXPOSE ${1:port}",
    .from: "FROM ${1:image}", .healthcheck: "HEALTHCHECK CMD ${1:command}", .label: "LABEL ${1:key}=${2:value}",
    .maintainer: "MAINTAINER ${1:name}", .onbuild: "ONBUILD ${1:instruction}", .run: "RUN ${1:command}",
    .shell: "SHELL [\"${1:executable}\", \"${2:-c}\"]", .stopsignal: "STOPSIGNAL ${1:signal}", .user: "USER ${1:user}",
    .volume: "VOLUME ${1:path}", .workdir: "WORKDIR ${1:path}",
  ]

  public static func completions(in document: Document, at offset: Int) -> [CompletionCandidate] {
    let bytes = document.source.bytes
    let offset = max(0, min(offset, bytes.count))
    let lines = document.source.lineIndex
    let lineStart = lines.lineStarts[lines.line(containing: offset)]
    var wordStart = offset
    while wordStart > lineStart && !isBlank(bytes[wordStart - 1]) { wordStart -= 1 }
    let word = String(decoding: bytes[wordStart..<offset], as: UTF8.self)
    let top = document.tree.instruction(containing: offset)

    // Variables after `$` or `${`.
    var nameStart = offset
    while nameStart > lineStart && VariableScanner.isNameByte(bytes[nameStart - 1]) { nameStart -= 1 }
    if nameStart > lineStart, bytes[nameStart - 1] == UInt8(ascii: "$") || (bytes[nameStart - 1] == UInt8(ascii: "{") && nameStart - 2 >= lineStart && bytes[nameStart - 2] == UInt8(ascii: "$")) {
      var nameEnd = offset
      while nameEnd < bytes.count && VariableScanner.isNameByte(bytes[nameEnd]) { nameEnd += 1 }
      return variables(in: document, at: offset, replacing: nameStart..<nameEnd)
    }

    // The keyword of the instruction that ONBUILD wraps.
    if let top, top.kind == .onbuild, offset > top.keywordRange.upperBound {
      let trigger = top.onbuildTrigger?.instruction
      if trigger.map({ offset <= $0.keywordRange.upperBound }) ?? true {
        return keywords(replacing: wordStart..<offset).filter { !["ONBUILD", "FROM", "MAINTAINER"].contains($0.label) }
      }
    }
    let instruction = top.map { $0.onbuildTrigger?.instruction ?? $0 }
    guard let instruction, offset > instruction.keywordRange.upperBound else {
      // At the start of a line: a keyword, unless the line continues an earlier instruction.
      if let instruction, lines.line(containing: instruction.keywordRange.lowerBound) != lines.line(containing: offset) { return [] }
      if !bytes[lineStart..<wordStart].allSatisfy(isBlank) { return [] }
      return keywords(replacing: wordStart..<offset)
    }

    let beforeArguments = wordStart <= instruction.argumentsRange.lowerBound || instruction.flags.contains { $0.range.lowerBound == wordStart }
    if word.hasPrefix("-"), beforeArguments {
      if let equals = word.firstIndex(of: "=") {
        let nameStart = word.index(word.startIndex, offsetBy: 2, limitedBy: equals) ?? equals
        let name = String(word[nameStart..<equals])
        let valueStart = wordStart + word.utf8.distance(from: word.utf8.startIndex, to: equals) + 1
        return flagValues(name, value: String(word[word.index(after: equals)...]), valueStart: valueStart, offset: offset, instruction: instruction, document: document)
      }
      return (flags[instruction.kind] ?? []).map { CompletionCandidate(label: $0.flag, kind: .flag, detail: $0.detail, replaceRange: wordStart..<offset) }
    }

    if instruction.kind == .from {
      let argumentStart = instruction.argumentsRange.lowerBound
      let words = instruction.arguments.blankSeparatedWordRanges().map { instruction.arguments.sourceRange($0) }
      let index = words.firstIndex { $0.lowerBound == wordStart } ?? words.filter { $0.upperBound < wordStart }.count
      if wordStart <= argumentStart || index == 0 {
        return stages(in: document, before: instruction.range.lowerBound, replacing: wordStart..<offset)
      }
      if index == 1 { return [CompletionCandidate(label: "AS", kind: .keyword, detail: "Name this stage", insertText: "AS ${1:name}", isSnippet: true, replaceRange: wordStart..<offset)] }
    }
    return []
  }

  private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

  private static func keywords(replacing range: Range<Int>) -> [CompletionCandidate] {
    InstructionKind.allCases.filter { $0 != .unknown }.map { kind in
      CompletionCandidate(
        label: kind.keyword, kind: .keyword, documentation: InstructionDocs.markdown(for: kind),
        insertText: snippets[kind] ?? kind.keyword, isSnippet: snippets[kind] != nil, replaceRange: range)
    }
  }

  private static func flagValues(_ name: String, value: String, valueStart: Int, offset: Int, instruction: Instruction, document: Document) -> [CompletionCandidate] {
    let replace = valueStart..<offset
    func values(_ list: [String]) -> [CompletionCandidate] { list.map { CompletionCandidate(label: $0, kind: .value, replaceRange: replace) } }
    switch name {
    case "from" where instruction.kind == .copy || instruction.kind == .add:
      return stages(in: document, before: instruction.range.lowerBound, replacing: replace)
    case "network": return values(["default", "none", "host"])
    case "security": return values(["sandbox", "insecure"])
    case "platform": return values(["$BUILDPLATFORM", "$TARGETPLATFORM", "linux/amd64", "linux/arm64", "linux/arm/v7"])
    case "link", "keep-git-dir", "unpack", "parents": return values(["true", "false"])
    case "mount":
      // The field being typed: after the last comma.
      let fieldOffset = value.utf8.lastIndex(of: UInt8(ascii: ",")).map { value.utf8.distance(from: value.utf8.startIndex, to: $0) + 1 } ?? 0
      let field = String(value.utf8.dropFirst(fieldOffset))!
      let fieldStart = valueStart + fieldOffset
      guard let equals = field.firstIndex(of: "=") else {
        return mountKeys.map { CompletionCandidate(label: $0, kind: .flag, replaceRange: fieldStart..<offset) }
      }
      let key = field[..<equals]
      let fieldReplace = (fieldStart + key.utf8.count + 1)..<offset
      func fieldValues(_ list: [String]) -> [CompletionCandidate] { list.map { CompletionCandidate(label: $0, kind: .value, replaceRange: fieldReplace) } }
      switch key {
      case "type": return fieldValues(["cache", "bind", "secret", "ssh", "tmpfs"])
      case "sharing": return fieldValues(["shared", "private", "locked"])
      case "from": return stages(in: document, before: instruction.range.lowerBound, replacing: fieldReplace)
      default: return []
      }
    default:
      return []
    }
  }

  /// Returns the stages named before `offset`, in order.
  private static func stages(in document: Document, before offset: Int, replacing range: Range<Int>) -> [CompletionCandidate] {
    var result: [CompletionCandidate] = []
    for instruction in document.tree.instructions where instruction.kind == .from && instruction.range.upperBound <= offset {
      guard let nameRange = StageReferences.nameRange(of: instruction) else { continue }
      let name = String(decoding: document.source.bytes[nameRange], as: UTF8.self)
      let image = instruction.arguments.blankSeparatedWordRanges().first.map { instruction.arguments.string(in: $0) }
      result.append(CompletionCandidate(label: name, kind: .stage, detail: image.map { "Stage from \($0)" }, replaceRange: range))
    }
    return result
  }

  /// Returns the ARG and ENV names visible at `offset` (global ARGs in FROM lines), then the
  /// predefined ARGs.
  private static func variables(in document: Document, at offset: Int, replacing range: Range<Int>) -> [CompletionCandidate] {
    var globals: [(String, String)] = []
    var stage: [(String, String)] = []
    // The name and final ENV entries of each finished stage, for stages built on them.
    var stageNames: [String?] = []
    var stageEnvs: [[(String, String)]] = []
    var env: [(String, String)] = []
    var inStage = false
    var inFrom = false
    let escape = document.tree.escapeCharacter
    for instruction in document.tree.instructions {
      if instruction.range.upperBound > offset {
        inFrom = instruction.kind == .from && instruction.range.lowerBound <= offset
        break
      }
      if instruction.kind == .from {
        if inStage { stageEnvs.append(env) }
        inStage = true
        let words = instruction.arguments.blankSeparatedWordRanges()
        let base = words.first.map { instruction.arguments.string(in: $0).lowercased() }
        env = stageNames.lastIndex { $0 != nil && $0 == base }.map { stageEnvs[$0] } ?? []
        stage = env
        let name = words.count >= 3 && instruction.arguments.string(in: words[1]).lowercased() == "as" ? instruction.arguments.string(in: words[2]).lowercased() : nil
        stageNames.append(name)
        continue
      }
      guard instruction.kind == .arg || instruction.kind == .env else { continue }
      for entry in KeyValueArguments.entries(of: instruction, escape: escape) where !entry.keyHasExpansion {
        let detail = "\(instruction.kind.keyword)\(entry.value.map { " = \($0)" } ?? "")"
        if inStage { stage.append((entry.key, detail)) } else { globals.append((entry.key, detail)) }
        if inStage && instruction.kind == .env { env.append((entry.key, detail)) }
      }
    }

    var seen = Set<String>()
    var result: [CompletionCandidate] = []
    let declared = (inStage && !inFrom) ? stage.reversed() : globals.reversed()
    for (name, detail) in declared where seen.insert(name).inserted {
      result.append(CompletionCandidate(label: name, kind: .variable, detail: detail, replaceRange: range))
    }
    for (name, detail) in predefinedArgs where seen.insert(name).inserted {
      result.append(CompletionCandidate(label: name, kind: .variable, detail: detail, replaceRange: range))
    }
    return result
  }
}
