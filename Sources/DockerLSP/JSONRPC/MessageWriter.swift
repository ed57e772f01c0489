import Foundation

/// Sends framed messages to a file descriptor. Safe to call from the reader and worker threads:
/// a lock keeps each message whole on the wire.
final class MessageWriter: @unchecked Sendable {
  private let fileDescriptor: Int32
  private let lock = NSLock()
  private var failed = false
  private let onFailure: @Sendable (String) -> Void

  /// `onFailure` is called once, with the reason, when a write fails (the client went away).
  init(fileDescriptor: Int32, onFailure: @escaping @Sendable (String) -> Void) {
    self.fileDescriptor = fileDescriptor
    self.onFailure = onFailure
  }

  func send(_ message: JSONValue) {
    send(body: message.serialized)
  }

  /// Sends one message body. The header and body go out as two writes under the lock, so a
  /// large body is never copied to prepend its header.
  func send(body: [UInt8]) {
    let header = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
    lock.lock()
    guard !failed else {
      lock.unlock()
      return
    }
    let failure = writeAll(header) ?? writeAll(body)
    if failure != nil { failed = true }
    lock.unlock()
    // Called outside the lock, because the failure handler logs, and the logger may send a
    // window/logMessage through this writer, which then returns early.
    if let failure { onFailure(failure) }
  }

  /// Writes every byte, retrying after interrupts and partial writes; returns why it failed.
  private func writeAll(_ bytes: [UInt8]) -> String? {
    bytes.withUnsafeBytes { buffer in
      var written = 0
      while written < buffer.count {
        let result = write(fileDescriptor, buffer.baseAddress! + written, buffer.count - written)
        if result < 0 && errno == EINTR { continue }
        if result < 0 { return "write failed: \(String(cString: strerror(errno)))" }
        if result == 0 { return "write returned 0 bytes" }
        written += result
      }
      return nil
    }
  }
}
