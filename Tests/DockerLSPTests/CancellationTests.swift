import XCTest
@testable import DockerLSP

final class CancellationTests: XCTestCase {
  private func makeClient(gate: TestRequests.Gate = TestRequests.Gate()) -> TestClient {
    var handlers = TestRequests.all
    handlers["test/hold"] = TestRequests.hold(gate)
    let client = TestClient.inProcess(extraRequestHandlers: handlers)
    client.initialize()
    return client
  }

  func testCancelQueuedRequest() {
    let gate = TestRequests.Gate()
    let client = makeClient(gate: gate)
    let hoverID = 500
    // The worker is held while the hover is queued and cancelled, so the response can only come
    // from the cancellation.
    let holdID = client.request("test/hold")
    client.send([
      "jsonrpc": "2.0", "id": .int(hoverID), "method": "textDocument/hover",
      "params": ["textDocument": LSP.textDocument("file:///c"), "position": LSP.position(0, 0)],
    ])
    client.notify("$/cancelRequest", ["id": .int(hoverID)])
    let cancelled = client.response(to: hoverID)
    XCTAssertEqual(cancelled?["error"]?["code"], .int(-32800))
    gate.open()
    XCTAssertEqual(client.response(to: holdID)?["result"], .null)
    // The cancelled request gets one response only.
    XCTAssertEqual(client.call("shutdown")?["result"], .null)
    XCTAssertFalse(client.drain().contains { $0["id"] == .int(hoverID) })
  }

  func testCancelRunningRequest() {
    let started = TestRequests.Gate()
    let client = TestClient.inProcess(extraRequestHandlers: [
      "test/waitForOwnCancellation": TestRequests.waitForOwnCancellation(started: started),
    ])
    client.initialize()
    let id = client.request("test/waitForOwnCancellation")
    TestRequests.waitUntil { started.isOpen }
    XCTAssertTrue(started.isOpen)
    client.notify("$/cancelRequest", ["id": .int(id)])
    XCTAssertEqual(client.response(to: id)?["error"]?["code"], .int(-32800))
    XCTAssertTrue(client.logs.contains("debug connection: Cancelling running request \(id)"))
  }

  func testCancelOfFinishedRequestIsIgnored() {
    let client = makeClient()
    let id = client.request("shutdown")
    XCTAssertEqual(client.response(to: id)?["result"], .null)
    client.notify("$/cancelRequest", ["id": .int(id)])
    client.notify("exit")
    XCTAssertEqual(client.waitForExit(), 0)
    XCTAssertFalse(client.drain().contains { $0["id"] == .int(id) })
  }

  func testRequestWithQueuedChangeIsContentModified() {
    let client = makeClient()
    let uri = "file:///cm"
    client.open(uri, "FROM a\n")
    _ = client.nextDiagnostics(uri)
    let waitID = client.request("test/waitForQueuedChange", ["uri": .string(uri), "version": 2])
    let hoverID = client.request("textDocument/hover", ["textDocument": LSP.textDocument(uri), "position": LSP.position(0, 0)])
    client.change(uri, version: 2, [LSP.edit(LSP.range(0, 6, 0, 6), ":1")])
    XCTAssertEqual(client.response(to: waitID)?["result"], .null)
    XCTAssertEqual(client.response(to: hoverID)?["error"]?["code"], .int(-32801))
    XCTAssertEqual(client.nextDiagnostics(uri)?["version"], .int(2))
    XCTAssertTrue(client.logs.contains(
      "debug server: Request textDocument/hover (id \(hoverID)) failed: Content modified: \(uri) has a newer change queued"))
    XCTAssertFalse(client.drain().contains { $0["method"] == "window/logMessage" })
  }
}
