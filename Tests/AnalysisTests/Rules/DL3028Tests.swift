import XCTest
@testable import Analysis

final class DL3028Tests: XCTestCase {
  func testUnpinnedGemIsReportedAtItsWord() {
    assertFindings(DL3028.self, "FROM ruby\nRUN gem install --no-document 1️⃣rails2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Pin the version of `rails`, as in `rails:<version>`")])
  }

  func testEachUnpinnedGemIsReported() {
    assertFindings(DL3028.self, "FROM ruby\nRUN gem i 1️⃣bundler2️⃣ rails:7.1.3 3️⃣rake4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testPinnedFormsAreFine() {
    assertNoFindings(DL3028.self, "FROM ruby\nRUN gem install rails:7.1.3 'puma:~>6.4' ./vendor/app-1.0.gem local.gem\n")
  }

  func testVersionOptionSkipsTheCommand() {
    assertNoFindings(DL3028.self, "FROM ruby\nRUN gem install rails -v 7.1.3\n")
    assertNoFindings(DL3028.self, "FROM ruby\nRUN gem install rails -v7.1.3\n")
    assertNoFindings(DL3028.self, "FROM ruby\nRUN gem install rails --version '~> 7.1'\n")
    assertNoFindings(DL3028.self, "FROM ruby\nRUN gem install rails --version=7.1.3\n")
  }

  func testOptionValuesAreNotGems() {
    assertNoFindings(DL3028.self, "FROM ruby\nRUN gem install -i /gems --source https://gems.example -N rails:7.1.3\n")
  }

  func testNoDocumentFlagTakesNoValue() {
    assertFindings(DL3028.self, "FROM ruby\nRUN gem install -N 1️⃣rails2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testWordAfterDoubleDashIsAGem() {
    assertFindings(DL3028.self, "FROM ruby\nRUN gem install -- 1️⃣rails2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOtherSubcommandsAreNotChecked() {
    assertNoFindings(DL3028.self, "FROM ruby\nRUN gem update --system && gem uninstall rails && gem list rails\n")
  }

  func testHeredocContinuationAndWrapper() {
    assertFindings(DL3028.self, "FROM ruby\nRUN <<EOF\nsudo gem install \\\n  1️⃣bundler2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOnbuildRunIsChecked() {
    assertFindings(DL3028.self, "FROM ruby\nONBUILD RUN gem install 1️⃣rails2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHasNoFix() {
    assertNoFix(DL3028.self, "FROM ruby\nRUN gem install rails\n")
  }
}
