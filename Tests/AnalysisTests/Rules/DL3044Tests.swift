import XCTest
@testable import Analysis

final class DL3044Tests: XCTestCase {
  func testReferenceToEarlierPairIsReported() {
    assertFindings(DL3044.self, "FROM debian\nENV A=1 B=1️⃣$A2️⃣/x\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`$A` reads the value from before this `ENV`, not the one set earlier in it")])
  }

  func testBracedAndQuotedReferences() {
    assertFindings(DL3044.self, "FROM debian\nENV A=1 B=\"1️⃣${A}2️⃣\" C=3️⃣${A:-x}4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣", message: "`${A:-x}` reads the value from before this `ENV`, not the one set earlier in it")])
  }

  func testSelfReferenceAndSeparateEnvAreFine() {
    assertNoFindings(DL3044.self, "FROM debian\nENV PATH=/opt/bin:$PATH\nENV A=1\nENV B=$A\n")
  }

  func testLaterPairsAndLongerNamesAreFine() {
    assertNoFindings(DL3044.self, "FROM debian\nENV B=$A A=1\nENV A=1 B=$AB C=${AB}\n")
  }

  func testSingleQuotesAndEscapesAreFine() {
    assertNoFindings(DL3044.self, "FROM debian\nENV A=1 B='$A' C=\\$A\n")
    assertNoFindings(DL3044.self, "# escape=`\nFROM debian\nENV A=1 B=`$A\n")
  }

  func testLegacyFormIsFine() {
    assertNoFindings(DL3044.self, "FROM debian\nENV A $A=1\n")
  }

  func testPreviouslySetVariableIsStillReported() {
    assertFindings(DL3044.self, "FROM debian\nENV A=0\nENV A=1 \\\n    B=1️⃣$A2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }
}
