import XCTest
@testable import Analysis

final class DX1006Tests: XCTestCase {
  func testDownloadUnpackedNotDeleted() {
    assertFindings(DX1006.self, "FROM alpine\nRUN 1️⃣curl -fsSLo /tmp/a.tgz https://x.example/a.tgz2️⃣ && tar -xzf /tmp/a.tgz -C /opt\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "The archive `/tmp/a.tgz` is unpacked but not deleted, so it stays in the layer")])
  }

  func testWgetDefaultNameWithWorkdirAndUnzip() {
    assertFindings(DX1006.self, "FROM scratch\nWORKDIR /src\nRUN 1️⃣wget https://x.example/v1/tool.zip2️⃣ && unzip tool.zip\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "The archive `/src/tool.zip` is unpacked but not deleted, so it stays in the layer")])
  }

  func testDeletedArchiveIsQuiet() {
    assertNoFindings(DX1006.self, "FROM alpine\nRUN curl -o /tmp/a.tgz https://x.example/a && tar xzf /tmp/a.tgz && rm /tmp/a.tgz\n")
    assertNoFindings(DX1006.self, "FROM alpine\nRUN curl -o /tmp/a.tgz https://x.example/a && tar xzf /tmp/a.tgz && rm -rf /tmp/*\n")
  }

  func testPipedDownloadAndNotUnpackedAreQuiet() {
    assertNoFindings(DX1006.self, "FROM alpine\nRUN curl -fsSL https://x.example/a.tgz | tar -xz -C /opt\n")
    assertNoFindings(DX1006.self, "FROM alpine\nRUN curl -o /usr/local/bin/jq https://x.example/jq && chmod +x /usr/local/bin/jq\n")
  }

  func testExecFormIsSkipped() {
    assertNoFindings(DX1006.self, "FROM alpine\nRUN [\"sh\", \"-c\", \"wget https://x.example/a.tgz && tar xzf a.tgz\"]\n")
  }

  func testFixOnOneLine() {
    assertFix(DX1006.self, before: "FROM alpine\nRUN curl -o /tmp/a.tgz https://x.example/a && tar xzf /tmp/a.tgz\n",
              after: "FROM alpine\nRUN curl -o /tmp/a.tgz https://x.example/a && tar xzf /tmp/a.tgz && rm -f /tmp/a.tgz\n",
              title: "Delete the archive")
  }

  func testFixKeepsContinuationStyle() {
    assertFix(DX1006.self, before: "FROM alpine\nRUN curl -o /tmp/a.tgz https://x.example/a \\\n  && tar xzf /tmp/a.tgz   \n",
              after: "FROM alpine\nRUN curl -o /tmp/a.tgz https://x.example/a \\\n  && tar xzf /tmp/a.tgz \\\n  && rm -f /tmp/a.tgz   \n")
  }

  func testFixWithBacktickEscape() {
    assertFix(DX1006.self, before: "# escape=`\nFROM alpine\nRUN curl -o /tmp/a.tgz https://x.example/a `\n    && tar xzf /tmp/a.tgz\n",
              after: "# escape=`\nFROM alpine\nRUN curl -o /tmp/a.tgz https://x.example/a `\n    && tar xzf /tmp/a.tgz `\n    && rm -f /tmp/a.tgz\n")
  }

  func testNoFixAfterCommentOrTrailingSeparator() {
    assertNoFix(DX1006.self, "FROM alpine\nRUN curl -o /tmp/a.tgz https://x.example/a && tar xzf /tmp/a.tgz # unpack\n")
    assertNoFix(DX1006.self, "FROM alpine\nRUN curl -o /tmp/a.tgz https://x.example/a && tar xzf /tmp/a.tgz;\n")
    assertNoFix(DX1006.self, "FROM alpine\nRUN curl -o '/tmp/a b.tgz' https://x.example/a && tar xzf '/tmp/a b.tgz'\n")
  }
}

extension DX1006Tests {
  func testHeredocBodyIsReadWithoutFix() {
    let text = "FROM alpine\nRUN <<EOF\nset -e\n1️⃣wget -O /tmp/a.tgz https://x.example/a2️⃣\ntar xzf /tmp/a.tgz -C /opt\nEOF\n"
    assertFindings(DX1006.self, text, [FindingSpec("1️⃣", "2️⃣")])
    assertNoFix(DX1006.self, extractMarkers(text).text)
  }

  func testFixInCRLFFile() {
    assertFix(DX1006.self, before: "FROM alpine\r\nRUN curl -o /tmp/a.tgz https://x.example/a \\\r\n    && tar xzf /tmp/a.tgz\r\n",
              after: "FROM alpine\r\nRUN curl -o /tmp/a.tgz https://x.example/a \\\r\n    && tar xzf /tmp/a.tgz \\\r\n    && rm -f /tmp/a.tgz\r\n")
  }

  func testContinuationLinesStartingWithAndKeepTheirShape() {
    assertFix(DX1006.self, before: "FROM alpine\nRUN curl -o /tmp/a.tgz https://x.example/a && \\\n    tar xzf /tmp/a.tgz\n",
              after: "FROM alpine\nRUN curl -o /tmp/a.tgz https://x.example/a && \\\n    tar xzf /tmp/a.tgz \\\n    && rm -f /tmp/a.tgz\n")
  }
}
