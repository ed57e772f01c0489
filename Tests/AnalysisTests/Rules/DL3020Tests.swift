import XCTest
@testable import Analysis

final class DL3020Tests: XCTestCase {
  let message = "Use `COPY` instead of `ADD` for local files and folders"

  func testLocalFileIsReportedOnKeyword() {
    assertFindings(DL3020.self, "FROM debian\n1️⃣ADD2️⃣ app.conf /etc/app/\n", [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testArchivesUrlsAndGitAreFine() {
    assertNoFindings(DL3020.self, """
      FROM debian
      ADD app.tar.gz /opt/
      ADD tool.TGZ data.tar.xz /opt/
      ADD https://example.com/file.txt /opt/
      ADD git@github.com:moby/buildkit.git /src
      ADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.13 /src

      """)
  }

  func testZipIsReportedWithoutFix() {
    assertFindings(DL3020.self, "FROM debian\n1️⃣ADD2️⃣ site.zip /srv/\n", [FindingSpec("1️⃣", "2️⃣")])
    assertNoFix(DL3020.self, "FROM debian\nADD site.zip /srv/\n")
  }

  func testCompressedTarNamesAreArchives() {
    assertNoFindings(DL3020.self, "FROM debian\nADD rootfs.tar.zst /\nADD data.tbz2 legacy.Z /opt/\n")
  }

  func testVariableSourcesAndHeredocsAreNotJudged() {
    assertNoFindings(DL3020.self, "FROM debian\nADD $SOURCE /opt/\nADD <<EOF /etc/motd\nhello\nEOF\n")
  }

  func testMixedSourcesAreReportedWithoutFix() {
    assertFindings(DL3020.self, "FROM debian\n1️⃣ADD2️⃣ app.tar.gz app.conf /opt/\n", [FindingSpec("1️⃣", "2️⃣")])
    assertNoFix(DL3020.self, "FROM debian\nADD app.tar.gz app.conf /opt/\n")
  }

  func testFixReplacesKeyword() {
    assertFix(DL3020.self, before: "FROM debian\nADD --chown=app:app src/ /app/src/\n",
              after: "FROM debian\nCOPY --chown=app:app src/ /app/src/\n", title: "Replace `ADD` with `COPY`")
    assertFix(DL3020.self, before: "FROM debian\nadd a b /x/\n", after: "FROM debian\ncopy a b /x/\n")
  }

  func testFixInExecForm() {
    assertFix(DL3020.self, before: "FROM debian\nADD [\"my app.conf\", \"/etc/\"]\n", after: "FROM debian\nCOPY [\"my app.conf\", \"/etc/\"]\n")
  }

  func testNoFixForWildcardsOrAddOnlyFlags() {
    assertNoFix(DL3020.self, "FROM debian\nADD dist/* /opt/\n")
    assertNoFix(DL3020.self, "FROM debian\nADD --checksum=sha256:0123 app.conf /etc/\n")
    assertNoFix(DL3020.self, "FROM debian\nADD --unpack=true app.conf /etc/\n")
  }

  func testOnbuildIsNotChecked() {
    assertNoFindings(DL3020.self, "FROM debian\nONBUILD ADD app.conf /etc/\n")
  }

  func testFixInCRLFFileWithContinuation() {
    assertFix(DL3020.self, before: "FROM debian\r\nADD a \\\r\n  /x/\r\n", after: "FROM debian\r\nCOPY a \\\r\n  /x/\r\n")
  }
}
