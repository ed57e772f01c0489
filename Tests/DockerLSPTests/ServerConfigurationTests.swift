import Analysis
import Foundation
import XCTest
@testable import DockerLSP

/// The server's configuration: `.hadolint.yaml` files found from each document's folder, file
/// watching, `workspace/configuration` settings and the ignore-comment code action.
final class ServerConfigurationTests: XCTestCase {
  /// Three single-command RUNs: DL3059 fires on lines 2 and 3 (0-based).
  let threeRuns = "FROM alpine:3.20\nRUN echo a\nRUN echo b\nRUN echo c\n"
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("docker-lsp-server-config-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("service/nested"), withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try FileManager.default.removeItem(at: root)
  }

  func write(_ text: String, to relativePath: String) throws {
    try Data(text.utf8).write(to: root.appendingPathComponent(relativePath))
  }

  func uri(_ relativePath: String) -> String {
    root.appendingPathComponent(relativePath).absoluteString
  }

  /// Initializes with the scratch directory as the workspace folder and the given capabilities.
  func makeClient(configuration: Bool = false, watching: Bool = false) -> TestClient {
    let client = TestClient.inProcess()
    let params: JSONValue = [
      "processId": nil,
      "rootUri": nil,
      "workspaceFolders": [["uri": .string(root.absoluteString), "name": "scratch"]],
      "capabilities": [
        "workspace": [
          "configuration": .bool(configuration),
          "didChangeWatchedFiles": ["dynamicRegistration": .bool(watching)],
        ],
      ],
    ]
    _ = client.call("initialize", params)
    client.notify("initialized", [:])
    return client
  }

