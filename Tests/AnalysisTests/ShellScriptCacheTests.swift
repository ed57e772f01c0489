import XCTest

@testable import Analysis

final class ShellScriptCacheTests: XCTestCase {
  private let dockerfile = """
    FROM debian:bookworm
    RUN apt-get update && apt-get install -y curl
    RUN cd /tmp && make
    RUN <<EOF
    cd /src
    make install
    EOF

    """

  func testCachedLintMatchesFreshLint() {
    let linter = Linter()
    let cache = ShellScriptCache()
    var document = Document(text: dockerfile)
    XCTAssertEqual(summary(linter.lint(document, cache: cache)), summary(linter.lint(document)))

    // Edit inside the second RUN, then undo it: each version's findings must match a fresh lint.
    let offset = Array(document.source.bytes).firstIndex(of: UInt8(ascii: "m"))!
    document.apply(TextEdit(range: offset..<offset, newText: "c"))
    XCTAssertEqual(summary(linter.lint(document, cache: cache)), summary(linter.lint(document)))
    document.apply(TextEdit(range: offset..<(offset + 1), newText: ""))
    XCTAssertEqual(summary(linter.lint(document, cache: cache)), summary(linter.lint(document)))
    XCTAssertFalse(linter.lint(document).isEmpty)
  }

  func testCacheDropsUnusedScripts() {
    let cache = ShellScriptCache()
    cache.startGeneration()
    let first = cache.script(for: Array("cd /tmp && make".utf8))
    _ = cache.script(for: Array("echo one".utf8))
    XCTAssertEqual(cache.count, 2)

    // The next generation uses only one script; the other survives one generation unused.
    cache.startGeneration()
    let again = cache.script(for: Array("cd /tmp && make".utf8))
    XCTAssertEqual(again, first)
    XCTAssertEqual(cache.count, 2)

    cache.startGeneration()
    XCTAssertEqual(cache.count, 1)
    cache.startGeneration()
    XCTAssertEqual(cache.count, 0)
  }

  func testContextParsesScriptsOnce() {
    let context = RuleContext(document: Document(text: dockerfile))
    let runIndex = 1
    let first = context.runScripts(ofInstructionAt: runIndex)
    let second = context.runScripts(ofInstructionAt: runIndex)
    XCTAssertEqual(first.map(\.script), second.map(\.script))
    XCTAssertEqual(first.map(\.script.bytes), [Array("apt-get update && apt-get install -y curl".utf8)])
    XCTAssertEqual(context.shellScript(parsing: Array("make".utf8)).simpleCommands().count, 1)
  }

  private func summary(_ findings: [Finding]) -> [String] {
    findings.map { "\($0.ruleID) \($0.range) \($0.message) \($0.fixes.count)" }
  }
}

final class ShellScriptCacheReuseTests: XCTestCase {
  func testSecondLintParsesNothing() {
    let text = "FROM debian\nRUN <<EOF\necho one\necho two\nEOF\nRUN <<EOF\necho three\nEOF\nRUN cd /tmp && make\n"
    let linter = Linter()
    let cache = ShellScriptCache()
    let document = Document(text: text)
    _ = linter.lint(document, cache: cache)
    let afterFirst = cache.count
    _ = linter.lint(document, cache: cache)
    XCTAssertEqual(cache.count, afterFirst)
    _ = linter.lint(document, cache: cache)
    XCTAssertEqual(cache.count, afterFirst)
  }

  func testIdenticalScriptsShareOneEntry() {
    let linter = Linter()
    let cache = ShellScriptCache()
    _ = linter.lint(Document(text: "FROM debian\nRUN make all\nRUN make all\nRUN make all\n"), cache: cache)
    XCTAssertEqual(cache.count, 1)
  }
}
