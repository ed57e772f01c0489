import Foundation
import XCTest
@testable import DockerLSP

final class MessageWriterTests: XCTestCase {
  func testWritesFramedMessage() throws {
    let pipe = Pipe()
    let writer = MessageWriter(fileDescriptor: pipe.fileHandleForWriting.fileDescriptor) { _ in }
    writer.send(["jsonrpc": "2.0", "method": "x"])
    try pipe.fileHandleForWriting.close()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    XCTAssertEqual(output, "Content-Length: 30\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}")
  }

  /// A failed write is reported once, and the failure handler may log through a logger that
  /// forwards to the same writer without deadlocking.
  func testFailureIsReportedOnceWithoutDeadlock() throws {
    signal(SIGPIPE, SIG_IGN)
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let failures = LogCapture()
    let logger = Logger(threshold: .debug) { line in failures.append(line) }
    let writer = MessageWriter(fileDescriptor: pipe.fileHandleForWriting.fileDescriptor) { reason in
      logger.error("connection", "Failed to send a message: \(reason)")
    }
    logger.forwardToClient { _, text in writer.send(["message": .string(text)]) }

    writer.send(["a": 1])
    writer.send(["b": 2])
    XCTAssertEqual(failures.lines, ["error connection: Failed to send a message: write failed: Broken pipe"])
  }
}
