extension DockerfileParser {
  /// Reparses after `edit`, which turned `oldSource` into `newSource`. The result equals
  /// `parse(newSource)`.
  ///
  /// Only the top-level nodes from the one the edit touches are parsed again, until a new node
  /// ends exactly where an old node (shifted by the edit's length change) starts after the edit.
  /// Parsing there starts at top level with the same escape character, so the remaining old
  /// nodes are reused. Edits in or next to the directive prologue parse the whole file again.
  public static func reparse(_ tree: SyntaxTree, oldSource: SourceText, edit: TextEdit, newSource: SourceText) -> SyntaxTree {
    incrementalReparse(tree, oldSource: oldSource, edit: edit, newSource: newSource).tree
  }

  /// Reparses like `reparse` and also returns how many old nodes were reused without parsing
  /// them again, nodes before the edit included. The count is 0 after a full parse.
  static func incrementalReparse(
    _ tree: SyntaxTree, oldSource: SourceText, edit: TextEdit, newSource: SourceText
  ) -> (tree: SyntaxTree, reusedNodes: Int) {
    let insertedCount = edit.newText.utf8.count
    let delta = insertedCount - edit.range.count
    guard edit.range.lowerBound >= 0, edit.range.upperBound <= oldSource.count,
      newSource.count == oldSource.count + delta,
      let startIndex = firstNodeToReparse(tree, edit: edit)
    else {
      return (parse(newSource), 0)
    }

    let oldNodes = tree.nodes
    let editEndInNew = edit.range.lowerBound + insertedCount
    return newSource.bytes.withUnsafeBufferPointer { bytes in
      var parser = FileParser(bytes: bytes)
      parser.escape = tree.escapeCharacter
      parser.directiveScanner.isDone = true
      parser.directives = tree.directives
      parser.nodes.reserveCapacity(oldNodes.count + 16)
      parser.nodes.append(contentsOf: oldNodes[..<startIndex])
      parser.hasInstruction = parser.nodes.contains { if case .instruction = $0 { return true } else { return false } }
      var reused = startIndex
      var position = oldNodes[startIndex].range.lowerBound
      var candidate = startIndex
      while position < bytes.count {
        let next = parser.parseNode(at: position)
        assert(next > position, "the parser made no progress")
        if next <= position { return (parse(newSource), 0) }
        position = next
        guard position >= editEndInNew else { continue }
        // Look for an old node after the edit that starts here once shifted.
        while candidate < oldNodes.count
          && (oldNodes[candidate].range.lowerBound < edit.range.upperBound || oldNodes[candidate].range.lowerBound + delta < position) {
          candidate += 1
        }
        if candidate < oldNodes.count && oldNodes[candidate].range.lowerBound + delta == position {
          for node in oldNodes[candidate...] {
            if case .instruction = node { parser.hasInstruction = true }
            parser.nodes.append(node.shifted(by: delta))
          }
          reused += oldNodes.count - candidate
          position = bytes.count
          break
        }
      }
      // Directive errors sit in the prologue, which the edit does not touch. `makeTree` adds the
      // errors that depend on the whole file again.
      parser.fileErrors = tree.fileErrors.filter { error in
        tree.directives.contains { $0.range.contains(error.range.lowerBound) }
      }
      return (parser.makeTree(), reused)
    }
  }

  /// Returns the index of the first old node to parse again, or nil when only a full parse is
  /// safe. That is the case when the tree is empty or the edit touches the directive prologue,
  /// which runs up to and including the first node that is not a directive.
  /// Returns the index of the first node that is not a directive, which ends the prologue.
  private static func prologueEndIndex(_ tree: SyntaxTree) -> Int? {
    tree.nodes.firstIndex { if case .directive = $0 { return false } else { return true } }
  }

  private static func firstNodeToReparse(_ tree: SyntaxTree, edit: TextEdit) -> Int? {
    let nodes = tree.nodes
    guard let prologueEnd = prologueEndIndex(tree),
      edit.range.lowerBound > nodes[prologueEnd].range.upperBound
    else { return nil }
    // The node that contains the edit's start; an edit at the very end belongs to the last node.
    var index = max(0, nodes.countOfLeading(keyAtMost: edit.range.lowerBound) { $0.range.lowerBound } - 1)
    // A blank run ends where the next line is not blank, so the one before may grow.
    if index > 0, case .blank = nodes[index - 1] { index -= 1 }
    return index > prologueEnd ? index : nil
  }
}
