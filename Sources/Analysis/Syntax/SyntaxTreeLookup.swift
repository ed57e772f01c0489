extension SyntaxTree {
  /// Returns the index of the top-level node whose range contains `offset`, by binary search.
  /// An offset at the end of the source belongs to the last node.
  public func nodeIndex(containing offset: Int) -> Int? {
    guard let last = nodes.last, offset >= 0, offset <= last.range.upperBound else { return nil }
    if offset == last.range.upperBound { return nodes.count - 1 }
    var low = 0
    var high = nodes.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let range = nodes[mid].range
      if offset < range.lowerBound {
        high = mid - 1
      } else if offset >= range.upperBound {
        low = mid + 1
      } else {
        return mid
      }
    }
    return nil
  }

  /// Returns the instruction whose range contains `offset`.
  public func instruction(containing offset: Int) -> Instruction? {
    guard let index = nodeIndex(containing: offset), case .instruction(let instruction) = nodes[index] else { return nil }
    return instruction
  }
}
