import Analysis
import XCTest
@testable import DockerLSP

/// The document-symbol result is written as JSON text without a `JSONValue` tree, so its exact
/// bytes are checked here: member order, optional members and escapes.
final class DocumentSymbolEncoderTests: XCTestCase {
  func testEncoderWritesExactJSON() {
    let text = "ARG V=1\nFROM alpine\nRUN echo \"hi\" && echo 0123456789012345678901234567890123456789012345678901234567890\n"
    let document = Document(text: text)
    let converter = LSPConverter(source: document.source, encoding: .utf16)
    let bytes = DocumentSymbolEncoder(converter: converter).encode(DocumentSymbolProvider.symbols(in: document))
    let run = #"echo \"hi\" && echo 01234567890123456789012345678901234567890…"#
    XCTAssertEqual(
      String(decoding: bytes, as: UTF8.self),
      #"[{"name":"V","detail":"ARG","kind":13,"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":7}},"#
        + #""selectionRange":{"start":{"line":0,"character":4},"end":{"line":0,"character":5}}},"#
        + #"{"name":"alpine","kind":2,"range":{"start":{"line":1,"character":0},"end":{"line":2,"character":83}},"#
        + #""selectionRange":{"start":{"line":1,"character":5},"end":{"line":1,"character":11}},"#
        + #""children":[{"name":"RUN","detail":""# + run + #"","kind":12,"#
        + #""range":{"start":{"line":2,"character":0},"end":{"line":2,"character":83}},"#
        + #""selectionRange":{"start":{"line":2,"character":0},"end":{"line":2,"character":3}}}]}]"#)
  }

  func testEmptyOutlineIsEmptyArray() {
    let document = Document(text: "# only a comment\n")
    let converter = LSPConverter(source: document.source, encoding: .utf16)
    XCTAssertEqual(DocumentSymbolEncoder(converter: converter).encode(DocumentSymbolProvider.symbols(in: document)), Array("[]".utf8))
  }

  func testEncodedResponseMatchesValueResponse() throws {
    let result = #"[{"name":"a\"b","kind":2}]"#
    let value = try JSONParser.parse(result)
    for id in [RequestID.int(7), .string("x\"y"), nil] {
      let body = OutgoingMessage.responseBody(id: id, encodedResult: Array(result.utf8))
      XCTAssertEqual(String(decoding: body, as: UTF8.self), OutgoingMessage.response(id: id, result: value).jsonText)
    }
  }
}
