import XCTest
@testable import Analysis

final class DL3004Tests: XCTestCase {
  let message = "Do not use `sudo` in `RUN`; switch users with `USER`"

  func testSudoIsReportedOnItsWord() {
    assertFindings(DL3004.self, "FROM debian\nRUN 1️⃣sudo2️⃣ apt-get update\n", [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testSudoBehindWrapperAndInChain() {
    assertFindings(DL3004.self, "FROM debian\nRUN make && env A=1 1️⃣/usr/bin/sudo2️⃣ make install\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testSudoAsArgumentIsFine() {
    assertNoFindings(DL3004.self, "FROM debian\nRUN apt-get install -y sudo && echo sudo\n")
  }

  func testFixRemovesSudo() {
    assertFix(DL3004.self, before: "FROM debian\nRUN sudo apt-get update\n", after: "FROM debian\nRUN apt-get update\n", title: "Remove `sudo`")
  }

  func testFixRemovesHarmlessOptionsAndKeepsAssignments() {
    assertFix(DL3004.self, before: "FROM debian\nRUN sudo -E -- make install\n", after: "FROM debian\nRUN make install\n")
    assertFix(DL3004.self, before: "FROM debian\nRUN sudo -n DEBIAN_FRONTEND=noninteractive apt-get install -y x\n",
              after: "FROM debian\nRUN DEBIAN_FRONTEND=noninteractive apt-get install -y x\n")
  }

  func testFixInPipelineAndAcrossContinuation() {
    assertFix(DL3004.self, before: "FROM debian\nRUN echo x | sudo \\\n    tee /etc/x\n", after: "FROM debian\nRUN echo x | tee /etc/x\n")
  }

  func testNoFixForUserOptionOrNoCommand() {
    assertNoFix(DL3004.self, "FROM debian\nRUN sudo -u app make\n")
    assertNoFix(DL3004.self, "FROM debian\nRUN sudo --user=app make\n")
    assertNoFix(DL3004.self, "FROM debian\nRUN sudo -i\n")
    assertNoFix(DL3004.self, "FROM debian\nRUN sudo -s make\n")
  }

  func testNoFixForAssignmentsBehindAnotherWrapper() {
    assertNoFix(DL3004.self, "FROM debian\nRUN nice sudo A=1 make\n")
  }

  func testOnbuildAndHeredocAreChecked() {
    assertFindings(DL3004.self, "FROM debian\nONBUILD RUN 1️⃣sudo2️⃣ make\nRUN <<EOF\n3️⃣sudo4️⃣ make\nEOF\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testCRLFFix() {
    assertFix(DL3004.self, before: "FROM debian\r\nRUN sudo make \\\r\n && true\r\n", after: "FROM debian\r\nRUN make \\\r\n && true\r\n")
  }

  func testFixInBacktickEscapeFile() {
    assertFix(DL3004.self, before: "# escape=`\nFROM debian\nRUN sudo `\n    make install\n",
              after: "# escape=`\nFROM debian\nRUN make install\n")
  }

  func testNoFixUnderNonRootUser() {
    assertNoFix(DL3004.self, "FROM debian\nUSER app\nRUN sudo make install\n")
    assertNoFix(DL3004.self, "FROM debian AS base\nUSER 1000:1000\nFROM base\nRUN sudo make install\n")
  }

  func testFixUnderRootUser() {
    assertFix(DL3004.self, before: "FROM debian\nUSER app\nUSER root:root\nRUN sudo make\n", after: "FROM debian\nUSER app\nUSER root:root\nRUN make\n")
    assertFix(DL3004.self, before: "FROM debian AS base\nUSER app\nFROM debian\nRUN sudo make\n", after: "FROM debian AS base\nUSER app\nFROM debian\nRUN make\n")
  }
}
