import XCTest
@testable import Analysis

final class DL3013Tests: XCTestCase {
  func testUnpinnedPackageIsReportedAtItsWord() {
    assertFindings(DL3013.self, "FROM python\nRUN pip install --no-cache-dir 1️⃣flask2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `flask`, as in `flask==<version>`")])
  }

  func testEachUnpinnedPackageIsReported() {
    assertFindings(DL3013.self, "FROM python\nRUN pip3 install flask==3.0.3 1️⃣click2️⃣ 3️⃣'flask[async]'4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"),
                    FindingSpec("3️⃣", "4️⃣", message: "Pin the version of `'flask[async]'`, as in `'flask[async]'==<version>`")])
  }

  func testVersionSpecifiersArePinned() {
    for requirement in ["flask==3.0", "'flask>=3'", "'flask<=3'", "flask~=3.0", "flask!=2.0", "flask===3.0", "'flask<4'",
                        "'flask>2'", "'flask[async]==3.0'"] {
      assertNoFindings(DL3013.self, "FROM python\nRUN pip install \(requirement)\n")
    }
  }

  func testFilesPathsAndURLsArePinned() {
    assertNoFindings(DL3013.self, "FROM python\nRUN pip install . ./lib /src/pkg dist/app-1.0-py3-none-any.whl app.tar.gz app.zip\n")
    assertNoFindings(DL3013.self, "FROM python\nRUN pip install https://example.com/app-1.0.tar.gz\n")
    assertNoFindings(DL3013.self, "FROM python\nRUN pip install 'app @ https://example.com/app-1.0.zip'\n")
  }

  func testVCSURLNeedsARevision() {
    assertNoFindings(DL3013.self, "FROM python\nRUN pip install git+https://github.com/org/app@v1.2#egg=app\n")
    assertFindings(DL3013.self, "FROM python\nRUN pip install 1️⃣git+ssh://git@github.com/org/app#egg=app2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣",
                                message: "Pin the version of `git+ssh://git@github.com/org/app#egg=app`, as in `git+ssh://git@github.com/org/app@<ref>#egg=app`")])
    assertFindings(DL3013.self, "FROM python\nRUN pip install 1️⃣'app @ git+https://github.com/org/app'2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testRequirementAndConstraintFilesSkipTheCommand() {
    assertNoFindings(DL3013.self, "FROM python\nRUN pip install -r requirements.txt\n")
    assertNoFindings(DL3013.self, "FROM python\nRUN pip install --requirement=requirements.txt gunicorn\n")
    assertNoFindings(DL3013.self, "FROM python\nRUN pip install -c constraints.txt flask\n")
    assertNoFindings(DL3013.self, "FROM python\nRUN pip install --constraint constraints.txt flask\n")
  }

  func testOptionValuesAreNotPackages() {
    assertNoFindings(DL3013.self,
                     "FROM python\nRUN pip install -i https://pypi.example/simple --target out --root-user-action ignore -e ./lib flask==3.0\n")
    assertNoFindings(DL3013.self, "FROM python\nRUN pip install --upgrade-strategy eager --progress-bar off flask==3.0\n")
  }

  func testUpgradingPipIsReported() {
    assertFindings(DL3013.self, "FROM python\nRUN pip install --upgrade 1️⃣pip2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testLocalProjectDoesNotHideOtherPackages() {
    assertFindings(DL3013.self, "FROM python\nRUN pip install . 1️⃣gunicorn2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testPythonModuleAndWrappers() {
    assertFindings(DL3013.self, "FROM python\nRUN sudo python3 -m pip install 1️⃣flask2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOtherSubcommandsAreNotChecked() {
    assertNoFindings(DL3013.self, "FROM python\nRUN pip download flask && pip uninstall -y flask && pip wheel flask\n")
  }

  func testHeredocAndContinuation() {
    assertFindings(DL3013.self, "FROM python\nRUN <<EOF\npip install \\\n  1️⃣flask2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
    assertFindings(DL3013.self, "FROM python\nRUN pip install \\\n    flask==3.0 \\\n    1️⃣click2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testExecFormAndOnbuild() {
    assertFindings(DL3013.self, "FROM python\nRUN [\"pip\", \"install\", 1️⃣\"flask\"2️⃣, \"click==8.1\"]\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `flask`, as in `flask==<version>`")])
    assertFindings(DL3013.self, "FROM python\nONBUILD RUN pip install 1️⃣flask2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHasNoFix() {
    assertNoFix(DL3013.self, "FROM python\nRUN pip install flask\n")
  }

  func testPipByPathIsChecked() {
    assertFindings(DL3013.self, "FROM python\nRUN /opt/conda/bin/pip install 1️⃣torchelastic2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `torchelastic`, as in `torchelastic==<version>`")])
  }
}
