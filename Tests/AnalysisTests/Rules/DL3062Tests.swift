import XCTest
@testable import Analysis

final class DL3062Tests: XCTestCase {
  func testUnpinnedPackageIsReportedAtItsWord() {
    assertFindings(DL3062.self, "FROM golang\nRUN go install 1️⃣golang.org/x/tools/gopls2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `golang.org/x/tools/gopls`, as in `golang.org/x/tools/gopls@<version>`")])
  }

  func testFloatingQueriesAreReported() {
    assertFindings(DL3062.self, "FROM golang\nRUN go install 1️⃣example.com/a@latest2️⃣ 3️⃣example.com/b@upgrade4️⃣ example.com/c@v1.2.3\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `example.com/a@latest`, as in `example.com/a@<version>`"),
                    FindingSpec("3️⃣", "4️⃣")])
  }

  func testPinnedAndLocalPackagesAreFine() {
    assertNoFindings(DL3062.self, "FROM golang\nRUN go install example.com/a@v1.2.3 example.com/b@3f2a1c9 . ./cmd/tool ./... /src/tool\n")
    assertNoFindings(DL3062.self, "FROM golang\nRUN go install && go get -u && go build example.com/a\n")
  }

  func testGetAndRun() {
    assertFindings(DL3062.self, "FROM golang\nRUN go get -d 1️⃣example.com/a2️⃣ && go run 3️⃣example.com/b4️⃣ arg\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
    assertNoFindings(DL3062.self, "FROM golang\nRUN go run example.com/b@v1 plain-arg && go run main.go util.go && go run .\n")
    assertNoFindings(DL3062.self, "FROM golang\nRUN go get example.com/old@none\n")
  }

  func testFlagValuesAreNotPackages() {
    assertNoFindings(DL3062.self, "FROM golang\nRUN go install -tags netgo -ldflags '-s -w' -mod=mod -v example.com/a@v1.0.0\n")
    assertNoFindings(DL3062.self, "FROM golang\nRUN go -C /src install -trimpath ./cmd/tool\n")
    assertFindings(DL3062.self, "FROM golang\nRUN go install --tags netgo 1️⃣example.com/a2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testEnvironmentAssignmentsHeredocAndWrapper() {
    assertFindings(DL3062.self, "FROM golang\nRUN CGO_ENABLED=0 go install 1️⃣example.com/a2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
    assertFindings(DL3062.self, "FROM golang\nRUN <<EOF\nenv GOBIN=/out go install \\\n  1️⃣example.com/a@latest2️⃣\nEOF\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testExpansionsAreNotJudged() {
    assertNoFindings(DL3062.self, "FROM golang\nRUN go install $TOOL example.com/a@${A_VERSION}\n")
  }

  func testOnbuildRunIsChecked() {
    assertFindings(DL3062.self, "FROM golang\nONBUILD RUN go install 1️⃣example.com/a2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHasNoFix() {
    assertNoFix(DL3062.self, "FROM golang\nRUN go install example.com/a@latest\n")
  }
}
