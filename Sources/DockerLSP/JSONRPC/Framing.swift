/// The reason a message header is malformed. After one, the stream cannot be resynchronized,
/// because the reader can no longer find where the next message starts.
struct FramingError: Error, Equatable, CustomStringConvertible {
  var reason: String

  var description: String { "Malformed message header: \(reason)" }
}

/// The base-protocol framing of LSP: `Content-Length: N\r\n` (plus an optional `Content-Type`)
/// ended by an empty line, then N bytes of JSON. Pure functions over bytes, with no I/O.
enum Framing {
  /// Bodies longer than this are rejected so a bogus length cannot make the reader buffer
  /// without bound. 1 GiB is far above any Dockerfile an editor would send.
  static let maxContentLength = 1 << 30
  /// Headers longer than this without a terminator are rejected for the same reason.
  static let maxHeaderLength = 8 * 1024

  /// Finds the body of the first complete message in `buffer[start...]`.
  ///
  /// Returns nil when more bytes are needed, and throws when the header is malformed.
  /// The next message starts at the returned range's `upperBound`.
  static func nextBody(in buffer: [UInt8], from start: Int = 0) throws(FramingError) -> Range<Int>? {
    try buffer.withUnsafeBufferPointer { (bytes) throws(FramingError) -> Range<Int>? in
      try nextBody(in: bytes, from: start)
    }
  }

  static func nextBody(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(FramingError) -> Range<Int>? {
    guard let headerEnd = findHeaderTerminator(in: bytes, from: start) else {
      if bytes.count - start > maxHeaderLength {
        throw FramingError(reason: "no blank line within the first \(maxHeaderLength) bytes")
      }
      return nil
    }
    let length = try parseHeader(bytes, start..<headerEnd)
    let bodyStart = headerEnd + 4
    guard bytes.count - bodyStart >= length else { return nil }
    return bodyStart..<(bodyStart + length)
  }

  /// Returns the offset of the `\r\n\r\n` that ends the header.
  private static func findHeaderTerminator(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while index + 3 < bytes.count {
      if bytes[index] == 0x0D, bytes[index + 1] == 0x0A, bytes[index + 2] == 0x0D, bytes[index + 3] == 0x0A {
        return index
      }
      index += 1
    }
    return nil
  }

  /// Parses the header lines and returns the content length.
  private static func parseHeader(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(FramingError) -> Int {
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    var contentLength: Int?
    for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
      guard let colon = line.firstIndex(of: ":") else {
        throw FramingError(reason: "header line '\(line.prefix(40))' has no ':'")
      }
      let name = line[..<colon].trimmingSpaces().lowercased()
      let value = line[line.index(after: colon)...].trimmingSpaces()
      switch name {
      case "content-length":
        guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
          throw FramingError(reason: "Content-Length '\(value.prefix(40))' is not a non-negative integer")
        }
        guard let length = Int(value), length <= maxContentLength else {
          throw FramingError(reason: "Content-Length \(value.prefix(40)) exceeds the maximum of \(maxContentLength) bytes")
        }
        if let contentLength, contentLength != length {
          throw FramingError(reason: "conflicting Content-Length headers \(contentLength) and \(length)")
        }
        contentLength = length
      default:
        // Content-Type and headers added by later protocol versions carry nothing needed here.
        continue
      }
    }
    guard let contentLength else { throw FramingError(reason: "missing Content-Length") }
    return contentLength
  }

  /// Frames `body` as one message.
  static func frame(_ body: [UInt8]) -> [UInt8] {
    var message = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
    message.reserveCapacity(message.count + body.count)
    message.append(contentsOf: body)
    return message
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> Substring {
    var result = self
    while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
    while let last = result.last, last == " " || last == "\t" { result.removeLast() }
    return result
  }
}
