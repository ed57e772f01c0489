import XCTest
@testable import Analysis

final class DL3011Tests: XCTestCase {
  func testPortAboveRangeIsReported() {
    assertFindings(DL3011.self, "FROM nginx\nEXPOSE 80 1️⃣655362️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Port `65536` is outside the valid range 0 to 65535")])
  }

  func testProtocolSuffixAndRanges() {
    assertFindings(DL3011.self, "FROM nginx\nEXPOSE 1️⃣70000/tcp2️⃣ 3️⃣8000-800104️⃣ 5️⃣99999/udp6️⃣ 7️⃣123456789012345678901234567898️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Port `70000/tcp` is outside the valid range 0 to 65535"),
                    FindingSpec("3️⃣", "4️⃣"), FindingSpec("5️⃣", "6️⃣"), FindingSpec("7️⃣", "8️⃣")])
  }

  func testValidPortsAreFine() {
    assertNoFindings(DL3011.self, "FROM nginx\nEXPOSE 0 80 443/tcp 53/udp 8000-8010 65535 8000-8010/udp\n")
  }

  func testVariablesAndMalformedPortsAreNotChecked() {
    assertNoFindings(DL3011.self, "FROM nginx\nEXPOSE $PORT ${RANGE}/tcp 99999$X http\n")
  }

  func testContinuation() {
    assertFindings(DL3011.self, "FROM nginx\nEXPOSE 80 \\\n  1️⃣700002️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }
}
