/// A whitespace-separated word of an instruction's shell-form arguments (as BuildKit splits
/// `COPY`, `ADD`, `FROM` and `EXPOSE`), or one element of its exec form.
struct ArgumentToken {
  /// The word as written, quotes included (for exec form, the decoded string).
  var text: String
  /// The source range of the word (for exec form, the quoted element).
  var range: Range<Int>
  /// Whether the token is an exec-form element, whose source ends with `"`.
  var isExecElement: Bool

  /// The text without one pair of surrounding quotes.
  var unquoted: String {
    guard !isExecElement, text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first
    else { return text }
    return String(text.dropFirst().dropLast())
  }

  /// The offset for text appended to the word: before a closing quote, else at the end.
  var appendOffset: Int {
    isExecElement || unquoted != text ? range.upperBound - 1 : range.upperBound
  }
}

extension Instruction {
  /// The arguments as tokens: exec-form elements, or words split at blanks.
  var argumentTokens: [ArgumentToken] {
    if let execForm {
      return execForm.elements.map { ArgumentToken(text: $0.value, range: $0.range, isExecElement: true) }
    }
    var tokens: [ArgumentToken] = []
    let bytes = arguments.bytes
    var start: Int?
    for offset in 0...bytes.count {
      let isBlank = offset == bytes.count || [0x20, 0x09, 0x0B, 0x0C, 0x0D, 0x0A].contains(bytes[offset])
      if isBlank, let wordStart = start {
        tokens.append(ArgumentToken(
          text: String(decoding: bytes[wordStart..<offset], as: UTF8.self),
          range: arguments.sourceRange(wordStart..<offset), isExecElement: false))
        start = nil
      } else if !isBlank, start == nil {
        start = offset
      }
    }
    return tokens
  }
}

/// The image of a `FROM`, with the variables of global `ARG`s replaced by their defaults.
struct FromImage {
  /// The image word as written.
  var token: ArgumentToken
  /// The image text after substitution; each variable without a default is replaced by
  /// `FromImage.unknown`.
  var resolved: String
  var stage: Stage

  /// Stands for the value of a variable that has no default.
  static let unknown: Character = "\u{1}"

  /// Whether the text contains a variable whose value is unknown.
  var hasUnknown: Bool { resolved.contains(Self.unknown) }

  /// Whether the substituted text names an earlier stage.
  var namesEarlierStage: Bool

  /// The parsed image, or nil when the stage builds on an earlier stage or on `scratch`.
  var reference: ImageReference? {
    guard stage.baseImage != nil, !namesEarlierStage, resolved.lowercased() != "scratch" else { return nil }
    return ImageReference(resolved)
  }
}

extension RuleContext {
  /// Returns the base image of each stage that has one, with global `ARG` defaults substituted
  /// (in a window of the document, of the kept stages only).
  func fromImages() -> [FromImage] {
    // DL3006, DL3007, DL3026 and DL3045 all ask: resolve the images once per context.
    derived("fromImages") { $0.resolveFromImages() }
  }

  private func resolveFromImages() -> [FromImage] {
    var defaults: [String: String?] = [:]
    for instruction in instructions {
      if instruction.kind == .from { break }
      guard instruction.kind == .arg else { continue }
      for word in BuildKitProjection.values(of: instruction, escape: tree.escapeCharacter) {
        if let equals = word.firstIndex(of: "=") {
          var value = Substring(word[word.index(after: equals)...])
          if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
            value = value.dropFirst().dropLast()
          }
          // A default may use the global ARGs declared before it.
          defaults[String(word[..<equals])] = Self.substitute(String(value), defaults)
        } else {
          defaults[word] = .some(nil)
        }
      }
    }
    var earlierNames: Set<String> = []
    var images: [FromImage] = []
    for stage in model.stages {
      defer {
        if let name = stage.name { earlierNames.insert(name) }
      }
      // The findings of other stages are dropped, and resolving an image is the costly part.
      guard keptStages?.contains(stage.index) ?? true else { continue }
      guard let token = instructions[stage.fromInstructionIndex].argumentTokens.first else { continue }
      let resolved = Self.substitute(token.text, defaults)
      images.append(FromImage(token: token, resolved: resolved, stage: stage, namesEarlierStage: earlierNames.contains(resolved.lowercased())))
    }
    return images
  }

  /// Replaces `$NAME`, `${NAME}`, `${NAME:-word}` and `${NAME-word}` by their values in
  /// `defaults`, and any other expansion by `FromImage.unknown`.
  static func substitute(_ text: String, _ defaults: [String: String?]) -> String {
    let characters = Array(text)
    var result = ""
    var index = 0
    func isNameCharacter(_ character: Character) -> Bool { character.isASCII && (character.isLetter || character.isNumber || character == "_") }
    while index < characters.count {
      let character = characters[index]
      guard character == "$", index + 1 < characters.count else {
        result.append(character)
        index += 1
        continue
      }
      if characters[index + 1] == "{" {
        guard let close = characters[(index + 2)...].firstIndex(of: "}") else {
          result.append(FromImage.unknown)
          break
        }
        let inner = characters[(index + 2)..<close]
        let name = String(inner.prefix(while: isNameCharacter))
        let rest = inner.dropFirst(name.count)
        let value = defaults[name] ?? nil
        if rest.isEmpty {
          result.append(value.map { $0 } ?? String(FromImage.unknown))
        } else if rest.starts(with: ":-") || rest.starts(with: "-") {
          let fallback = String(rest.drop { $0 == ":" }.dropFirst())
          let useFallback = value == nil || (rest.first == ":" && value == "")
          result.append(useFallback ? fallback : value ?? "")
        } else {
          result.append(FromImage.unknown)
        }
        index = close + 1
      } else if isNameCharacter(characters[index + 1]) {
        var end = index + 1
        while end < characters.count && isNameCharacter(characters[end]) { end += 1 }
        let name = String(characters[(index + 1)..<end])
        result.append((defaults[name] ?? nil) ?? String(FromImage.unknown))
        index = end
      } else {
        result.append(character)
        index += 1
      }
    }
    return result
  }
}

extension FromImage {
  /// Returns the names of the `$NAME` and `${NAME…}` variables in `text`.
  static func variableNames(in text: String) -> [String] {
    let characters = Array(text)
    var names: [String] = []
    func isNameCharacter(_ character: Character) -> Bool { character.isASCII && (character.isLetter || character.isNumber || character == "_") }
    var index = 0
    while index < characters.count {
      defer { index += 1 }
      guard characters[index] == "$", index + 1 < characters.count else { continue }
      let start = characters[index + 1] == "{" ? index + 2 : index + 1
      let name = String(characters[start...].prefix(while: isNameCharacter))
      if !name.isEmpty { names.append(name) }
    }
    return names
  }
}
