import XCTest
@testable import Analysis

final class DL3043Tests: XCTestCase {
  func testForbiddenTriggersAreReported() {
    assertFindings(DL3043.self, "FROM debian\nONBUILD 1️⃣FROM2️⃣ alpine\nONBUILD 3️⃣onbuild4️⃣ RUN x\nONBUILD 5️⃣MAINTAINER6️⃣ me\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`ONBUILD` cannot trigger `FROM`"),
                    FindingSpec("3️⃣", "4️⃣", message: "`ONBUILD` cannot trigger `ONBUILD`"),
                    FindingSpec("5️⃣", "6️⃣", message: "`ONBUILD` cannot trigger `MAINTAINER`")])
  }

  func testOrdinaryTriggersAreFine() {
    assertNoFindings(DL3043.self, "FROM debian\nONBUILD COPY . /app\nONBUILD RUN make\nRUN echo ONBUILD FROM x\n")
  }
}
