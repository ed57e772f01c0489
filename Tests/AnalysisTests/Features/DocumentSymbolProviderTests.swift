import Analysis
import XCTest

final class DocumentSymbolProviderTests: XCTestCase {
  func testStagesNestInstructionsGlobalsFirst() {
    let text = """
      ARG BASE=alpine
      FROM $BASE AS build
      ENV A=1 B=2
      LABEL "org.key"=x
      RUN make \\
        all
      FROM scratch
      COPY --from=build /out /out
      ONBUILD RUN true

      """
    let symbols = DocumentSymbolProvider.symbols(in: Document(text: text))
    XCTAssertEqual(symbols.map(\.name), ["BASE", "build", "scratch"])
    XCTAssertEqual(symbols.map(\.kind), [.variable, .class, .module])
    XCTAssertEqual(symbols[0].selectionRange, byteRange(of: "BASE", in: text))
    XCTAssertEqual(symbols[0].range, 0..<15)

    let build = symbols[1]
    XCTAssertEqual(build.detail, "$BASE")
    XCTAssertEqual(build.selectionRange, byteRange(of: "build", in: text))
    XCTAssertEqual(build.range, byteRange(of: "FROM $BASE", in: text).lowerBound..<byteRange(of: "  all", in: text).upperBound)
    XCTAssertEqual(build.children.map(\.name), ["A", "B", "org.key", "RUN"])
    XCTAssertEqual(build.children.map(\.kind), [.variable, .variable, .property, .function])
    XCTAssertEqual(build.children[1].selectionRange, byteRange(of: "B=2", in: text).lowerBound..<byteRange(of: "B=2", in: text).lowerBound + 1)
    XCTAssertEqual(build.children[2].selectionRange, byteRange(of: "\"org.key\"", in: text))
    XCTAssertEqual(build.children[3].detail, "make   all")
    XCTAssertEqual(build.children[3].selectionRange, byteRange(of: "RUN", in: text))

    let scratch = symbols[2]
    XCTAssertEqual(scratch.selectionRange, byteRange(of: "scratch", in: text))
    XCTAssertEqual(scratch.children.map(\.name), ["COPY", "ONBUILD"])
    XCTAssertEqual(scratch.children.map(\.kind), [.function, .event])
  }

  func testDetailCutsAfterSixtyCharacters() {
    // Characters, not bytes: "é" takes two bytes.
    let sixty = String(repeating: "é", count: 60)
    let exact = DocumentSymbolProvider.symbols(in: Document(text: "RUN \(sixty)\n"))
    XCTAssertEqual(exact.first?.detail, sixty)
    let longer = DocumentSymbolProvider.symbols(in: Document(text: "RUN \(sixty)x\n"))
    XCTAssertEqual(longer.first?.detail, String(repeating: "é", count: 59) + "…")
  }

  func testEmptyDocumentHasNoSymbols() {
    XCTAssertEqual(DocumentSymbolProvider.symbols(in: Document(text: "# just a comment\n")), [])
  }
}
