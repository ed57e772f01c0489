import XCTest
@testable import Analysis

final class DL4001Tests: XCTestCase {
  func testLessUsedToolIsReported() {
    assertFindings(DL4001.self, "FROM debian\nRUN curl -O a && curl -O b\nRUN 1️⃣wget c2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Use either `wget` or `curl`, not both; this stage uses `curl` elsewhere")])
  }

  func testEveryUseOfLessUsedToolIsReported() {
    assertFindings(DL4001.self, "FROM debian\nRUN 1️⃣curl a2️⃣ && wget b && wget c\nRUN wget d | 3️⃣sudo curl e4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Use either `wget` or `curl`, not both; this stage uses `wget` elsewhere"),
                    FindingSpec("3️⃣", "4️⃣")])
  }

  func testTieReportsSecondTool() {
    assertFindings(DL4001.self, "FROM debian\nRUN wget a\nRUN 1️⃣curl b2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testStagesAreSeparate() {
    assertNoFindings(DL4001.self, "FROM debian AS a\nRUN wget x\nFROM debian\nRUN curl y\n")
  }

  func testOnbuildIsItsOwnGroup() {
    assertNoFindings(DL4001.self, "FROM debian\nRUN wget x\nONBUILD RUN curl y\n")
    assertFindings(DL4001.self, "FROM debian\nONBUILD RUN 1️⃣wget x2️⃣ && curl y && curl z\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testSingleToolAndArgumentsAreFine() {
    assertNoFindings(DL4001.self, "FROM debian\nRUN apt-get install -y curl wget && curl x\n")
  }

  func testPreludeIsOwnGroup() {
    assertNoFindings(DL4001.self, "RUN wget x\nFROM debian\nRUN curl y\n")
    assertFindings(DL4001.self, "RUN 1️⃣wget x2️⃣ && curl y && curl z\nFROM debian\nRUN wget q\n", [FindingSpec("1️⃣", "2️⃣")])
  }
}
