import Analysis
import XCTest
@testable import DockerLSP

final class DocumentSyncTests: XCTestCase {
  private let uri = "file:///work/Dockerfile"

  private func makeClient(analysis: AnalysisProviders = AnalysisProviders()) -> TestClient {
    let client = TestClient.inProcess(analysis: analysis, extraRequestHandlers: TestRequests.all)
    client.initialize()
    return client
  }

  func testOpenPublishesVersionedDiagnostics() {
    let client = makeClient()
    client.open(uri, "FROM alpine\nRUN echo hi\n", version: 7)
    let params = client.nextDiagnostics(uri)
    XCTAssertEqual(params?["version"], .int(7))
    XCTAssertNotNil(params?["diagnostics"]?.arrayValue)
  }

  func testSeveralChangesApplyInOrder() {
    let client = makeClient()
    client.open(uri, "FROM alpine\nRUN apk add curl\nCMD [\"sh\"]\n")
    _ = client.nextDiagnostics(uri)
    // Each range refers to the text after the previous change in the same notification.
    client.change(uri, version: 2, [
      LSP.edit(LSP.range(1, 12, 1, 16), "git"),
      LSP.edit(LSP.range(1, 15, 1, 15), " make"),
      LSP.edit(LSP.range(0, 5, 0, 11), "debian:12"),
      LSP.edit(LSP.range(2, 0, 3, 0), ""),
      LSP.edit(LSP.range(1, 0, 1, 0), "WORKDIR /src\n"),
    ])
    XCTAssertEqual(client.storedText(uri), "FROM debian:12\nWORKDIR /src\nRUN apk add git make\n")
    XCTAssertEqual(client.nextDiagnostics(uri)?["version"], .int(2))
  }

  func testFullTextChangeReplacesDocument() {
    let client = makeClient()
    client.open(uri, "FROM a\n")
    client.change(uri, version: 2, [["text": "FROM b\nRUN c\n"]])
    XCTAssertEqual(client.storedText(uri), "FROM b\nRUN c\n")
  }

  func testFullTextThenIncrementalChange() {
    let client = makeClient()
    client.open(uri, "FROM a\n")
    client.change(uri, version: 2, [["text": "FROM b\n"], LSP.edit(LSP.range(0, 6, 0, 6), ":1")])
    XCTAssertEqual(client.storedText(uri), "FROM b:1\n")
  }

  func testDeletionAcrossLines() {
    let client = makeClient()
    client.open(uri, "FROM a\nRUN b \\\n  c\nRUN d\n")
    client.change(uri, version: 2, [LSP.edit(LSP.range(1, 5, 2, 3), "")])
    XCTAssertEqual(client.storedText(uri), "FROM a\nRUN b\nRUN d\n")
  }

  func testInsertionAtEndOfText() {
    let client = makeClient()
    client.open(uri, "FROM a")
    client.change(uri, version: 2, [LSP.edit(LSP.range(0, 6, 0, 6), "\nRUN b\n")])
    XCTAssertEqual(client.storedText(uri), "FROM a\nRUN b\n")
  }

  func testCloseClearsDiagnostics() {
    let client = makeClient()
    client.open(uri, "FROM a\n")
    _ = client.nextDiagnostics(uri)
    client.notify("textDocument/didClose", ["textDocument": LSP.textDocument(uri)])
    let params = client.nextDiagnostics(uri)
    XCTAssertEqual(params?["diagnostics"], [])
    XCTAssertNil(params?["version"])
    XCTAssertNil(client.storedText(uri))
    XCTAssertTrue(client.logs.contains("info server: Closed \(uri)"))
  }

  func testReopenReplacesDocument() {
    let client = makeClient()
    client.open(uri, "FROM a\n")
    client.open(uri, "FROM b\n", version: 5)
    XCTAssertEqual(client.storedText(uri), "FROM b\n")
    XCTAssertTrue(client.logs.contains("error server: Opened \(uri) again while it was open; replacing it"))
  }

  func testQueuedChangesAreLintedOnce() {
    let lintCount = LintCounter()
    let client = makeClient(analysis: AnalysisProviders(lint: { document in
      lintCount.increment()
      return Linter().lint(document)
    }))
    client.open(uri, "FROM a\n")
    XCTAssertEqual(client.nextDiagnostics(uri)?["version"], .int(1))
    XCTAssertEqual(lintCount.value, 1)

    // Hold the worker until the last change is queued, so all four wait behind it.
    let waitID = client.request("test/waitForQueuedChange", ["uri": .string(uri), "version": 5])
    for version in 2...5 {
      client.change(uri, version: version, [LSP.edit(LSP.range(0, version + 4, 0, version + 4), "\(version)")])
    }
    XCTAssertEqual(client.response(to: waitID)?["result"], .null)
    XCTAssertEqual(client.storedText(uri), "FROM a2345\n")

    let published = client.drain().filter { $0["method"] == "textDocument/publishDiagnostics" }
    XCTAssertEqual(published.map { $0["params"]?["version"] }, [.int(5)])
    XCTAssertEqual(lintCount.value, 2)
  }

  func testDiagnosticFields() {
    let findings = [
      Finding(ruleID: "DL3006", severity: .warning, range: 0..<6, message: "Always tag the image version"),
      Finding(ruleID: "SC2086", severity: .info, range: 11..<13, message: "Double quote to prevent globbing"),
      Finding(ruleID: "DL3059", severity: .style, range: 7..<10, message: "Merge consecutive `RUN` instructions"),
      Finding(ruleID: "DL1000", severity: .error, range: 7..<10, message: "Unknown instruction"),
    ]
    let client = makeClient(analysis: AnalysisProviders(lint: { _ in findings }))
    client.open(uri, "FROM a\nRUN $x\n")
    let diagnostics = client.nextDiagnostics(uri)?["diagnostics"]?.arrayValue ?? []
    XCTAssertEqual(diagnostics.count, 4)
    XCTAssertEqual(diagnostics.first, [
      "range": LSP.range(0, 0, 0, 6),
      "severity": 2,
      "code": "DL3006",
      "codeDescription": ["href": "https://github.com/hadolint/hadolint/wiki/DL3006"],
      "source": "docker-lsp",
      "message": "Always tag the image version",
    ])
    XCTAssertEqual(diagnostics.map { $0["severity"] }, [.int(2), .int(3), .int(4), .int(1)])
    XCTAssertNil(diagnostics[1]["codeDescription"])
    XCTAssertEqual(diagnostics[1]["range"], LSP.range(1, 4, 1, 6))
  }
}

/// Counts lint calls from the worker thread.
final class LintCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  func increment() {
    lock.lock()
    count += 1
    lock.unlock()
  }

  var value: Int {
    lock.lock()
    defer { lock.unlock() }
    return count
  }
}
