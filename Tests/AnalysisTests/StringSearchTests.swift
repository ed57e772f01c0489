import XCTest

@testable import Analysis

final class StringSearchTests: XCTestCase {
  func testFindsASCIISubstrings() {
    XCTAssertTrue("github_token".contains("token"))
    XCTAssertTrue("token".contains("token"))
    XCTAssertTrue("anything".contains(""))
    XCTAssertTrue("".contains(""))
    XCTAssertFalse("tok".contains("token"))
    XCTAssertFalse("tokem_token".contains("tokens"))
    XCTAssertFalse("".contains("a"))
  }

  func testMatchesStandardSearchOnOtherText() {
    // `\r\n` is one character, so neither half occurs on its own.
    XCTAssertFalse("a\r\nb".contains("\n"))
    XCTAssertFalse("a\r\nb".contains("\r"))
    XCTAssertTrue("a\r\nb".contains("\r\n"))
    XCTAssertTrue("café_password".contains("password"))
    XCTAssertTrue("naïve".contains("ïv"))
    // A decomposed `é` is one character, so the plain `e` inside it does not match.
    XCTAssertFalse("cafe\u{301}".contains("cafe"))
  }
}
