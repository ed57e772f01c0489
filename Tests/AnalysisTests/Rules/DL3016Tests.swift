import XCTest
@testable import Analysis

final class DL3016Tests: XCTestCase {
  func testUnpinnedPackageIsReportedAtItsWord() {
    assertFindings(DL3016.self, "FROM node\nRUN npm install -g 1️⃣typescript2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `typescript`, as in `typescript@<version>`")])
  }

  func testScopedAndLatestAreReported() {
    assertFindings(DL3016.self, "FROM node\nRUN npm install 1️⃣@angular/cli2️⃣ 3️⃣express@latest4️⃣ 5️⃣@types/node@6️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `@angular/cli`, as in `@angular/cli@<version>`"),
                    FindingSpec("3️⃣", "4️⃣", message: "Pin the version of `express@latest`, as in `express@<version>`"),
                    FindingSpec("5️⃣", "6️⃣", message: "Pin the version of `@types/node@`, as in `@types/node@<version>`")])
  }

  func testPinnedFormsAreFine() {
    assertNoFindings(DL3016.self, "FROM node\nRUN npm install express@4.19.2 @scope/pkg@1 'react@>=18' lodash@^4\n")
    assertNoFindings(DL3016.self, "FROM node\nRUN npm install ./local ../sibling /abs ~/home file:../lib . pkg.tgz https://example.com/p.tar.gz\n")
    assertNoFindings(DL3016.self, "FROM node\nRUN npm install git+https://github.com/org/repo#v1.0.0 github:org/repo#v2 org/repo#abc123\n")
  }

  func testGitSourceWithoutRefIsReported() {
    assertFindings(DL3016.self, "FROM node\nRUN npm install 1️⃣git+https://github.com/org/repo2️⃣ 3️⃣org/repo4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `git+https://github.com/org/repo`, as in `git+https://github.com/org/repo#<ref>`"),
                    FindingSpec("3️⃣", "4️⃣", message: "Pin the version of `org/repo`, as in `org/repo#<ref>`")])
  }

  func testInstallWithoutPackagesAndCIAreFine() {
    assertNoFindings(DL3016.self, "FROM node\nRUN npm install && npm ci && npm install --omit=dev\n")
  }

  func testAliasesAreChecked() {
    assertFindings(DL3016.self, "FROM node\nRUN npm i 1️⃣express2️⃣ && npm add 3️⃣lodash4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testOptionValuesAreNotPackages() {
    assertNoFindings(DL3016.self, "FROM node\nRUN npm install --omit dev -w app --prefix /opt --registry https://r.example express@4\n")
    assertNoFindings(DL3016.self, "FROM node\nRUN npm --prefix /opt install express@4\n")
  }

  func testOtherSubcommandsAreNotChecked() {
    assertNoFindings(DL3016.self, "FROM node\nRUN npm update express && npm uninstall express && npm run build\n")
  }

  func testHeredocContinuationAndWrapper() {
    assertFindings(DL3016.self, "FROM node\nRUN <<EOF\nsudo npm install -g \\\n  1️⃣pnpm2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testExpansionsAreNotJudged() {
    assertNoFindings(DL3016.self, "FROM node\nRUN npm install -g $TOOLS \"typescript@$TS_VERSION\"\n")
  }

  func testOnbuildRunIsChecked() {
    assertFindings(DL3016.self, "FROM node\nONBUILD RUN npm install -g 1️⃣typescript2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHasNoFix() {
    assertNoFix(DL3016.self, "FROM node\nRUN npm install -g typescript\n")
  }

  func testPowerShellRunIsNotChecked() {
    assertNoFindings(DL3016.self, """
      FROM mcr.microsoft.com/windows/servercore
      SHELL ["powershell", "-Command"]
      RUN npm install --global windows-build-tools

      """)
  }
}
