extension String {
  /// Returns whether `other` occurs in this string, as the standard library's
  /// `StringProtocol.contains(_:)` does. That method builds a searcher on every call, and rules
  /// call it once per key or package, so it was the largest cost of linting a long file.
  /// This overload, which code in this module picks over the protocol's, compares UTF-8 bytes
  /// when both strings are ASCII without `\r`. Other strings keep the standard comparison of
  /// characters (`\r\n` is one character, so `\n` alone does not occur in it).
  func contains(_ other: String) -> Bool {
    var found: Bool?
    utf8.withContiguousStorageIfAvailable { text in
      other.utf8.withContiguousStorageIfAvailable { needle in
        found = String.asciiContains(text, needle)
      }
    }
    if let found { return found }
    // A substring is another type, so this calls the standard library's version.
    return self[...].contains(other)
  }

  /// Searches ASCII bytes. Returns nil when either side has a non-ASCII byte or `\r`.
  private static func asciiContains(_ text: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool? {
    for byte in needle where byte >= 0x80 || byte == 0x0D { return nil }
    for byte in text where byte >= 0x80 || byte == 0x0D { return nil }
    guard let first = needle.first else { return true }
    guard needle.count <= text.count else { return false }
    var start = 0
    while start <= text.count - needle.count {
      if text[start] == first {
        var offset = 1
        while offset < needle.count && text[start + offset] == needle[offset] { offset += 1 }
        if offset == needle.count { return true }
      }
      start += 1
    }
    return false
  }
}
