import Analysis
import XCTest

/// Returns the byte range of the `occurrence`-th (0-based) appearance of `needle` in `text`.
func byteRange(of needle: String, in text: String, occurrence: Int = 0, file: StaticString = #filePath, line: UInt = #line) -> Range<Int> {
  let haystack = Array(text.utf8)
  let pattern = Array(needle.utf8)
  var found = -1
  var start = 0
  while start + pattern.count <= haystack.count {
    if Array(haystack[start..<(start + pattern.count)]) == pattern {
      found += 1
      if found == occurrence { return start..<(start + pattern.count) }
    }
    start += 1
  }
  XCTFail("\(needle.debugDescription) occurrence \(occurrence) not found", file: file, line: line)
  return 0..<0
}
