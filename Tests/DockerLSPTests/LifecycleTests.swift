import XCTest
@testable import DockerLSP

final class LifecycleTests: XCTestCase {
  func testInitializeAdvertisesCapabilities() throws {
    let client = TestClient.inProcess()
    let result = try XCTUnwrap(client.initialize())
    let expected: JSONValue = [
      "capabilities": [
        "positionEncoding": "utf-16",
        "textDocumentSync": ["openClose": true, "change": 2],
        "hoverProvider": true,
        "codeActionProvider": ["codeActionKinds": ["quickfix", "refactor", "source.fixAll"], "resolveProvider": true],
        "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
        "documentSymbolProvider": true,
        "foldingRangeProvider": true,
        "definitionProvider": true,
        "referencesProvider": true,
        "documentHighlightProvider": true,
        "renameProvider": ["prepareProvider": true],
        "semanticTokensProvider": LanguageServer.semanticTokensCapability,
        "documentFormattingProvider": true,
        "documentRangeFormattingProvider": true,
        "completionProvider": ["triggerCharacters": ["-", "=", "$", "{"]],
      ],
      "serverInfo": ["name": "docker-lsp", "version": .string(LanguageServer.version)],
    ]
    XCTAssertEqual(result, expected)
    XCTAssertEqual(client.shutdownAndExit(), 0)
  }

  func testRequestBeforeInitializeIsRejected() {
    let client = TestClient.inProcess()
    let response = client.call("textDocument/hover", [
      "textDocument": LSP.textDocument("file:///a"), "position": LSP.position(0, 0),
    ])
    XCTAssertEqual(response?["error"]?["code"], .int(-32002))
    XCTAssertEqual(response?["id"], .int(1))
    XCTAssertNotNil(client.initialize())
  }

  func testNotificationBeforeInitializeIsDropped() {
    let client = TestClient.inProcess(extraRequestHandlers: TestRequests.all)
    client.open("file:///early", "FROM a\n")
    client.initialize()
    XCTAssertNil(client.storedText("file:///early"))
    XCTAssertTrue(client.logs.contains("debug server: Dropped notification textDocument/didOpen received before initialize"))
    XCTAssertFalse(client.drain().contains { $0["method"] == "textDocument/publishDiagnostics" })
  }

  func testSecondInitializeIsRejected() {
    let client = TestClient.inProcess()
    client.initialize()
    let response = client.call("initialize", ["capabilities": [:]])
    XCTAssertEqual(response?["error"]?["code"], .int(-32600))
    XCTAssertEqual(response?["error"]?["message"], "Invalid request: initialize was already received")
  }

  func testRequestAfterShutdownIsRejected() {
    let client = TestClient.inProcess()
    client.initialize()
    XCTAssertEqual(client.call("shutdown")?["result"], .null)
    let response = client.call("textDocument/hover", [
      "textDocument": LSP.textDocument("file:///a"), "position": LSP.position(0, 0),
    ])
    XCTAssertEqual(response?["error"]?["code"], .int(-32600))
    client.notify("exit")
    XCTAssertEqual(client.waitForExit(), 0)
  }

  func testNullParamsAreReadAsNone() {
    let client = TestClient.inProcess()
    client.initialize()
    client.send(["jsonrpc": "2.0", "id": 9, "method": "shutdown", "params": nil])
    XCTAssertEqual(client.response(to: 9)?["result"], .null)
    client.send(["jsonrpc": "2.0", "method": "exit", "params": nil])
    XCTAssertEqual(client.waitForExit(), 0)
  }

  func testExitWithoutShutdownReturnsOne() {
    let client = TestClient.inProcess()
    client.initialize()
    client.notify("exit")
    XCTAssertEqual(client.waitForExit(), 1)
  }

  func testExitBeforeInitializeReturnsOne() {
    let client = TestClient.inProcess()
    client.notify("exit")
    XCTAssertEqual(client.waitForExit(), 1)
  }

  func testEndOfInputExitsCleanly() {
    let client = TestClient.inProcess()
    client.initialize()
    client.closeInput()
    XCTAssertEqual(client.waitForExit(), 0)
    XCTAssertTrue(client.logs.contains("info server: Input ended; exiting with code 0"))
  }

  func testErrorsReachClientAfterInitialized() {
    let client = TestClient.inProcess()
    client.initialize()
    let response = client.call("no/suchMethod")
    XCTAssertEqual(response?["error"]?["code"], .int(-32601))
    let logMessage = client.nextNotification("window/logMessage")
    XCTAssertEqual(logMessage?["type"], .int(1))
    XCTAssertEqual(logMessage?["message"], "server: Rejected unknown method no/suchMethod (id 2)")
  }

  func testErrorsBeforeInitializedStayInLog() {
    let client = TestClient.inProcess()
    _ = client.call("no/suchMethod")
    client.initialize()
    XCTAssertEqual(client.call("shutdown")?["result"], .null)
    XCTAssertFalse(client.drain().contains { $0["method"] == "window/logMessage" })
    XCTAssertTrue(client.logs.contains("error server: Rejected no/suchMethod (id 1) received before initialize"))
  }

  func testOpenIsLoggedWithoutText() {
    let client = TestClient.inProcess()
    client.initialize()
    client.open("file:///x", "FROM secret-image\n", version: 3)
    XCTAssertNotNil(client.nextDiagnostics("file:///x"))
    XCTAssertTrue(client.logs.lines.contains("info server: Opened file:///x version 3"))
    XCTAssertFalse(client.logs.contains("secret-image"))
  }
}
