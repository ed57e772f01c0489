import XCTest
@testable import Analysis

final class DL3064Tests: XCTestCase {
  func testKnownAndSuspiciousNamesAreReported() {
    assertFindings(DL3064.self, """
      ARG 1️⃣github_token2️⃣
      FROM a:1
      ENV 3️⃣DB_PASSWORD4️⃣=x PLAIN=y 5️⃣API_KEY6️⃣="z"
      ARG 7️⃣MY_SECRET8️⃣=1 OTHER

      """, [
        FindingSpec("1️⃣", "2️⃣", message: "`github_token` looks like a secret, and `ARG` values can be read from the image"),
        FindingSpec("3️⃣", "4️⃣", message: "`DB_PASSWORD` looks like a secret, and `ENV` values can be read from the image"),
        FindingSpec("5️⃣", "6️⃣"),
        FindingSpec("7️⃣", "8️⃣"),
      ])
  }

  func testLegacyEnvFormAndOnbuildAreChecked() {
    assertFindings(DL3064.self, "FROM a:1\nENV 1️⃣AWS_ACCESS_KEY_ID2️⃣ abc def\nONBUILD ARG 3️⃣NPM_TOKEN4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testOrdinaryNamesAreQuiet() {
    assertNoFindings(DL3064.self, "ARG VERSION=1\nFROM a:1\nENV PATH=/x HOME=/root\nLABEL password=x\nRUN echo $TOKEN\n")
  }
}
