import Foundation

/// A JSON-RPC connection over two file descriptors.
///
/// A reader thread reads and decodes messages and queues them for a single worker, which handles
/// them in order. `$/cancelRequest` skips the queue: the reader handles it at once, so a queued
/// request gets its -32800 response without waiting for the requests ahead of it.
final class Connection: @unchecked Sendable {
  let queue = MessageQueue()
  let writer: MessageWriter
  let logger: Logger
  private let inputDescriptor: Int32
  private static let readChunkSize = 64 * 1024
  private let readerEnded = DispatchSemaphore(value: 0)

  init(input: Int32, output: Int32, logger: Logger) {
    self.inputDescriptor = input
    self.logger = logger
    self.writer = MessageWriter(fileDescriptor: output) { reason in
      logger.log(.error, "connection", "Failed to send a message: \(reason)")
    }
  }

  /// Starts the reader thread. It ends after queueing `.endOfInput` or `.streamFailed`.
  func startReading() {
    let thread = Thread { [self] in
      readLoop()
      readerEnded.signal()
    }
    thread.name = "docker-lsp reader"
    // The parser recurses once per nesting level, up to JSONParser.maxDepth; 4 MiB leaves ample
    // room whatever the platform's default thread stack is.
    thread.stackSize = 4 << 20
    thread.start()
  }

  /// Waits until the reader thread has stopped reading the input descriptor, so its owner can
  /// close it without the thread reading whatever file later gets the same number. Returns
  /// false on timeout.
  func waitUntilReadingEnds(timeout: DispatchTime) -> Bool {
    guard readerEnded.wait(timeout: timeout) == .success else { return false }
    // Leave the signal for any later caller.
    readerEnded.signal()
    return true
  }

  func respond(to id: RequestID?, result: JSONValue) {
    writer.send(OutgoingMessage.response(id: id, result: result))
  }

  /// Sends a response whose `result` is `encodedResult`, which must be valid JSON text.
  func respond(to id: RequestID?, encodedResult: [UInt8]) {
    writer.send(body: OutgoingMessage.responseBody(id: id, encodedResult: encodedResult))
  }

  func respond(to id: RequestID?, error: ResponseError) {
    writer.send(OutgoingMessage.errorResponse(id: id, error: error))
  }

  func notify(_ method: String, _ params: JSONValue) {
    writer.send(OutgoingMessage.notification(method: method, params: params))
  }

  private func readLoop() {
    var buffer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: Connection.readChunkSize)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(inputDescriptor, $0.baseAddress!, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        queue.push(.streamFailed("reading input failed: \(String(cString: strerror(errno)))"))
        return
      }
      if count == 0 {
        if !buffer.isEmpty { logger.error("connection", "Input ended inside a message; \(buffer.count) bytes discarded") }
        queue.push(.endOfInput)
        return
      }
      buffer.append(contentsOf: chunk[0..<count])

      var consumed = 0
      do {
        while let body = try Framing.nextBody(in: buffer, from: consumed) {
          dispatch(body: Array(buffer[body]))
          consumed = body.upperBound
        }
      } catch {
        queue.push(.streamFailed(error.description))
        return
      }
      if consumed > 0 { buffer.removeFirst(consumed) }
    }
  }

  private func dispatch(body: [UInt8]) {
    switch Message.decode(body: body) {
    case .success(.notification(let method, let params)) where method == "$/cancelRequest":
      cancel(params: params)
    case .success(let message):
      queue.push(.message(message))
    case .failure(let invalid):
      queue.push(.invalid(invalid))
    }
  }

  private func cancel(params: JSONValue?) {
    guard let idValue = params?["id"], let id = RequestID(idValue) else {
      logger.error("connection", "Ignored $/cancelRequest: params.id must be an integer or a string")
      return
    }
    switch queue.cancel(id) {
    case .removedFromQueue:
      logger.debug("connection", "Cancelled queued request \(id)")
      respond(to: id, error: .requestCancelled)
    case .markedRunning:
      logger.debug("connection", "Cancelling running request \(id)")
    case .notFound:
      logger.debug("connection", "Ignored cancellation of request \(id), which is not pending")
    }
  }
}
