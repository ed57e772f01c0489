import XCTest
@testable import Analysis

final class DL4006Tests: XCTestCase {
  let message = "Without `set -o pipefail`, this pipeline fails only when its last command fails"

  // MARK: - Where it fires

  func testPipelineIsReported() {
    assertFindings(DL4006.self, "FROM a:1\nRUN apt-get update && 1️⃣curl -fsSL x | sh2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testPipelineAcrossContinuation() {
    assertFindings(DL4006.self, "FROM a:1\nRUN 1️⃣a \\\n  | b2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testNestedPipelinesAreReported() {
    assertFindings(DL4006.self, "FROM a:1\nRUN x=$(1️⃣a | b2️⃣) && (3️⃣c |& d4️⃣)\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testShPipefailIsNotAccepted() {
    assertFindings(DL4006.self, "FROM a:1\nSHELL [\"/bin/sh\", \"-o\", \"pipefail\", \"-c\"]\nRUN 1️⃣a | b2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
    assertFindings(DL4006.self, "FROM a:1\nSHELL [\"/bin/dash\", \"-o\", \"pipefail\", \"-c\"]\nRUN 1️⃣a | b2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testLaterShellWithoutPipefailResets() {
    assertFindings(DL4006.self, """
      FROM a:1
      SHELL ["/bin/bash", "-o", "pipefail", "-c"]
      SHELL ["/bin/bash", "-c"]
      RUN 1️⃣a | b2️⃣

      """, [FindingSpec("1️⃣", "2️⃣")])
  }

  func testSetAfterPipelineDoesNotHelp() {
    assertFindings(DL4006.self, "FROM a:1\nRUN 1️⃣a | b2️⃣ && set -o pipefail\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testConditionalSetDoesNotHelp() {
    assertFindings(DL4006.self, "FROM a:1\nRUN x || set -o pipefail; 1️⃣a | b2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
    assertFindings(DL4006.self, "FROM a:1\nRUN (set -o pipefail); 1️⃣a | b2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
    assertFindings(DL4006.self, "FROM a:1\nRUN set -o pipefail; set +o pipefail; 1️⃣a | b2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHeredocBodyIsChecked() {
    assertFindings(DL4006.self, "FROM a:1\nRUN <<EOF\nset -e\n1️⃣a | b2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testStageWithoutInheritanceIsReported() {
    assertFindings(DL4006.self, "FROM a:1 AS x\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nFROM a:1\nRUN 1️⃣a | b2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  // MARK: - Where it must not fire

  func testShellWithPipefailIsQuiet() {
    for options in ["\"-o\", \"pipefail\"", "\"-eo\", \"pipefail\"", "\"-euxo\", \"pipefail\"", "\"-o\", \"errexit\", \"-o\", \"pipefail\"",
                    "\"-c\", \"-o\", \"pipefail\"", "\"--login\", \"-o\", \"pipefail\""] {
      assertNoFindings(DL4006.self, "FROM a:1\nSHELL [\"/bin/bash\", \(options), \"-c\"]\nRUN a | b\n")
    }
    assertNoFindings(DL4006.self, "FROM a:1\nSHELL [\"/bin/ash\", \"-o\", \"pipefail\", \"-c\"]\nRUN a | b\n")
  }

  func testChildStageInheritsShell() {
    assertNoFindings(DL4006.self, "FROM a:1 AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nFROM base\nRUN a | b\n")
  }

  func testSetInRunIsQuiet() {
    assertNoFindings(DL4006.self, "FROM a:1\nRUN set -o pipefail && a | b\n")
    assertNoFindings(DL4006.self, "FROM a:1\nRUN set -euo pipefail; a | b; c=$(d | e)\n")
    assertNoFindings(DL4006.self, "FROM a:1\nRUN apt-get update && set -o pipefail && a | b\n")
  }

  func testNoPipeIsQuiet() {
    assertNoFindings(DL4006.self, "FROM a:1\nRUN a || b && echo \"a | b\" 'c|d'\n")
  }

  func testExecFormAndNonPOSIXShellsAreQuiet() {
    assertNoFindings(DL4006.self, "FROM a:1\nRUN [\"sh\", \"-c\", \"a | b\"]\n")
    assertNoFindings(DL4006.self, "FROM a:1\nSHELL [\"powershell\", \"-Command\"]\nRUN a | b\n")
    assertNoFindings(DL4006.self, "FROM a:1\nSHELL [\"cmd\", \"/S\", \"/C\"]\nRUN a | b\n")
  }

  func testShebangHeredocIsQuiet() {
    assertNoFindings(DL4006.self, "FROM a:1\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1 | 2)\nEOF\n")
  }

  func testCommandWithHeredocInputIsQuiet() {
    assertNoFindings(DL4006.self, "FROM a:1\nRUN python3 <<EOF\nprint(1 | 2)\nEOF\n")
  }

  func testNoFixIsOffered() {
    assertNoFix(DL4006.self, "FROM a:1\nRUN a | b\n")
  }
}
