/// The bytes that two versions of a text share: the first `prefix` bytes, and the last `suffix`
/// bytes, which sit `delta` bytes later in the new version (of `count` bytes).
public struct UnchangedBytes: Sendable {
  public let prefix: Int
  public let suffix: Int
  public let delta: Int
  public let count: Int

  /// Nothing shared: for a first version, or one that cannot be compared.
  public init(unrelatedTo new: [UInt8]) {
    self.init(prefix: 0, suffix: 0, delta: 0, count: new.count)
  }

  init(prefix: Int, suffix: Int, delta: Int, count: Int) {
    self.prefix = prefix
    self.suffix = suffix
    self.delta = delta
    self.count = count
  }

  /// Compares the texts from both ends.
  public init(old: [UInt8], new: [UInt8]) {
    let shorter = min(old.count, new.count)
    var prefix = 0
    var suffix = 0
    old.withUnsafeBufferPointer { old in
      new.withUnsafeBufferPointer { new in
        // Eight bytes at a time, then byte by byte.
        while prefix + 8 <= shorter
          && UnsafeRawPointer(old.baseAddress! + prefix).loadUnaligned(as: UInt64.self)
            == UnsafeRawPointer(new.baseAddress! + prefix).loadUnaligned(as: UInt64.self) {
          prefix += 8
        }
        while prefix < shorter && old[prefix] == new[prefix] { prefix += 1 }
        let limit = shorter - prefix
        while suffix + 8 <= limit
          && UnsafeRawPointer(old.baseAddress! + old.count - suffix - 8).loadUnaligned(as: UInt64.self)
            == UnsafeRawPointer(new.baseAddress! + new.count - suffix - 8).loadUnaligned(as: UInt64.self) {
          suffix += 8
        }
        while suffix < limit && old[old.count - suffix - 1] == new[new.count - suffix - 1] { suffix += 1 }
      }
    }
    self.init(prefix: prefix, suffix: suffix, delta: new.count - old.count, count: new.count)
  }

  /// Returns where `range` of the new text was in the old one, or nil when its bytes changed.
  public func oldRange(of range: Range<Int>) -> Range<Int>? {
    if range.upperBound <= prefix { return range }
    if range.lowerBound >= count - suffix { return range.shifted(by: -delta) }
    return nil
  }
}
