import XCTest

@testable import Analysis

final class ImageReferenceTests: XCTestCase {
  func testSplitsRegistryRepositoryTagAndDigest() {
    let cases: [(text: String, registry: String?, repository: String, tag: String?, digest: String?)] = [
      ("debian:bookworm-slim", nil, "debian", "bookworm-slim", nil),
      ("ubuntu", nil, "ubuntu", nil, nil),
      ("team/app:1", nil, "team/app", "1", nil),
      ("registry.example.com:5000/team/app:1.2@sha256:abc", "registry.example.com:5000", "team/app", "1.2", "sha256:abc"),
      ("host:5000/app", "host:5000", "app", nil, nil),
      ("localhost/app@sha256:f0", "localhost", "app", nil, "sha256:f0"),
      ("café/thé:été", nil, "café/thé", "été", nil),
    ]
    for (text, registry, repository, tag, digest) in cases {
      let reference = ImageReference(text)
      XCTAssertEqual(reference?.registry, registry, text)
      XCTAssertEqual(reference?.repository, repository, text)
      XCTAssertEqual(reference?.tag, tag, text)
      XCTAssertEqual(reference?.digest, digest, text)
    }
    XCTAssertNil(ImageReference(""))
    XCTAssertEqual(ImageReference("library/python:3")?.name, "python")
  }
}
