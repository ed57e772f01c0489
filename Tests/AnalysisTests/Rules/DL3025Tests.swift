import XCTest
@testable import Analysis

final class DL3025Tests: XCTestCase {
  func testShellFormCmdIsReported() {
    assertFindings(DL3025.self, "FROM python\nCMD 1️⃣python -m http.server2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Use JSON notation for `CMD` so the program receives signals")])
  }

  func testShellFormEntrypointIsReportedWithoutFix() {
    assertFindings(DL3025.self, "FROM python\nentrypoint 1️⃣./run.sh \\\n  --port 802️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Use JSON notation for `ENTRYPOINT` so the program receives signals")])
    assertNoFix(DL3025.self, "FROM python\nCMD python app.py\n")
  }

  func testExecFormIsFine() {
    assertNoFindings(DL3025.self, "FROM python\nENTRYPOINT [\"python\"]\nCMD [\"-m\", \"http.server\"]\n")
  }

  func testOtherInstructionsAreFine() {
    assertNoFindings(DL3025.self, "FROM python\nRUN python -V\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n")
  }
}
