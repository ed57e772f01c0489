import XCTest
@testable import Analysis

final class KeyValueArgumentsTests: XCTestCase {
  func entries(_ text: String, index: Int = 1) -> (source: String, entries: [KeyValueEntry]) {
    let document = Document(text: text)
    let instruction = document.tree.instructions[index]
    return (text, KeyValueArguments.entries(of: instruction, escape: document.tree.escapeCharacter))
  }

  func slice(_ text: String, _ range: Range<Int>?) -> String? {
    range.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
  }

  func testPairsAreUnquoted() {
    let (text, result) = entries("FROM a\nLABEL \"a.b\"=\"x y\" c='$d' e=\\$f g=$h\n")
    XCTAssertEqual(result.map(\.key), ["a.b", "c", "e", "g"])
    XCTAssertEqual(result.map(\.value), ["x y", "$d", "$f", "$h"])
    XCTAssertEqual(result.map(\.valueHasExpansion), [false, false, false, true])
    XCTAssertEqual(slice(text, result[0].keyRange), "\"a.b\"")
    XCTAssertEqual(slice(text, result[0].valueRange), "\"x y\"")
  }

  func testLegacyFormTakesRestOfLine() {
    let (text, result) = entries("FROM a\nENV name some value\n")
    XCTAssertEqual(result.map(\.key), ["name"])
    XCTAssertEqual(result.map(\.value), ["some value"])
    XCTAssertEqual(slice(text, result[0].valueRange), "some value")
  }

  func testEmptyValueRangeIsAfterEquals() {
    let (text, result) = entries("FROM a\nLABEL a= b=\"\"\n")
    XCTAssertEqual(result.map(\.value), ["", ""])
    XCTAssertEqual(result[0].valueRange?.isEmpty, true)
    XCTAssertEqual(result[0].valueRange?.lowerBound, Array(text.utf8).firstIndex(of: UInt8(ascii: "=")).map { $0 + 1 })
  }

  func testArgNamesWithoutDefaults() {
    let (_, result) = entries("ARG A B=2\n", index: 0)
    XCTAssertEqual(result.map(\.key), ["A", "B"])
    XCTAssertEqual(result.map(\.value), [nil, "2"])
  }

  func testRangesFollowContinuations() {
    let (text, result) = entries("FROM a\nLABEL a=1 \\\n  bb=2\n")
    XCTAssertEqual(slice(text, result[1].keyRange), "bb")
    XCTAssertEqual(slice(text, result[1].valueRange), "2")
  }

  func testBacktickEscapeCharacter() {
    let (text, result) = entries("# escape=`\nFROM a\nLABEL k=a`$b \"c`\"d\"= `\n  e=f\n", index: 1)
    XCTAssertEqual(result.map(\.key), ["k", "c\"d", "e"])
    XCTAssertEqual(result.map(\.value), ["a$b", "", "f"])
    XCTAssertEqual(result.map(\.valueHasExpansion), [false, false, false])
    XCTAssertEqual(slice(text, result[2].keyRange), "e")
  }
}
