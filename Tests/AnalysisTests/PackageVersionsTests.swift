import XCTest
@testable import Analysis

final class PackageVersionsTests: XCTestCase {
  func testAptPins() {
    XCTAssertTrue(PackageVersions.isAptPinned("curl=7.88.1-10"))
    XCTAssertTrue(PackageVersions.isAptPinned("curl=7.*"))
    XCTAssertTrue(PackageVersions.isAptPinned("curl/bookworm-backports"))
    XCTAssertTrue(PackageVersions.isAptPinned("pkg.deb"))
    XCTAssertFalse(PackageVersions.isAptPinned("curl"))
  }

  func testPipPins() {
    XCTAssertTrue(PackageVersions.isPipPinned("flask[async]==3.0"))
    XCTAssertTrue(PackageVersions.isPipPinned("flask>2"))
    XCTAssertTrue(PackageVersions.isPipPinned("app @ https://example.com/app.zip"))
    XCTAssertTrue(PackageVersions.isPipPinned("git+https://github.com/org/app@v1#egg=app"))
    XCTAssertTrue(PackageVersions.isPipPinned("."))
    XCTAssertFalse(PackageVersions.isPipPinned("flask[async]"))
    XCTAssertFalse(PackageVersions.isPipPinned("git+ssh://git@github.com/org/app"))
    XCTAssertFalse(PackageVersions.isPipPinned("git+https://github.com/org/app#egg=a@b"))
    XCTAssertFalse(PackageVersions.isPipPinned("app @ git+https://github.com/org/app"))
  }

  func testNpmPins() {
    XCTAssertTrue(PackageVersions.isNpmPinned("@scope/pkg@1.2.3"))
    XCTAssertTrue(PackageVersions.isNpmPinned("pkg@^1"))
    XCTAssertTrue(PackageVersions.isNpmPinned("github:org/repo#v1"))
    XCTAssertTrue(PackageVersions.isNpmPinned("file:../pkg"))
    XCTAssertFalse(PackageVersions.isNpmPinned("@scope/pkg"))
    XCTAssertFalse(PackageVersions.isNpmPinned("pkg@latest"))
    XCTAssertFalse(PackageVersions.isNpmPinned("https://example.com/pkg"))
  }

  func testRPMDashHeuristic() {
    XCTAssertTrue(PackageVersions.isRPMPinned("python3-pip-21.3.1"))
    XCTAssertTrue(PackageVersions.isRPMPinned("foo-1:2.3-4.el9"))
    XCTAssertTrue(PackageVersions.isRPMPinned("@nodejs:20"))
    XCTAssertFalse(PackageVersions.isRPMPinned("python3-pip"))
    XCTAssertFalse(PackageVersions.isRPMPinned("gcc-c++"))
    XCTAssertFalse(PackageVersions.isRPMPinned("foo-"))
    XCTAssertFalse(PackageVersions.isRPMPinned("foo-1.2*"))
  }

  func testGoPins() {
    XCTAssertTrue(PackageVersions.isGoPinned("example.com/a@v1.2.3"))
    XCTAssertTrue(PackageVersions.isGoPinned("./..."))
    XCTAssertFalse(PackageVersions.isGoPinned("example.com/a@latest"))
    XCTAssertFalse(PackageVersions.isGoPinned("example.com/a"))
  }

  func testGoFlagsStopAtFirstPositional() throws {
    let script = ShellParser.parse(Array("go install -tags netgo -ldflags=-s --trimpath -o out example.com/a b -v".utf8))
    let words = try XCTUnwrap(script.simpleCommands().first).command.words
    let positional = PackageVersions.goPositionalArguments(Array(words.dropFirst(2)))
    XCTAssertEqual(positional.compactMap(\.literalValue), ["example.com/a", "b", "-v"])
  }

  func testDroppingQuery() {
    XCTAssertEqual(PackageVersions.droppingQuery("express@latest"), "express")
    XCTAssertEqual(PackageVersions.droppingQuery("@scope/pkg"), "@scope/pkg")
    XCTAssertEqual(PackageVersions.droppingQuery("@scope/pkg@latest"), "@scope/pkg")
  }

  func testJudgedTextReplacesExpansions() throws {
    let script = ShellParser.parse(Array("x curl=\"${V}\" 'a'b".utf8))
    let words = try XCTUnwrap(script.simpleCommands().first).command.words
    XCTAssertEqual(PackageVersions.judgedText(words[1].parts), "curl=1")
    XCTAssertEqual(PackageVersions.judgedText(words[2].parts), "ab")
  }

  func testJSONEscapesMapToTheirSource() throws {
    let text = "FROM debian\nRUN [\"sh\", \"-c\", \"a \\\"b\\\" \\u00e9 c\"]\n"
    let document = Document(text: text)
    let element = try XCTUnwrap(document.tree.instructions[1].execForm?.elements[2])
    let logical = PackageInstalls.jsonStringText(element, source: document.source.bytes)
    XCTAssertEqual(String(decoding: logical.bytes, as: UTF8.self), "a \"b\" é c")
    let cOffset = logical.bytes.count - 1
    XCTAssertEqual(document.source[logical.sourceRange(cOffset..<(cOffset + 1))], "c")
  }
}
