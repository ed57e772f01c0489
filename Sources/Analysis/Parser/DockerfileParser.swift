/// Entry points of the Dockerfile parser.
public enum DockerfileParser {
  /// Parses a whole source text. Never fails: problems become `SyntaxError`s in the tree.
  public static func parse(_ source: SourceText) -> SyntaxTree {
    // TODO: placeholder until the real parser lands; one blank node keeps the tree lossless.
    SyntaxTree(directives: [], escapeCharacter: UInt8(ascii: "\\"), nodes: [.blank(0..<source.count)], fileErrors: [])
  }

  /// Reparses after `edit`, which turned `oldSource` into `newSource`. The result equals
  /// `parse(newSource)`.
  public static func reparse(_ tree: SyntaxTree, oldSource: SourceText, edit: TextEdit, newSource: SourceText) -> SyntaxTree {
    parse(newSource)
  }
}
