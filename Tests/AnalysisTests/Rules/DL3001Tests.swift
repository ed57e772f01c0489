import XCTest
@testable import Analysis

final class DL3001Tests: XCTestCase {
  func testServiceIsReported() {
    assertFindings(DL3001.self, "FROM debian\nRUN 1️⃣service nginx start2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`service` makes no sense in a container build")])
  }

  func testEveryListedCommandIsReported() {
    for command in ["ssh host", "vim file", "shutdown -h now", "ps aux", "free -m", "top -b", "kill 1", "mount /dev/x /mnt", "ifconfig"] {
      XCTAssertEqual(findings(of: DL3001.self, in: "FROM debian\nRUN \(command)\n").count, 1, command)
    }
  }

  func testCommandInsideChainAndAfterWrapper() {
    assertFindings(DL3001.self, "FROM debian\nRUN apt-get update && 1️⃣sudo service ssh start2️⃣ && 3️⃣/bin/ps4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`service` makes no sense in a container build"),
                    FindingSpec("3️⃣", "4️⃣", message: "`ps` makes no sense in a container build")])
  }

  func testArgumentsAndSimilarNamesAreFine() {
    assertNoFindings(DL3001.self, "FROM debian\nRUN apt-get install -y openssh-client vim && ssh-keygen -A && echo ps\n")
  }

  func testHeredocScriptAndOnbuildAreChecked() {
    assertFindings(DL3001.self, "FROM debian\nRUN <<EOF\n1️⃣top -b -n 12️⃣\nEOF\nONBUILD RUN 3️⃣vim x4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testExecFormAndNonPOSIXShellAreSkipped() {
    assertNoFindings(DL3001.self, "FROM debian\nRUN [\"service\", \"x\", \"start\"]\n")
    assertNoFindings(DL3001.self, "FROM mcr.microsoft.com/powershell\nSHELL [\"pwsh\", \"-Command\"]\nRUN kill 1\nONBUILD RUN kill 1\n")
  }

  func testHeredocWithShellShebangIsAScript() {
    assertFindings(DL3001.self, "FROM debian\nRUN <<EOF\n#!/usr/bin/env bash\n1️⃣ps2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
    assertFindings(DL3001.self, "FROM debian\r\nRUN <<EOF\r\n#!/bin/sh\r\n1️⃣ps aux2️⃣ | head\r\nEOF\r\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHeredocFedToAnotherProgramIsNotAScript() {
    assertNoFindings(DL3001.self, "FROM debian\nRUN python3 <<EOF\nkill 1\nEOF\n")
    assertNoFindings(DL3001.self, "FROM debian\nRUN <<EOF\n#!/usr/bin/env python3\nkill 1\nEOF\n")
  }
}
