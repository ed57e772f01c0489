import Analysis
import Foundation
import XCTest
@testable import DockerLSP

/// Runs the built `docker-lsp` binary as a child process and drives it over its stdio, as an
/// editor does. Builds nothing: `swift test` builds the binary next to the test bundle.
final class EndToEndTests: XCTestCase {
  private let uri = "file:///project/Dockerfile"

  /// Returns the `docker-lsp` executable in the products directory that contains the test bundle. On macOS
  /// the bundle is a `.xctest` directory inside it; on Linux, `Bundle(for:)` is the main bundle,
  /// whose URL is the products directory itself.
  private func binaryURL() throws -> URL {
    let bundleURL = Bundle(for: EndToEndTests.self).bundleURL
    let productsDirectory = bundleURL.pathExtension == "xctest" ? bundleURL.deletingLastPathComponent() : bundleURL
    let url = productsDirectory.appendingPathComponent("docker-lsp")
    guard FileManager.default.isExecutableFile(atPath: url.path) else {
      XCTFail("No docker-lsp executable at \(url.path); run `swift build` first")
      throw CocoaError(.fileNoSuchFile)
    }
    return url
  }

  /// The diagnostics that the server must publish for `text`: the linter's findings, converted
  /// here independently of the server's code, with UTF-16 columns.
  private func expectedDiagnostics(for text: String) -> JSONValue {
    let document = Document(text: text)
    let severities: [Severity: Int] = [.error: 1, .warning: 2, .info: 3, .style: 4]
    func position(_ offset: Int) -> JSONValue {
      let position = document.source.position(of: offset, encoding: .utf16)
      return LSP.position(position.line, position.character)
    }
    return .array(Linter().lint(document).map { finding in
      var object = JSONObject()
      object["range"] = ["start": position(finding.range.lowerBound), "end": position(finding.range.upperBound)]
      object["severity"] = .int(severities[finding.severity]!)
      object["code"] = .string(finding.ruleID)
      if finding.ruleID.hasPrefix("DL") {
        object["codeDescription"] = ["href": .string("https://github.com/hadolint/hadolint/wiki/\(finding.ruleID)")]
      }
      object["source"] = "docker-lsp"
      object["message"] = .string(finding.message)
      return .object(object)
    })
  }

  /// Checks that `edit` is a WorkspaceEdit with `changes` for this test's document only, and
  /// returns its text edits.
  private func textEdits(of edit: JSONValue?, file: StaticString = #filePath, line: UInt = #line) -> [JSONValue] {
    let changes = edit?["changes"]?.objectValue
    XCTAssertEqual(changes?.keys, [uri], file: file, line: line)
    let edits = changes?[uri]?.arrayValue ?? []
    for textEdit in edits {
      XCTAssertNotNil(textEdit["range"]?["start"]?["line"]?.intValue, file: file, line: line)
      XCTAssertNotNil(textEdit["range"]?["end"]?["character"]?.intValue, file: file, line: line)
      XCTAssertNotNil(textEdit["newText"]?.stringValue, file: file, line: line)
    }
    return edits
  }

  func testBinaryServesFullSession() throws {
    let client = try TestClient.launch(try binaryURL())
    let initializeResult = client.initialize()
    XCTAssertEqual(initializeResult?["serverInfo"]?["name"], "docker-lsp")
    XCTAssertEqual(initializeResult?["capabilities"]?["positionEncoding"], "utf-16")

    // Line 3 is an unknown instruction, a syntax error.
    var text = "FROM alpine:3.19\nRUN apk add --no-cache curl\nRUN echo one\nFROBNICATE everything\nRUN echo two\n"
    client.open(uri, text)
    let opened = client.nextDiagnostics(uri)
    XCTAssertEqual(opened?["version"], .int(1))
    XCTAssertEqual(opened?["diagnostics"], expectedDiagnostics(for: text))

    let hover = client.call("textDocument/hover", ["textDocument": LSP.textDocument(uri), "position": LSP.position(1, 1)])
    XCTAssertNil(hover?["error"])
    let hoverResult = try XCTUnwrap(hover?["result"])
    if !hoverResult.isNull {
      XCTAssertEqual(hoverResult["contents"]?["kind"], "markdown")
      XCTAssertNotNil(hoverResult["contents"]?["value"]?.stringValue)
      XCTAssertNotNil(hoverResult["range"]?["start"]?["line"]?.intValue)
    }

    let codeAction = client.call("textDocument/codeAction", [
      "textDocument": LSP.textDocument(uri), "range": LSP.range(0, 0, 5, 0), "context": ["diagnostics": []],
    ])
    let actions = try XCTUnwrap(codeAction?["result"]?.arrayValue)
    for action in actions {
      XCTAssertNotNil(action["title"]?.stringValue)
      XCTAssertTrue(["quickfix", "refactor.rewrite", "source.fixAll"].contains(action["kind"]?.stringValue ?? ""))
      _ = textEdits(of: action["edit"])
    }

    // Apply the first action's edit to this copy of the text, or fix the line by hand when
    // the linter offers no fix.
    if let firstEdit = actions.first?["edit"] {
      text = LSP.apply(textEdits(of: firstEdit), to: text, encoding: .utf16)
    } else {
      text = LSP.apply([["range": LSP.range(3, 0, 3, 21), "newText": "RUN echo fixed"]], to: text, encoding: .utf16)
    }
    client.change(uri, version: 2, [["text": .string(text)]])
    let changed = client.nextDiagnostics(uri)
    XCTAssertEqual(changed?["version"], .int(2))
    XCTAssertEqual(changed?["diagnostics"], expectedDiagnostics(for: text))

    XCTAssertEqual(client.shutdownAndExit(), 0)
  }

