extension RandomAccessCollection where Index == Int {
  /// Returns the number of leading elements whose `key` is at most `value`, by binary search.
  /// The elements must be in ascending order of `key`, so the last element with a key at most
  /// `value` is at the result minus one.
  @inline(__always)
  func countOfLeading(keyAtMost value: Int, _ key: (Element) -> Int) -> Int {
    var low = startIndex
    var high = endIndex
    while low < high {
      let middle = low + (high - low) / 2
      if key(self[middle]) <= value { low = middle + 1 } else { high = middle }
    }
    return low - startIndex
  }
}