  func codes(_ diagnostics: JSONValue?) -> [String] {
    (diagnostics?["diagnostics"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
  }

  func testNearestConfigurationWalkingUpToTheWorkspaceFolder() throws {
    try write("ignored: [DL3059]\n", to: ".hadolint.yaml")
    try write("override:\n  error: [DL3059]\n", to: "service/.hadolint.yml")
    let client = makeClient()
    let nested = uri("service/nested/Dockerfile")
    client.open(nested, threeRuns)
    let diagnostics = client.nextDiagnostics(nested)?["diagnostics"]?.arrayValue ?? []
    XCTAssertEqual(diagnostics.map { $0["code"] }, ["DL3059", "DL3059"])
    XCTAssertEqual(diagnostics.map { $0["severity"] }, [1, 1])

    let top = uri("Dockerfile")
    client.open(top, threeRuns)
    XCTAssertEqual(codes(client.nextDiagnostics(top)), [])
  }

  func testSearchStopsAtTheWorkspaceFolder() throws {
    // The configuration above the workspace folder does not apply inside it.
    try write("ignored: [DL3059]\n", to: ".hadolint.yaml")
    let client = TestClient.inProcess()
    let service = root.appendingPathComponent("service").absoluteString
    _ = client.call("initialize", ["processId": nil, "rootUri": .string(service), "capabilities": [:]])
    client.notify("initialized", [:])
    let document = uri("service/nested/Dockerfile")
    client.open(document, threeRuns)
    XCTAssertEqual(codes(client.nextDiagnostics(document)), ["DL3059", "DL3059"])

    // Once the parent folder is part of the workspace, its configuration applies.
    client.notify("workspace/didChangeWorkspaceFolders", [
      "event": ["added": [["uri": .string(root.absoluteString), "name": "all"]], "removed": [["uri": .string(service), "name": "service"]]],
    ])
    XCTAssertEqual(codes(client.nextDiagnostics(document)), [])
  }

  func testPragmasApplyInTheServer() throws {
    let client = makeClient()
    let document = uri("Dockerfile")
    client.open(document, "# hadolint global ignore=DL3059\n" + threeRuns)
    XCTAssertEqual(codes(client.nextDiagnostics(document)), [])
  }

  func testRegistersWatcherAndReloadsOnChange() throws {
    let client = makeClient(watching: true)
    let registration = client.next(where: { $0["method"] == "client/registerCapability" }, description: "registerCapability")
    let entry = registration?["params"]?["registrations"]?.arrayValue?.first
    XCTAssertEqual(entry?["method"], "workspace/didChangeWatchedFiles")
    XCTAssertEqual(entry?["registerOptions"], ["watchers": [["globPattern": "**/.hadolint.{yaml,yml}"]]])
    if let id = registration?["id"] { client.send(["jsonrpc": "2.0", "id": id, "result": nil]) }

    let document = uri("service/Dockerfile")
    client.open(document, threeRuns)
    XCTAssertEqual(codes(client.nextDiagnostics(document)), ["DL3059", "DL3059"])

    try write("ignored: [DL3059]\n", to: "service/.hadolint.yaml")
    client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(uri("service/.hadolint.yaml")), "type": 1]]])
    XCTAssertEqual(codes(client.nextDiagnostics(document)), [])
  }

  func testNoWatcherWithoutDynamicRegistration() throws {
    let client = makeClient(watching: false)
    let document = uri("Dockerfile")
    client.open(document, threeRuns)
    _ = client.nextDiagnostics(document)
    XCTAssertFalse(client.drain().contains { $0["method"] == "client/registerCapability" })
  }

  func testInvalidConfigurationIsShownToTheUser() throws {
    try write("failure-threshold: fatal\nignored: [DL3059]\n", to: ".hadolint.yaml")
    let client = makeClient()
    let document = uri("Dockerfile")
    client.open(document, threeRuns)
    let message = client.nextNotification("window/showMessage")?["message"]?.stringValue ?? ""
    XCTAssertTrue(message.contains("line 1: `failure-threshold` must be one of error, warning, info, style, none; got `fatal`"), message)
    // The valid keys still apply.
    XCTAssertEqual(codes(client.nextDiagnostics(document)), [])
  }

  func testSettingsFromWorkspaceConfiguration() throws {
    let client = makeClient(configuration: true)
    let request = client.next(where: { $0["method"] == "workspace/configuration" }, description: "workspace/configuration")
    XCTAssertEqual(request?["params"], ["items": [["section": "docker-lsp"]]])

    let document = uri("Dockerfile")
    client.open(document, threeRuns)
    XCTAssertEqual(codes(client.nextDiagnostics(document)), ["DL3059", "DL3059"])

    // The response arrives after the document was opened, so the document is linted again.
    client.send(["jsonrpc": "2.0", "id": request?["id"] ?? nil, "result": [["override": ["warning": ["DL3059"]]]]])
    let relinted = client.nextDiagnostics(document)?["diagnostics"]?.arrayValue ?? []
    XCTAssertEqual(relinted.map { $0["severity"] }, [2, 2])

    // A change notification makes the server ask again.
    client.notify("workspace/didChangeConfiguration", ["settings": nil])
    let again = client.next(where: { $0["method"] == "workspace/configuration" }, description: "second workspace/configuration")
    client.send(["jsonrpc": "2.0", "id": again?["id"] ?? nil, "result": [["ignored": ["DL3059"]]]])
    XCTAssertEqual(codes(client.nextDiagnostics(document)), [])
  }

  func testSettingsPushedWithoutConfigurationSupport() throws {
    let client = makeClient(configuration: false)
    let document = uri("Dockerfile")
    client.open(document, threeRuns)
    XCTAssertEqual(codes(client.nextDiagnostics(document)), ["DL3059", "DL3059"])
    client.notify("workspace/didChangeConfiguration", ["settings": ["docker-lsp": ["disable-ignore-pragma": false, "ignored": ["DL3059"]]]])
    XCTAssertEqual(codes(client.nextDiagnostics(document)), [])
  }

  func testSettingsWinOverTheFile() throws {
    try write("override:\n  error: [DL3059]\n", to: ".hadolint.yaml")
    let client = makeClient(configuration: false)
    let document = uri("Dockerfile")
    client.open(document, threeRuns)
    XCTAssertEqual(client.nextDiagnostics(document)?["diagnostics"]?.arrayValue?.map { $0["severity"] }, [1, 1])
    client.notify("workspace/didChangeConfiguration", ["settings": ["docker-lsp": ["override": ["style": ["DL3059"]]]]])
    XCTAssertEqual(client.nextDiagnostics(document)?["diagnostics"]?.arrayValue?.map { $0["severity"] }, [4, 4])
  }

  func testIgnoreCodeActionInsertsAndExtendsTheComment() throws {
    let client = makeClient()
    let document = uri("Dockerfile")
    let text = "FROM alpine:3.20\r\nRUN echo a\r\n  RUN echo b\r\n"
    client.open(document, text)
    _ = client.nextDiagnostics(document)
    let response = client.call("textDocument/codeAction", [
      "textDocument": LSP.textDocument(document), "range": LSP.range(2, 4, 2, 4), "context": ["diagnostics": [], "only": ["quickfix"]],
    ])
    let actions = response?["result"]?.arrayValue ?? []
    let ignore = actions.first { $0["title"] == "Ignore DL3059 for this instruction" }
    XCTAssertEqual(ignore?["kind"], "quickfix")
    XCTAssertEqual(ignore?["isPreferred"], false)
    let edits = ignore?["edit"]?["changes"]?[document]?.arrayValue ?? []
    XCTAssertEqual(edits, [["range": LSP.range(2, 0, 2, 0), "newText": "  # hadolint ignore=DL3059\r\n"]])
    let ignored = LSP.apply(edits, to: text, encoding: .utf16)
    XCTAssertEqual(ignored, "FROM alpine:3.20\r\nRUN echo a\r\n  # hadolint ignore=DL3059\r\n  RUN echo b\r\n")

    let withComment = "FROM alpine:3.20\nRUN echo a\n# hadolint ignore=DL3008\nRUN echo b\n"
    client.change(document, version: 2, [["text": .string(withComment)]])
    _ = client.nextDiagnostics(document)
    let extended = client.call("textDocument/codeAction", [
      "textDocument": LSP.textDocument(document), "range": LSP.range(3, 0, 3, 0), "context": ["diagnostics": []],
    ])
    let extend = extended?["result"]?.arrayValue?.first { $0["title"] == "Ignore DL3059 for this instruction" }
    XCTAssertEqual(extend?["edit"]?["changes"]?[document], [["range": LSP.range(2, 24, 2, 24), "newText": ",DL3059"]])
  }
}
