import XCTest
@testable import Analysis

final class DL3022Tests: XCTestCase {
  func testUnknownNameIsReported() {
    assertFindings(DL3022.self, "FROM a:1 AS build\nFROM b:1\nCOPY --from=1️⃣biuld2️⃣ /x /x\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`biuld` is neither an earlier stage nor an image with a tag")])
  }

  func testLaterStageIsReported() {
    assertFindings(DL3022.self, "FROM a:1\nCOPY --from=1️⃣build2️⃣ /x /x\nFROM b:1 AS build\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testLaterIndexIsReported() {
    assertFindings(DL3022.self, "FROM a:1\nCOPY --from=1️⃣12️⃣ /x /x\nFROM b:1\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testQuotedValueRangeCoversQuotes() {
    assertFindings(DL3022.self, "FROM a:1\nCOPY --from=1️⃣\"nope\"2️⃣ /x /x\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`nope` is neither an earlier stage nor an image with a tag")])
  }

  func testEarlierNamesAndIndicesAreQuiet() {
    assertNoFindings(DL3022.self, "FROM a:1 AS Build\nFROM b:1\nCOPY --from=build /x /x\nCOPY --from=0 /y /y\n")
  }

  func testImagesAndVariablesAreQuiet() {
    assertNoFindings(DL3022.self, """
      FROM a:1
      COPY --from=nginx:1.27 /x /x
      COPY --from=docker.io/library/nginx /x /x
      COPY --from=nginx@sha256:abc /x /x
      COPY --from=$BUILDER /x /x
      COPY --from=${BUILDER} /x /x

      """)
  }

  func testOwnStageIsLeftToDL3023() {
    assertNoFindings(DL3022.self, "FROM a:1 AS self\nCOPY --from=self /x /x\nCOPY --from=0 /x /x\n")
  }
}
