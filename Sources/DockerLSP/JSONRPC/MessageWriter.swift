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

  func send(body: [UInt8]) {
    let framed = Framing.frame(body)
    lock.lock()
    defer { lock.unlock() }
    guard !failed else { return }
    let failure: String? = framed.withUnsafeBytes { buffer in
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
    if let failure {
      failed = true
      onFailure(failure)
    }
  }
}
