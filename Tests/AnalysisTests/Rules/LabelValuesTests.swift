import XCTest
@testable import Analysis

final class LabelValuesTests: XCTestCase {
  func testURLs() {
    for valid in ["https://example.com", "mailto:a@b", "urn:isbn:123", "http://", "ftp://x/y?z#f", "https://a.b/%20c"] {
      XCTAssertTrue(LabelValues.isURL(valid), valid)
    }
    for invalid in ["example.com", "http://a b", "/path", "1http://x", "http://x/%2", "http://x#a#b", ""] {
      XCTAssertFalse(LabelValues.isURL(invalid), invalid)
    }
  }

  func testRFC3339Times() {
    for valid in ["2020-01-01T00:00:00Z", "2020-01-01T00:00:00+02:00", "2020-01-01T00:00:00.123Z", "2020-01-01t00:00:00z",
                  "2024-02-29T23:59:60-05:30"] {
      XCTAssertTrue(LabelValues.isRFC3339(valid), valid)
    }
    for invalid in ["2020-01-01", "2020-01-01 00:00:00Z", "2020-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2020-01-01T24:00:00Z",
                    "2020-01-01T00:00:00", "2020-01-01T00:00:00.Z", "2020-01-01T00:00:00+0200"] {
      XCTAssertFalse(LabelValues.isRFC3339(invalid), invalid)
    }
  }

  func testSPDXExpressions() {
    for valid in ["MIT", "Apache-2.0", "GPL-2.0-or-later", "MIT OR Apache-2.0", "(MIT AND BSD-3-Clause) OR Apache-2.0",
                  "GPL-2.0-only WITH Classpath-exception-2.0", "LicenseRef-Proprietary", "Apache-1.0+",
                  "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", "Sendmail", "GPL-2.0-or-later WITH 389-exception"] {
      XCTAssertTrue(SPDXExpression.isValid(valid), valid)
    }
    for invalid in ["mit", "GPL-2.0", "Foo", "MIT or Apache-2.0", "MIT OR", "(MIT", "MIT WITH Foo-exception", "", "LicenseRef-"] {
      XCTAssertFalse(SPDXExpression.isValid(invalid), invalid)
    }
  }

  func testGitHashes() {
    XCTAssertTrue(LabelValues.isGitHash("abcdef0"))
    XCTAssertTrue(LabelValues.isGitHash("abcdef01"))
    XCTAssertTrue(LabelValues.isGitHash(String(repeating: "a", count: 40)))
    XCTAssertTrue(LabelValues.isGitHash(String(repeating: "0", count: 64)))
    XCTAssertFalse(LabelValues.isGitHash("abcdef"))
    XCTAssertFalse(LabelValues.isGitHash("ABCDEF0"))
    XCTAssertFalse(LabelValues.isGitHash("main123"))
    XCTAssertFalse(LabelValues.isGitHash(String(repeating: "a", count: 65)))
  }

  func testSemanticVersions() {
    for valid in ["1.2.3", "0.0.0", "1.2.3-rc.1+b5", "1.0.0-alpha-1", "1.0.0+20130313144700", "10.20.30-0.3.7"] {
      XCTAssertTrue(LabelValues.isSemanticVersion(valid), valid)
    }
    for invalid in ["1.2", "v1.2.3", "01.2.3", "1.2.3-", "1.2.3-01", "1.2.3+", "1.2.3-a..b", "1.2.3.4", ""] {
      XCTAssertFalse(LabelValues.isSemanticVersion(invalid), invalid)
    }
  }

  func testEmailAddresses() {
    for valid in ["a@b.com", "a@b", "a.b@c.d", "a@[1.2.3.4]", "\"a b\"@c.com", "x+tag@example.org"] {
      XCTAssertTrue(LabelValues.isEmailAddress(valid), valid)
    }
    for invalid in ["a", "A <a@b.com>", "@b.com", "a b@c.com", "a..b@c.com", "a@", "a@b..c"] {
      XCTAssertFalse(LabelValues.isEmailAddress(invalid), invalid)
    }
  }

  func testLabelKeys() {
    XCTAssertNil(LabelValues.keyProblem("org.opencontainers.image.version"))
    XCTAssertNil(LabelValues.keyProblem("a1-b.c2"))
    XCTAssertEqual(LabelValues.keyProblem("com.docker.x"), "uses the namespace `com.docker.` that Docker reserves")
    XCTAssertEqual(LabelValues.keyProblem("Foo"), "should contain only lower-case letters, digits, `.` and `-`")
    XCTAssertEqual(LabelValues.keyProblem("a_b"), "should contain only lower-case letters, digits, `.` and `-`")
    XCTAssertEqual(LabelValues.keyProblem("1abc"), "should start with a lower-case letter")
    XCTAssertEqual(LabelValues.keyProblem("abc-"), "should end with a lower-case letter or digit")
    XCTAssertEqual(LabelValues.keyProblem("a..b"), "should not repeat `.` or `-`")
    XCTAssertEqual(LabelValues.keyProblem("a--b"), "should not repeat `.` or `-`")
  }
}
