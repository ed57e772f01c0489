/// Markdown to show for a hover request, and the range it describes.
public struct HoverContent: Sendable, Hashable {
  public var markdown: String
  public var range: Range<Int>

  public init(markdown: String, range: Range<Int>) {
    self.markdown = markdown
    self.range = range
  }
}

/// Computes hover content: the docs of the rules whose findings cover the offset, else the docs
/// of the instruction keyword or parser directive under the offset.
public enum HoverProvider {
  public static func hover(at offset: Int, in document: Document, findings: [Finding]) -> HoverContent? {
    let covering = findings.filter { $0.range.contains(offset) || ($0.range.isEmpty && $0.range.lowerBound == offset) }
    if !covering.isEmpty {
      return findingHover(covering)
    }
    return syntaxHover(at: offset, in: document.tree)
  }

  /// Renders the message and rule docs of each finding, most serious first.
  static func findingHover(_ findings: [Finding]) -> HoverContent {
    var sections: [String] = []
    var seenRules: Set<String> = []
    for finding in findings.sorted(by: { $0.severity > $1.severity }) {
      var section = "**\(finding.ruleID)** (\(finding.severity.rawValue)): \(finding.message)"
      if !seenRules.contains(finding.ruleID), let info = RuleRegistry.info(id: finding.ruleID) {
        section += "\n\n### \(info.title)\n\n\(info.documentation)"
        if let url = info.documentationURL {
          section += "\n\n[\(info.id) on the hadolint wiki](\(url))"
        }
      }
      seenRules.insert(finding.ruleID)
      sections.append(section)
    }
    let lower = findings.map(\.range.lowerBound).min() ?? 0
    let upper = findings.map(\.range.upperBound).max() ?? lower
    return HoverContent(markdown: sections.joined(separator: "\n\n---\n\n"), range: lower..<upper)
  }

  static func syntaxHover(at offset: Int, in tree: SyntaxTree) -> HoverContent? {
    for directive in tree.directives where directive.nameRange.contains(offset) {
      guard let markdown = DirectiveDocs.markdown(forDirective: directive.name) else { return nil }
      return HoverContent(markdown: markdown, range: directive.nameRange)
    }
    guard let instruction = tree.instruction(containing: offset) else { return nil }
    if instruction.keywordRange.contains(offset) {
      return InstructionDocs.markdown(for: instruction.kind).map { HoverContent(markdown: $0, range: instruction.keywordRange) }
    }
    if let trigger = instruction.onbuildTrigger?.instruction, trigger.keywordRange.contains(offset) {
      return InstructionDocs.markdown(for: trigger.kind).map { HoverContent(markdown: $0, range: trigger.keywordRange) }
    }
    return nil
  }
}
