import XCTest
@testable import Analysis

final class DL3019Tests: XCTestCase {
  let message = "`apk add` without `--no-cache` leaves the package index in `/var/cache/apk`"

  // MARK: - Where it fires

  func testAddWithoutNoCacheIsReported() {
    assertFindings(DL3019.self, "FROM alpine\nRUN 1️⃣apk add curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testUpdateFlagIsNotEnough() {
    assertFindings(DL3019.self, "FROM alpine\nRUN 1️⃣apk add --update curl2️⃣ && 3️⃣sudo apk --update-cache add git4️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }

  func testMountOutsideTheCacheDoesNotCount() {
    assertFindings(DL3019.self, "FROM alpine\nRUN --mount=type=cache,target=/root/.cache 1️⃣apk add curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHeredocBodyIsChecked() {
    assertFindings(DL3019.self, "FROM alpine\nRUN <<EOF\n1️⃣apk add curl2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  // MARK: - Where it must not fire

  func testNoCacheAnywhereSatisfiesTheRule() {
    assertNoFindings(DL3019.self, "FROM alpine\nRUN apk add --no-cache curl && apk --no-cache add git && apk del curl\n")
  }

  func testCacheMountsSatisfyTheRule() {
    for mount in ["type=cache,target=/var/cache/apk", "type=cache,target=/var/cache/apk/", "type=tmpfs,target=/var/cache/apk",
                  "type=cache,id=apk,sharing=locked,dst=/etc/apk/cache", "type=cache,target=/var/cache"] {
      assertNoFindings(DL3019.self, "FROM alpine\nRUN --mount=\(mount) apk add curl\n")
    }
  }

  func testOnbuildTriggerIsChecked() {
    assertFindings(DL3019.self, "FROM alpine\nONBUILD RUN 1️⃣apk add curl2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  // MARK: - The fix

  func testFixInsertsNoCacheAfterAdd() {
    assertFix(DL3019.self, before: "FROM alpine\nRUN apk add curl\n", after: "FROM alpine\nRUN apk add --no-cache curl\n",
              title: "Add `--no-cache`")
  }

  func testFixRemovesPointlessUpdateAndCleanup() {
    assertFix(DL3019.self, before: "FROM alpine\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n",
              after: "FROM alpine\nRUN apk add --no-cache curl\n")
  }

  func testFixRemovesAcrossContinuations() {
    assertFix(DL3019.self,
              before: "FROM alpine\r\nRUN cd / \\\r\n && apk update \\\r\n && apk add curl \\\r\n && rm -rf /var/cache/apk/* \\\r\n && curl --version\r\n",
              after: "FROM alpine\r\nRUN cd / \\\r\n && apk add --no-cache curl \\\r\n && curl --version\r\n")
  }

  func testFixKeepsUpdateAfterOr() {
    // Without `apk update`, `x || apk add` would run the add only when `x` fails.
    assertFix(DL3019.self, before: "FROM alpine\nRUN x || apk update && apk add curl\n",
              after: "FROM alpine\nRUN x || apk update && apk add --no-cache curl\n")
  }

  func testFixKeepsCleanupWhileAnotherCommandUsesTheCache() {
    assertFix(DL3019.self, before: "FROM alpine\nRUN apk update && apk add curl && rm -rf /var/cache/apk/* && apk upgrade\n",
              after: "FROM alpine\nRUN apk update && apk add --no-cache curl && rm -rf /var/cache/apk/* && apk upgrade\n")
  }

  func testFixKeepsBroaderRemoval() {
    assertFix(DL3019.self, before: "FROM alpine\nRUN apk add curl && rm -rf /var/cache/apk/* /tmp/*\n",
              after: "FROM alpine\nRUN apk add --no-cache curl && rm -rf /var/cache/apk/* /tmp/*\n")
  }

  func testFixKeepsCommentLine() {
    assertFix(DL3019.self, before: "FROM alpine\nRUN apk update \\\n# index\n && apk add curl\n",
              after: "FROM alpine\nRUN apk update \\\n# index\n && apk add --no-cache curl\n")
  }

  func testFixInOnbuildTrigger() {
    assertFix(DL3019.self, before: "FROM alpine\nONBUILD RUN apk update && apk add curl\n",
              after: "FROM alpine\nONBUILD RUN apk add --no-cache curl\n")
  }

  func testFixInHeredoc() {
    assertFix(DL3019.self, before: "FROM alpine\nRUN <<EOF\napk update && apk add curl\nEOF\n",
              after: "FROM alpine\nRUN <<EOF\napk add --no-cache curl\nEOF\n")
  }
}
