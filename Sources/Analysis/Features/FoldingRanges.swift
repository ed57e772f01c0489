/// A foldable region, as the first and last line (both included) that the editor folds.
public struct FoldingRegion: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case comment
    case region
  }

  public var startLine: Int
  public var endLine: Int
  /// nil for stages and instructions.
  public var kind: Kind?

  public init(startLine: Int, endLine: Int, kind: Kind? = nil) {
    self.startLine = startLine
    self.endLine = endLine
    self.kind = kind
  }
}

/// Finds the foldable regions: stages, instructions that span lines, heredoc bodies and runs of
/// two or more comment lines.
public enum FoldingRangeProvider {
  public static func regions(in document: Document) -> [FoldingRegion] {
    let lines = document.source.lineIndex
    let source = document.source.bytes
    var result: [FoldingRegion] = []
    var stageStart: Int?
    var stageEnd = 0
    var commentStart: Int?
    var commentEnd = 0

    func add(_ start: Int, _ end: Int, _ kind: FoldingRegion.Kind? = nil) {
      if end > start { result.append(FoldingRegion(startLine: start, endLine: end, kind: kind)) }
    }
    func line(_ offset: Int) -> Int { lines.line(containing: offset) }
    func closeComments() {
      if let start = commentStart { add(start, commentEnd, .comment) }
      commentStart = nil
    }

    for node in document.tree.nodes {
      switch node {
      case .comment(let comment):
        let number = line(comment.contentRange.lowerBound)
        if commentStart == nil { commentStart = number }
        commentEnd = number
        continue
      case .instruction(let instruction):
        closeComments()
        let content = DocumentSymbolProvider.contentRange(of: instruction, in: source)
        let first = line(content.lowerBound)
        let last = line(content.upperBound)
        if instruction.kind == .from {
          if let start = stageStart { add(start, stageEnd) }
          stageStart = first
        }
        stageEnd = last
        // The instruction without its heredoc bodies, which fold on their own.
        let header = instruction.keywordRange.lowerBound..<max(instruction.keywordRange.upperBound, instruction.argumentsRange.upperBound)
        add(first, line(header.upperBound))
        for heredoc in instruction.heredocs where !heredoc.bodyRange.isEmpty {
          add(line(heredoc.openerRange.lowerBound), line(max(heredoc.bodyRange.lowerBound, heredoc.bodyRange.upperBound - 1)))
        }
      default:
        closeComments()
      }
    }
    closeComments()
    if let start = stageStart { add(start, stageEnd) }
    return result.sorted { ($0.startLine, -$0.endLine) < ($1.startLine, -$1.endLine) }
  }
}
