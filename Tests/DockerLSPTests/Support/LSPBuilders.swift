import Analysis
import Foundation
@testable import DockerLSP

/// Builders for the LSP JSON that tests send and expect.
enum LSP {
  static func position(_ line: Int, _ character: Int) -> JSONValue {
    ["line": .int(line), "character": .int(character)]
  }

  static func range(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int) -> JSONValue {
    ["start": position(startLine, startCharacter), "end": position(endLine, endCharacter)]
  }

  /// Builds an incremental `contentChanges` entry.
  static func edit(_ range: JSONValue, _ text: String) -> JSONValue {
    ["range": range, "text": .string(text)]
  }

  static func textDocument(_ uri: String) -> JSONValue {
    ["uri": .string(uri)]
  }

  /// Applies LSP text edits, given in `encoding`, to `text` the way an editor does: every
  /// range refers to the original text.
  static func apply(_ edits: [JSONValue], to text: String, encoding: PositionEncoding) -> String {
    let source = SourceText(text)
    let byteEdits = edits.compactMap { edit -> Analysis.TextEdit? in
      guard let range = edit["range"], let newText = edit["newText"]?.stringValue,
        let start = offset(range["start"], in: source, encoding: encoding),
        let end = offset(range["end"], in: source, encoding: encoding)
      else { return nil }
      return Analysis.TextEdit(range: start..<end, newText: newText)
    }
    return String(decoding: Analysis.TextEdit.apply(byteEdits, to: source.bytes), as: UTF8.self)
  }

  private static func offset(_ position: JSONValue?, in source: SourceText, encoding: PositionEncoding) -> Int? {
    guard let line = position?["line"]?.intValue, let character = position?["character"]?.intValue else { return nil }
    return source.offset(of: Position(line: line, character: character), encoding: encoding)
  }
}

/// Test-only requests that an in-process server handles, to look at its state or to hold the
/// worker still while the test queues messages behind it.
enum TestRequests {
  /// `test/documentText` with `{uri}`: the stored text, or null when the document is not open.
  static let documentText: LanguageServer.ExtraRequestHandler = { server, params in
    guard let uri = params?["uri"]?.stringValue, let entry = server.documents[uri] else { return .null }
    return ["text": .string(entry.document.source.string), "version": .int(entry.version)]
  }

  /// `test/waitForQueuedChange` with `{uri, version}`: blocks until a didChange for that version
  /// is queued behind this request.
  static let waitForQueuedChange: LanguageServer.ExtraRequestHandler = { server, params in
    let uri = params?["uri"]?.stringValue
    let version = params?["version"]?.intValue
    waitUntil {
      server.connection.queue.containsQueued { item in
        guard case .message(.notification("textDocument/didChange", let changeParams)) = item else { return false }
        return changeParams?["textDocument"]?["uri"]?.stringValue == uri
          && changeParams?["textDocument"]?["version"]?.intValue == version
      }
    }
    return .null
  }

  /// `test/hold`: blocks until the test opens `gate`, so requests queue up behind it.
  static func hold(_ gate: Gate) -> LanguageServer.ExtraRequestHandler {
    { _, _ in
      waitUntil { gate.isOpen }
      return .null
    }
  }

  /// `test/waitForOwnCancellation`: opens `started`, then blocks until this request itself is
  /// cancelled.
  static func waitForOwnCancellation(started: Gate) -> LanguageServer.ExtraRequestHandler {
    { server, _ in
      started.open()
      waitUntil { server.connection.queue.isRunningRequestCancelled }
      return "finished"
    }
  }

  /// `test/fail`: throws an error that is not a `ResponseError`, as a bug in a handler would.
  static let fail: LanguageServer.ExtraRequestHandler = { _, _ in
    throw TestFailure.handlerBroke
  }

  static let all: [String: LanguageServer.ExtraRequestHandler] = [
    "test/documentText": documentText,
    "test/waitForQueuedChange": waitForQueuedChange,
    "test/fail": fail,
  ]

  enum TestFailure: Error {
    case handlerBroke
  }

  /// A flag that a test sets to release a `test/hold` request.
  final class Gate: @unchecked Sendable {
    private let lock = NSLock()
    private var opened = false

    func open() {
      lock.lock()
      opened = true
      lock.unlock()
    }

    var isOpen: Bool {
      lock.lock()
      defer { lock.unlock() }
      return opened
    }
  }

  /// Polls `condition` until it is true or the client's timeout passes, so a broken test fails
  /// instead of hanging.
  static func waitUntil(_ condition: () -> Bool) {
    let deadline = Date().addingTimeInterval(TestClient.timeout)
    while !condition() && Date() < deadline {
      usleep(1000)
    }
  }
}

extension TestClient {
  /// Returns the text that an in-process server stores for `uri`, or nil when it is not open.
  func storedText(_ uri: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
    call("test/documentText", ["uri": .string(uri)], file: file, line: line)?["result"]?["text"]?.stringValue
  }
}
