import XCTest
@testable import Analysis

final class DL3003Tests: XCTestCase {
  let message = "Use `WORKDIR` instead of `cd` to switch to a directory"

  func testCdInScriptShellIsReported() {
    assertFindings(DL3003.self, "FROM debian\nRUN 1️⃣cd /usr/src2️⃣ && make\n", [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testCdAfterSemicolonAndInGroupIsReported() {
    assertFindings(DL3003.self, "FROM debian\nRUN make; 1️⃣cd /x2️⃣; { 3️⃣builtin cd /y4️⃣; }\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testCdInSubshellPipelineOrSubstitutionIsFine() {
    assertNoFindings(DL3003.self, "FROM debian\nRUN (cd /x && make) && echo $(cd /y; pwd) && ls | cd /z\n")
  }

  func testCdInFunctionBodyIsFine() {
    assertNoFindings(DL3003.self, "FROM debian\nRUN build() { cd /x && make; }; build\n")
  }

  func testWordCdIsFine() {
    assertNoFindings(DL3003.self, "FROM debian\nRUN echo cd /x && sudo cd /y\n")
  }

  func testContinuationHeredocAndOnbuild() {
    assertFindings(DL3003.self, "FROM debian\nRUN make \\\n && 1️⃣cd \\\n   /x2️⃣\nRUN <<EOF\n3️⃣cd /tmp4️⃣\nEOF\nONBUILD RUN 5️⃣cd /y6️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣"), FindingSpec("5️⃣", "6️⃣")])
  }

  func testExecFormIsSkipped() {
    assertNoFindings(DL3003.self, "FROM debian\nRUN [\"cd\", \"/x\"]\n")
  }

  func testHeredocReadByShellIsAScript() {
    assertFindings(DL3003.self, "FROM debian\nRUN bash -ex <<EOF\n1️⃣cd /tmp2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
    assertNoFindings(DL3003.self, "FROM debian\nRUN bash -c 'echo' <<EOF\ncd /tmp\nEOF\n")
    assertNoFindings(DL3003.self, "FROM debian\nRUN bash script.sh <<EOF\ncd /tmp\nEOF\n")
  }
}
