extension DockerfileParser {
  /// Reparses after `edit`, which turned `oldSource` into `newSource`. The result equals
  /// `parse(newSource)`.
  public static func reparse(_ tree: SyntaxTree, oldSource: SourceText, edit: TextEdit, newSource: SourceText) -> SyntaxTree {
    parse(newSource)
  }
}