  /// A whole editing session on a real multi-RUN Dockerfile: diagnostics, hover on a keyword and
  /// on a finding, the merge quick fix applied as an editor would, and the new diagnostics.
  func testMergeRunQuickFix() throws {
    let text = "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n"
    let client = try TestClient.launch(try binaryURL())
    client.initialize()
    client.open(uri, text)
    let diagnostics = client.nextDiagnostics(uri)?["diagnostics"]?.arrayValue ?? []
    let merge = try XCTUnwrap(diagnostics.first { $0["code"] == "DL3059" })
    XCTAssertEqual(merge["range"], LSP.range(2, 0, 2, 27))
    XCTAssertEqual(merge["severity"], .int(3))
    XCTAssertEqual(merge["source"], "docker-lsp")
    XCTAssertEqual(merge["codeDescription"]?["href"], "https://github.com/hadolint/hadolint/wiki/DL3059")

    let keywordHover = client.call("textDocument/hover", ["textDocument": LSP.textDocument(uri), "position": LSP.position(0, 1)])
    XCTAssertEqual(keywordHover?["result"]?["contents"]?["value"]?.stringValue, InstructionDocs.markdown(for: .from))
    let findingHover = client.call("textDocument/hover", ["textDocument": LSP.textDocument(uri), "position": LSP.position(2, 5)])
    let findingDocs = try XCTUnwrap(findingHover?["result"]?["contents"]?["value"]?.stringValue)
    XCTAssertTrue(findingDocs.contains("**DL3059**"), findingDocs)

    let response = client.call("textDocument/codeAction", [
      "textDocument": LSP.textDocument(uri), "range": try XCTUnwrap(merge["range"]),
      "context": ["diagnostics": [merge], "only": ["quickfix"]],
    ])
    let actions = response?["result"]?.arrayValue ?? []
    let action = try XCTUnwrap(actions.first { $0["title"] == "Merge with the previous RUN" })
    XCTAssertEqual(action["kind"], "quickfix")
    XCTAssertEqual(action["isPreferred"], .bool(true))
    XCTAssertEqual(action["diagnostics"]?.arrayValue?.first?["code"], "DL3059")

    let merged = LSP.apply(textEdits(of: action["edit"]), to: text, encoding: .utf16)
    XCTAssertEqual(merged, "FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl\n")
    client.change(uri, version: 2, [["text": .string(merged)]])
    let after = client.nextDiagnostics(uri)
    XCTAssertEqual(after?["version"], .int(2))
    XCTAssertFalse((after?["diagnostics"]?.arrayValue ?? []).contains { $0["code"] == "DL3059" })
    XCTAssertEqual(client.shutdownAndExit(), 0)
  }

  /// The server moves the protocol to a copy of stdout and points fd 1 at stderr, so a stray
  /// print cannot corrupt the message stream.
  func testBinaryPointsStandardOutputAtStandardError() throws {
    #if os(Linux)
    let client = try TestClient.launch(try binaryURL())
    XCTAssertNotNil(client.initialize())
    let processID = try XCTUnwrap(client.processID)
    let fileManager = FileManager.default
    let standardOutput = try fileManager.destinationOfSymbolicLink(atPath: "/proc/\(processID)/fd/1")
    let standardError = try fileManager.destinationOfSymbolicLink(atPath: "/proc/\(processID)/fd/2")
    XCTAssertEqual(standardOutput, standardError)
    XCTAssertEqual(client.shutdownAndExit(), 0)
    #else
    throw XCTSkip("Reading another process's descriptors needs /proc")
    #endif
  }

  func testBinaryExitCodeWithoutShutdown() throws {
    let client = try TestClient.launch(try binaryURL())
    client.initialize()
    client.notify("exit")
    XCTAssertEqual(client.waitForExit(), 1)
  }

  func testBinaryStopsOnBadHeader() throws {
    let client = try TestClient.launch(try binaryURL())
    client.sendRaw(Array("Content-Length: nope\r\n\r\n".utf8))
    XCTAssertEqual(client.waitForExit(), 1)
  }
}
