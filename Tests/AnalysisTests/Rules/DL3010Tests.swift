import XCTest
@testable import Analysis

final class DL3010Tests: XCTestCase {
  func testCopiedTarballExtracted() {
    assertFindings(DL3010.self, "FROM debian\nCOPY 1️⃣app.tar.gz /tmp/2️⃣\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "`/tmp/app.tar.gz` is copied and then unpacked, so `ADD` can unpack it without keeping the archive")])
  }

  func testLaterRunWithWorkdir() {
    assertFindings(DL3010.self, "FROM scratch\nWORKDIR /src\nCOPY 1️⃣dist.tgz .2️⃣\nRUN echo hi\nRUN cd /opt && tar xf /src/dist.tgz\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testZipOtherStagesAndOtherFilesAreQuiet() {
    assertNoFindings(DL3010.self, "FROM debian\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip -d /opt\n")
    // hadolint reports gunzip too, but it leaves a tar file where ADD would unpack the files.
    assertNoFindings(DL3010.self, "FROM debian\nCOPY app.tar.gz /tmp/\nRUN gunzip /tmp/app.tar.gz\n")
    assertNoFindings(DL3010.self, "FROM debian AS a\nCOPY app.tgz /tmp/\nFROM debian\nRUN tar xzf /tmp/app.tgz\n")
    assertNoFindings(DL3010.self, "FROM debian\nCOPY app.tgz /tmp/\nRUN tar xzf /tmp/other.tgz\n")
    assertNoFindings(DL3010.self, "FROM debian\nCOPY --from=build /app.tgz /tmp/\nRUN tar xzf /tmp/app.tgz\n")
  }

  func testFixReplacesCopyAndRun() {
    assertFix(DL3010.self, before: "FROM debian\nCOPY --chown=1:1 app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\nCMD [\"x\"]\n",
              after: "FROM debian\nADD --chown=1:1 app.tar.gz /opt/\nCMD [\"x\"]\n", title: "Replace COPY and tar with ADD")
    assertFix(DL3010.self, before: "FROM scratch\nWORKDIR /srv\ncopy a.tgz /tmp/a.tgz\nrun tar xvf /tmp/a.tgz\n",
              after: "FROM scratch\nWORKDIR /srv\nadd a.tgz /srv/\n")
  }

  func testNoFixWhenRunDoesMore() {
    assertNoFix(DL3010.self, "FROM debian\nCOPY app.tgz /tmp/\nRUN tar -xzf /tmp/app.tgz -C /opt && make -C /opt\n")
    assertNoFix(DL3010.self, "FROM debian\nCOPY app.tgz /tmp/\nRUN tar -xzf /tmp/app.tgz -C /opt --strip-components=1\n")
    assertNoFix(DL3010.self, "FROM debian\nCOPY app.tgz /tmp/\nRUN tar -xzf /tmp/app.tgz -C /opt\nRUN sha256sum /tmp/app.tgz\n")
    assertNoFix(DL3010.self, "FROM debian\nCOPY app.tgz /tmp/\nENV A=1\nRUN tar -xzf /tmp/app.tgz -C /opt\n")
  }
}
