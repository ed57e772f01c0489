import XCTest
@testable import Analysis

final class DX1007Tests: XCTestCase {
  func testUseraddWithoutL() {
    assertFindings(DX1007.self, "FROM debian\nRUN groupadd app && 1️⃣useradd -m -g app app2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`useradd` without `-l` writes login records that grow the layer")])
  }

  func testQuietWithLOrHighUID() {
    assertNoFindings(DX1007.self, "FROM debian\nRUN useradd -l app && useradd --no-log-init b && useradd -rlm c\n")
    assertNoFindings(DX1007.self, "FROM debian\nRUN useradd -u 1000000 app\n")
    assertNoFindings(DX1007.self, "FROM debian\nRUN [\"useradd\", \"app\"]\n")
  }

  func testOptionValueIsNotReadAsL() {
    assertFindings(DX1007.self, "FROM debian\nRUN 1️⃣useradd -s -l app2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testWrappedUseradd() {
    assertFindings(DX1007.self, "FROM debian\nRUN 1️⃣sudo /usr/sbin/useradd app2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
    assertFix(DX1007.self, before: "FROM debian\nRUN sudo useradd app\n", after: "FROM debian\nRUN sudo useradd -l app\n")
  }

  func testFixAcrossContinuation() {
    assertFix(DX1007.self, before: "FROM debian\nRUN useradd \\\n  -m app\n", after: "FROM debian\nRUN useradd -l \\\n  -m app\n",
              title: "Add `-l` to useradd")
  }
}
