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
    var stage: OutlineSymbol?

    for instruction in document.tree.instructions {
      let range = contentRange(of: instruction, in: source)
      if instruction.kind == .from {
        if let finished = stage { result.append(finished) }
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
      let entries = children(of: instruction, range: range, source: source, escape: escape)
      if var current = stage {
        current.children.append(contentsOf: entries)
        current.range = current.range.lowerBound..<max(current.range.upperBound, range.upperBound)
        stage = current
      } else {
        result.append(contentsOf: entries)
      }
    }
    if let finished = stage { result.append(finished) }
    return result
  }

  private static func children(of instruction: Instruction, range: Range<Int>, source: [UInt8], escape: UInt8) -> [OutlineSymbol] {
    switch instruction.kind {
    case .arg, .env, .label:
      let kind: OutlineKind = instruction.kind == .label ? .property : .variable
      let entries = KeyValueArguments.entries(of: instruction, escape: escape)
      if !entries.isEmpty {
        return entries.map { entry in
          OutlineSymbol(
            name: entry.key, detail: instruction.kind.keyword, kind: kind,
            range: range, selectionRange: entry.keyRange)
        }
      }
    default:
      break
    }
    let kind: OutlineKind = [.onbuild, .healthcheck, .stopsignal].contains(instruction.kind) ? .event : .function
    let keyword = instruction.kind == .unknown ? instruction.keyword : instruction.kind.keyword
    return [OutlineSymbol(name: keyword, detail: summary(of: instruction), kind: kind, range: range, selectionRange: instruction.keywordRange)]
  }

  /// Returns the first 60 characters of the arguments, for the outline's detail column.
  private static func summary(of instruction: Instruction) -> String? {
    let text = instruction.arguments.text
    if text.isEmpty { return nil }
    return text.count > 60 ? String(text.prefix(59)) + "…" : text
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
