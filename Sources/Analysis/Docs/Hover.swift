/// Markdown to show for a hover request, and the range it describes.
public struct HoverContent: Sendable, Hashable {
  public var markdown: String
  public var range: Range<Int>

  public init(markdown: String, range: Range<Int>) {
    self.markdown = markdown
    self.range = range
  }
}

/// Computes hover content: a finding's rule docs, or an instruction keyword's docs.
public enum HoverProvider {
  public static func hover(at offset: Int, in document: Document, findings: [Finding]) -> HoverContent? {
    // TODO: placeholder until rule and instruction docs land.
    nil
  }
}
