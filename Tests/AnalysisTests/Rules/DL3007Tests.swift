import XCTest
@testable import Analysis

final class DL3007Tests: XCTestCase {
  func testLatestTagIsReported() {
    assertFindings(DL3007.self, "FROM debian1️⃣:latest2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Image `debian:latest` uses the `latest` tag; pin a release tag")])
  }

  func testRegistryAndStageName() {
    assertFindings(DL3007.self, "FROM --platform=linux/amd64 registry.example.com:5000/app1️⃣:latest2️⃣ AS app\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOtherTagsAndDigestsAreFine() {
    assertNoFindings(DL3007.self, "FROM debian:12\nFROM debian:latest-slim\nFROM debian\n")
    assertNoFindings(DL3007.self, "FROM debian:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n")
  }

  func testStageReferenceIsFine() {
    assertNoFindings(DL3007.self, "FROM debian:12 AS latest\nFROM latest\n")
  }

  func testEveryStageIsChecked() {
    assertFindings(DL3007.self, "FROM node1️⃣:latest2️⃣ AS build\nFROM nginx3️⃣:latest4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }
}
