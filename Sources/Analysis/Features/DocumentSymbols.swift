/// The kinds of outline entries, named as LSP names them so the server can map them one to one.
public enum OutlineKind: Sendable, Hashable {
  case module, `class`, variable, property, function, event
}

/// One entry of the document outline.
public struct OutlineSymbol: Sendable, Hashable {
  public var name: String
  public var detail: String?
  public var kind: OutlineKind
  /// The whole construct, from its first byte to the end of its last line's content.
  public var range: Range<Int>
  /// The part to highlight when the entry is picked: a name or a keyword.
  public var selectionRange: Range<Int>
  public var children: [OutlineSymbol]

  public init(name: String, detail: String?, kind: OutlineKind, range: Range<Int>, selectionRange: Range<Int>, children: [OutlineSymbol] = []) {
    self.name = name
    self.detail = detail
    self.kind = kind
    self.range = range
    self.selectionRange = selectionRange
    self.children = children
  }
}

/// Builds the hierarchical outline: global ARGs first, then one entry per stage (named stages as
/// classes, unnamed ones as modules) with the stage's instructions as children.
public enum DocumentSymbolProvider {
  public static func symbols(in document: Document) -> [OutlineSymbol] {
    let source = document.source.bytes
    let escape = document.tree.escapeCharacter
    var result: [OutlineSymbol] = []
    // The open stage's children are collected apart from it: appending to `stage!.children`
    // through a copy of the stage would copy the whole array on every instruction.
    var stage: OutlineSymbol?
    var stageChildren: [OutlineSymbol] = []

    func finishStage() {
      guard var finished = stage else { return }
      finished.children = stageChildren
      result.append(finished)
      stageChildren = []
    }

    for node in document.tree.nodes {
      guard case .instruction(let instruction) = node else { continue }
      let range = contentRange(of: instruction, in: source)
      if instruction.kind == .from {
        finishStage()
        let words = instruction.arguments.blankSeparatedWordRanges()
        let image = words.first.map { instruction.arguments.string(in: $0) } ?? ""
        let imageRange = words.first.map { instruction.arguments.sourceRange($0) } ?? instruction.keywordRange
        if let nameRange = StageReferences.nameRange(of: instruction) {
          stage = OutlineSymbol(
            name: String(decoding: source[nameRange], as: UTF8.self), detail: image, kind: .class,
            range: range, selectionRange: nameRange)
        } else {
          stage = OutlineSymbol(name: image.isEmpty ? "FROM" : image, detail: nil, kind: .module, range: range, selectionRange: imageRange)
        }
        continue
      }
      if stage != nil {
        appendChildren(of: instruction, range: range, escape: escape, to: &stageChildren)
        stage!.range = stage!.range.lowerBound..<max(stage!.range.upperBound, range.upperBound)
      } else {
        appendChildren(of: instruction, range: range, escape: escape, to: &result)
      }
    }
    finishStage()
    return result
  }

  /// Appends the outline entries of a non-FROM instruction to `symbols`: one per key of ARG, ENV
  /// and LABEL, else one for the instruction.
  private static func appendChildren(of instruction: Instruction, range: Range<Int>, escape: UInt8, to symbols: inout [OutlineSymbol]) {
    switch instruction.kind {
    case .arg, .env, .label:
      let kind: OutlineKind = instruction.kind == .label ? .property : .variable
      let entries = KeyValueArguments.entries(of: instruction, escape: escape)
      if !entries.isEmpty {
        let keyword = instruction.kind.keyword
        for entry in entries {
          symbols.append(OutlineSymbol(name: entry.key, detail: keyword, kind: kind, range: range, selectionRange: entry.keyRange))
        }
        return
      }
    default:
      break
    }
    let kind: OutlineKind
    switch instruction.kind {
    case .onbuild, .healthcheck, .stopsignal: kind = .event
    default: kind = .function
    }
    let keyword = instruction.kind == .unknown ? instruction.keyword : instruction.kind.keyword
    symbols.append(OutlineSymbol(name: keyword, detail: summary(of: instruction), kind: kind, range: range, selectionRange: instruction.keywordRange))
  }

  /// Returns the first 60 characters of the arguments, for the outline's detail column.
  private static func summary(of instruction: Instruction) -> String? {
    let text = instruction.arguments.text
    if text.isEmpty { return nil }
    // Walks at most 60 characters instead of counting all of a long RUN.
    guard let limit = text.index(text.startIndex, offsetBy: 60, limitedBy: text.endIndex), limit != text.endIndex else {
      return text
    }
    return String(text.prefix(59)) + "…"
  }

  /// Returns the range from the keyword to the end of the instruction's last line, without the
  /// line terminator.
  static func contentRange(of instruction: Instruction, in source: [UInt8]) -> Range<Int> {
    var end = instruction.range.upperBound
    while end > instruction.keywordRange.upperBound, source[end - 1] == UInt8(ascii: "\n") || source[end - 1] == UInt8(ascii: "\r") {
      end -= 1
    }
    return instruction.keywordRange.lowerBound..<end
  }
}
