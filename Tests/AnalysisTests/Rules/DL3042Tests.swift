import XCTest
@testable import Analysis

final class DL3042Tests: XCTestCase {
  let message = "`pip install` without `--no-cache-dir` leaves the downloaded packages in pip's cache"

  // MARK: - Where it fires

  func testInstallWithoutOptionIsReported() {
    assertFindings(DL3042.self, "FROM python:3.12\nRUN 1️⃣pip install flask2️⃣\n", [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testModuleFormsAndRequirementsAreReported() {
    assertFindings(DL3042.self, "FROM python:3.12\nRUN 1️⃣python3 -m pip install -r requirements.txt2️⃣ && 3️⃣sudo pip3.12 install .4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testInvalidOrLaterSettingsDoNotCount() {
    assertFindings(DL3042.self, "FROM python:3.12\nENV PIP_NO_CACHE_DIR=maybe\nRUN 1️⃣pip install a2️⃣\nENV PIP_NO_CACHE_DIR=1\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testEnvironmentOfUnrelatedStageDoesNotCount() {
    assertFindings(DL3042.self, "FROM python:3.12 AS a\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN 1️⃣pip install a2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testArgumentIsNotInheritedByChildStage() {
    assertFindings(DL3042.self, "FROM python:3.12 AS a\nARG PIP_NO_CACHE_DIR=1\nFROM a\nRUN 1️⃣pip install a2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testExportInSubshellDoesNotCount() {
    assertFindings(DL3042.self, "FROM python:3.12\nRUN (export PIP_NO_CACHE_DIR=1) && 1️⃣pip install a2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testUnexportedOrUnsetVariableDoesNotCount() {
    assertFindings(DL3042.self, "FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 && 1️⃣pip install a2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
    assertFindings(DL3042.self, "FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && unset PIP_NO_CACHE_DIR && 1️⃣pip install a2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHeredocBodyIsChecked() {
    assertFindings(DL3042.self, "FROM python:3.12\nRUN <<EOF\n1️⃣pip install a2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOnbuildTriggerIsChecked() {
    assertFindings(DL3042.self, "FROM python:3.12\nONBUILD RUN 1️⃣pip install -r requirements.txt2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
    assertNoFindings(DL3042.self, "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nONBUILD RUN pip install -r requirements.txt\n")
  }

  // MARK: - Where it must not fire

  func testOptionSatisfiesTheRule() {
    assertNoFindings(DL3042.self, "FROM python:3.12\nRUN pip install --no-cache-dir a && pip --no-cache-dir install b\n")
  }

  func testEnvironmentSettingsSatisfyTheRule() {
    for setting in ["ENV PIP_NO_CACHE_DIR=1", "ENV PIP_NO_CACHE_DIR 0", "ENV PIP_NO_CACHE_DIR=off", "ENV PIP_NO_CACHE_DIR=True",
                    "ARG PIP_NO_CACHE_DIR=yes", "ENV OTHER=1 PIP_NO_CACHE_DIR=\"false\""] {
      assertNoFindings(DL3042.self, "FROM python:3.12\n\(setting)\nRUN pip install a\n")
    }
  }

  func testEnvironmentIsInheritedFromBaseStage() {
    assertNoFindings(DL3042.self, "FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install a\n")
  }

  func testEnvironmentWinsOverArgument() {
    assertNoFindings(DL3042.self, "FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nARG PIP_NO_CACHE_DIR=maybe\nRUN pip install a\n")
  }

  func testInlineSettingsSatisfyTheRule() {
    assertNoFindings(DL3042.self, "FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install a && env PIP_NO_CACHE_DIR=0 pip install b\n")
    assertNoFindings(DL3042.self, "FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=true && pip install a\n")
    assertNoFindings(DL3042.self, "FROM python:3.12\nRUN PIP_NO_CACHE_DIR=off; export PIP_NO_CACHE_DIR; pip install a\n")
  }

  func testCacheMountsSatisfyTheRule() {
    for target in ["/root/.cache/pip", "/root/.cache", "/home/app/.cache/pip/", "/root/.cache/pip/http"] {
      assertNoFindings(DL3042.self, "FROM python:3.12\nRUN --mount=type=cache,target=\(target) pip install a\n")
    }
  }

  func testOtherPipCommandsAreIgnored() {
    assertNoFindings(DL3042.self, "FROM python:3.12\nRUN pip download a && pip wheel b && pip uninstall -y c && pipx install d\n")
  }

  // MARK: - The fix

  func testFixInsertsOptionAfterInstall() {
    assertFix(DL3042.self, before: "FROM python:3.12\nRUN python -m pip install -r requirements.txt\n",
              after: "FROM python:3.12\nRUN python -m pip install --no-cache-dir -r requirements.txt\n", title: "Add `--no-cache-dir`")
  }

  func testFixAcrossContinuationWithCRLF() {
    assertFix(DL3042.self, before: "FROM python:3.12\r\nRUN pip install \\\r\n    flask\r\n",
              after: "FROM python:3.12\r\nRUN pip install --no-cache-dir \\\r\n    flask\r\n")
  }

  func testPipByPathIsChecked() {
    assertFindings(DL3042.self, "FROM python:3.12\nRUN 1️⃣/opt/conda/bin/pip install flask==3.0.32️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: message)])
  }
}
