import XCTest
@testable import Analysis

final class DL4005Tests: XCTestCase {
  func testLinkOntoBinShIsReported() {
    assertFindings(DL4005.self, "FROM debian\nRUN 1️⃣ln -sf /bin/bash /bin/sh2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`ln` onto `/bin/sh` changes the default shell; use `SHELL` instead")])
  }

  func testInChainAndAfterWrapper() {
    assertFindings(DL4005.self, "FROM debian\nRUN rm /bin/sh && 1️⃣sudo ln -s --force bash /bin/sh2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testLinkPointingToBinShIsFine() {
    assertNoFindings(DL4005.self, "FROM debian\nRUN ln -s /bin/sh /usr/local/bin/sh && ln -s -t /bin /opt/sh\n")
  }

  func testSuffixValueIsNotTheLink() {
    assertNoFindings(DL4005.self, "FROM debian\nRUN ln -s -S /bin/sh a b\n")
  }

  func testOnbuildAndHeredoc() {
    assertFindings(DL4005.self, "FROM debian\nONBUILD RUN 1️⃣ln -sf dash /bin/sh2️⃣\nRUN <<EOF\n3️⃣ln -sf bash /bin/sh4️⃣\nEOF\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }
}
