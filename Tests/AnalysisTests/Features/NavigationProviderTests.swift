import Analysis
import XCTest

final class NavigationProviderTests: XCTestCase {
  private let text = """
    ARG VERSION=3.19
    FROM alpine:$VERSION AS Build
    ARG VERSION
    ENV APP=/app
    RUN echo "$VERSION ${APP}/bin" '$APP'
    FROM build AS test
    RUN --mount=type=cache,from=build,target=/c echo $APP
    COPY --from=BUILD /out /out
    ENV APP=$APP/x

    """

  private var document: Document { Document(text: text) }

  func testStageReferencesGoToTheirDeclaration() {
    let declaration = byteRange(of: "Build", in: text)
    for offset in [byteRange(of: "build", in: text, occurrence: 0).lowerBound,
                   byteRange(of: "from=build", in: text).lowerBound + 5,
                   byteRange(of: "BUILD", in: text).upperBound] {
      XCTAssertEqual(NavigationProvider.definition(in: document, at: offset), declaration, "offset \(offset)")
    }
  }

  func testVariablesResolveWithBuildKitScoping() {
    let global = byteRange(of: "VERSION", in: text, occurrence: 0)
    // `$VERSION` in FROM uses the global ARG.
    XCTAssertEqual(NavigationProvider.definition(in: document, at: byteRange(of: "VERSION", in: text, occurrence: 1).lowerBound), global)
    // Inside the stage it resolves to the redeclaration, which itself points to the global.
    let redeclared = byteRange(of: "VERSION", in: text, occurrence: 2)
    XCTAssertEqual(NavigationProvider.definition(in: document, at: byteRange(of: "VERSION", in: text, occurrence: 3).lowerBound), redeclared)
    XCTAssertEqual(NavigationProvider.definition(in: document, at: redeclared.lowerBound), global)
  }

  func testReferencesFollowInheritedEnv() {
    let env = byteRange(of: "APP", in: text, occurrence: 0)
    let references = NavigationProvider.references(in: document, at: env.lowerBound, includeDeclaration: true)
    XCTAssertEqual(references, [
      env,
      byteRange(of: "APP", in: text, occurrence: 1),
      byteRange(of: "APP", in: text, occurrence: 3),
      byteRange(of: "APP", in: text, occurrence: 4),
      byteRange(of: "APP", in: text, occurrence: 5),
    ])
    let withoutDeclarations = NavigationProvider.references(in: document, at: env.lowerBound, includeDeclaration: false)
    XCTAssertEqual(withoutDeclarations.count, 3)
  }

  func testGlobalArgNeedsRedeclaration() {
    let source = "ARG V=1\nFROM alpine\nRUN echo $V\n"
    XCTAssertNil(NavigationProvider.definition(in: Document(text: source), at: byteRange(of: "V", in: source, occurrence: 1).lowerBound))
  }

  func testRunHeredocBodiesUseVariablesUnlessQuoted() {
    let source = "FROM a\nARG V\nRUN <<EOF\necho $V\nEOF\nRUN <<'EOF'\necho $V\nEOF\n"
    let document = Document(text: source)
    let declaration = byteRange(of: "V", in: source, occurrence: 0)
    XCTAssertEqual(NavigationProvider.definition(in: document, at: byteRange(of: "$V", in: source, occurrence: 0).upperBound), declaration)
    XCTAssertNil(NavigationProvider.definition(in: document, at: byteRange(of: "$V", in: source, occurrence: 1).upperBound))
  }

  func testHighlightsMarkDeclarations() {
    let highlights = NavigationProvider.highlights(in: document, at: byteRange(of: "test", in: text).lowerBound)
    XCTAssertEqual(highlights, [SymbolHighlight(range: byteRange(of: "test", in: text), isDeclaration: true)])
  }

  func testRenameStageEditsEveryReference() throws {
    let edits = try RenameProvider.rename(in: document, at: byteRange(of: "BUILD", in: text).lowerBound, to: "compile").get()
    let renamed = String(decoding: TextEdit.apply(edits, to: Array(text.utf8)), as: UTF8.self)
    XCTAssertEqual(renamed, text.replacingOccurrences(of: "Build", with: "compile").replacingOccurrences(of: "build", with: "compile")
      .replacingOccurrences(of: "BUILD", with: "compile"))
  }

  func testRenameVariableKeepsGlobalAndRedeclarationTogether() throws {
    let edits = try RenameProvider.rename(in: document, at: byteRange(of: "VERSION", in: text).lowerBound, to: "ALPINE").get()
    let renamed = String(decoding: TextEdit.apply(edits, to: Array(text.utf8)), as: UTF8.self)
    XCTAssertEqual(renamed, text.replacingOccurrences(of: "VERSION", with: "ALPINE"))
  }

  func testRenameRejectsInvalidNames() {
    let stage = byteRange(of: "Build", in: text).lowerBound
    XCTAssertEqual(RenameProvider.rename(in: document, at: stage, to: "1st").failureMessage,
                   "Invalid stage name `1st`: use a letter, then letters, digits, `-`, `_` or `.`")
    XCTAssertEqual(RenameProvider.rename(in: document, at: stage, to: "TEST").failureMessage, "A stage named `TEST` already exists")
    XCTAssertEqual(RenameProvider.rename(in: document, at: byteRange(of: "APP", in: text).lowerBound, to: "a-b").failureMessage,
                   "Invalid variable name `a-b`: use a letter or `_`, then letters, digits or `_`")
    XCTAssertEqual(RenameProvider.rename(in: document, at: 0, to: "x").failureMessage, "No stage name or variable at this position")
    XCTAssertEqual(RenameProvider.rename(in: document, at: byteRange(of: "APP", in: text).lowerBound, to: "VERSION").failureMessage,
                   "A variable named `VERSION` is already declared")
  }

  func testPrepareRenameGivesNameAndPlaceholder() {
    let prepared = RenameProvider.prepare(in: document, at: byteRange(of: "${APP}", in: text).lowerBound + 3)
    XCTAssertEqual(prepared?.range, byteRange(of: "APP}", in: text).lowerBound..<byteRange(of: "APP}", in: text).lowerBound + 3)
    XCTAssertEqual(prepared?.placeholder, "APP")
    XCTAssertNil(RenameProvider.prepare(in: document, at: byteRange(of: "echo", in: text).lowerBound))
  }
}

extension Result where Failure == RenameError {
  var failureMessage: String? {
    if case .failure(let error) = self { return error.message }
    return nil
  }
}
