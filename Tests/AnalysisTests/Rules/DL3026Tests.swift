import XCTest
@testable import Analysis

final class DL3026Tests: XCTestCase {
  /// Returns the DL3026 findings on `text` with `trusted` as the trusted registries.
  func findings(_ text: String, trusted: [String]) -> [Finding] {
    let configuration = LintConfiguration(settings: RuleSettings(trustedRegistries: trusted))
    return Linter(configuration: configuration).lint(Document(text: text)).filter { $0.ruleID == DL3026.id }
  }

  func testUntrustedRegistryIsReported() {
    let (text, offsets) = extractMarkers("FROM 1️⃣quay.io/team/app:1.02️⃣\n")
    let result = findings(text, trusted: ["registry.example.com"])
    XCTAssertEqual(result.map(\.range), [offsets["1️⃣"]!..<offsets["2️⃣"]!])
    XCTAssertEqual(result.map(\.message), ["Image `quay.io/team/app:1.0` comes from `quay.io`, which is not a trusted registry"])
  }

  func testDockerHubImageNeedsDockerIO() {
    XCTAssertEqual(findings("FROM debian:12\n", trusted: ["quay.io"]).map(\.message),
                   ["Image `debian:12` comes from `docker.io`, which is not a trusted registry"])
    XCTAssertEqual(findings("FROM debian:12\nFROM docker.io/library/debian:12\n", trusted: ["docker.io"]), [])
    XCTAssertEqual(findings("FROM debian:12\n", trusted: ["hub.docker.com"]), [])
  }

  func testTrustedRegistryWithPortIsFine() {
    XCTAssertEqual(findings("FROM registry.example.com:5000/app:1\n", trusted: ["registry.example.com:5000"]), [])
    XCTAssertEqual(findings("FROM registry.example.com:5000/app:1\n", trusted: ["registry.example.com"]).count, 1)
  }

  func testScratchAndStagesAreFine() {
    XCTAssertEqual(findings("FROM registry.example.com/go:1 AS build\nFROM scratch\nFROM build\n", trusted: ["registry.example.com"]), [])
  }

  func testEmptySettingsDisableTheRule() {
    XCTAssertEqual(findings("FROM quay.io/app:1\n", trusted: []), [])
  }

  func testGlobalArgsAreSubstitutedAndUnknownRegistriesSkipped() {
    XCTAssertEqual(findings("ARG REGISTRY=quay.io\nFROM $REGISTRY/app:1\n", trusted: ["registry.example.com"]).count, 1)
    XCTAssertEqual(findings("ARG REGISTRY\nFROM $REGISTRY/app:1\n", trusted: ["registry.example.com"]), [])
  }

  func testWildcardPatterns() {
    let text = "FROM a.example.com/x:1\nFROM example.com/y:1\nFROM b.a.example.com/z:1\n"
    XCTAssertEqual(findings(text, trusted: ["*.example.com"]).map(\.message), ["Image `example.com/y:1` comes from `example.com`, which is not a trusted registry"])
    XCTAssertEqual(findings(text, trusted: ["*"]), [])
    XCTAssertEqual(findings(text, trusted: ["b.a.*"]).count, 2)
  }

  func testRegistryCaseIsIgnored() {
    XCTAssertEqual(findings("FROM Quay.IO/app:1\n", trusted: ["quay.io"]), [])
  }

  func testCopyFromImageIsChecked() {
    let (text, offsets) = extractMarkers("FROM registry.example.com/go:1 AS build\nCOPY 1️⃣--from=quay.io/tools/x:12️⃣ /x /x\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\nCOPY --from=$IMAGE /c /c\n")
    let result = findings(text, trusted: ["registry.example.com"])
    XCTAssertEqual(result.map(\.range), [offsets["1️⃣"]!..<offsets["2️⃣"]!])
    XCTAssertEqual(result.map(\.message), ["Image `quay.io/tools/x:1` comes from `quay.io`, which is not a trusted registry"])
  }

  func testMountFromImageIsChecked() {
    let text = """
      FROM registry.example.com/go:1 AS build
      RUN --mount=type=bind,from=quay.io/y:1,target=/y --mount=from=build,target=/b --mount=type=secret,id=x ls
      RUN --mount=type=cache,from=debian:12,target=/c ls

      """
    XCTAssertEqual(findings(text, trusted: ["registry.example.com"]).map(\.message), [
      "Image `quay.io/y:1` comes from `quay.io`, which is not a trusted registry",
      "Image `debian:12` comes from `docker.io`, which is not a trusted registry",
    ])
  }
}
