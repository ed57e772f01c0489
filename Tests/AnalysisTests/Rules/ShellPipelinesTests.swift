import XCTest
@testable import Analysis

final class ShellPipelinesTests: XCTestCase {
  func pipelineTexts(_ script: String) -> [String] {
    let parsed = ShellParser.parse(Array(script.utf8))
    return parsed.multiCommandPipelines().map { parsed.text($0.range) }
  }

  func testPipelinesAreFoundEverywhere() {
    XCTAssertEqual(pipelineTexts("a | b"), ["a | b"])
    XCTAssertEqual(pipelineTexts("x=$(c | d) e"), ["c | d"])
    XCTAssertEqual(pipelineTexts("if a | b; then c | d; fi"), ["a | b", "c | d"])
    XCTAssertEqual(pipelineTexts("f() { a | b; }"), ["a | b"])
    XCTAssertEqual(pipelineTexts("(a | b) | c"), ["(a | b) | c", "a | b"])
    XCTAssertEqual(pipelineTexts("for i in $(ls | sort); do :; done"), ["ls | sort"])
  }

  func testSingleCommandsAndQuotesAreNotPipelines() {
    XCTAssertEqual(pipelineTexts("a || b && c"), [])
    XCTAssertEqual(pipelineTexts("echo 'a | b' \"c | d\""), [])
  }
}
