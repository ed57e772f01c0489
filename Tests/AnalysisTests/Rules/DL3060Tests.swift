import XCTest
@testable import Analysis

final class DL3060Tests: XCTestCase {
  let message = "Run `yarn cache clean` after `yarn install` in the same `RUN`, or the cache stays in the layer"

  // MARK: - Where it fires

  func testInstallWithoutCleanIsReported() {
    assertFindings(DL3060.self, "FROM node:20\nRUN 1️⃣yarn install --frozen-lockfile2️⃣\n", [FindingSpec("1️⃣", "2️⃣", message: message)])
  }

  func testCleanBeforeInstallDoesNotCount() {
    assertFindings(DL3060.self, "FROM node:20\nRUN yarn cache clean && 1️⃣yarn --cwd app install2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testOtherMountDoesNotCount() {
    assertFindings(DL3060.self, "FROM node:20\nRUN --mount=type=cache,target=/root/.yarn 1️⃣yarn install2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testHeredocBodyIsChecked() {
    assertFindings(DL3060.self, "FROM node:20\nRUN <<EOF\n1️⃣yarn install2️⃣\nEOF\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  // MARK: - Where it must not fire

  func testCleanAfterInstallSatisfiesTheRule() {
    assertNoFindings(DL3060.self, "FROM node:20\nRUN yarn install && yarn cache clean --all\n")
    assertNoFindings(DL3060.self, "FROM node:20\nRUN yarn install; yarn cache clean\n")
  }

  func testCacheMountsSatisfyTheRule() {
    for target in ["/usr/local/share/.cache/yarn", "/root/.cache/yarn", "/home/node/.cache/yarn/v6"] {
      assertNoFindings(DL3060.self, "FROM node:20\nRUN --mount=type=cache,target=\(target) yarn install\n")
    }
  }

  func testAddAndBareYarnAreIgnored() {
    assertNoFindings(DL3060.self, "FROM node:20\nRUN yarn && yarn add left-pad && yarn global add typescript\n")
  }

  func testStagesOnlyCopiedFromAreIgnored() {
    assertNoFindings(DL3060.self, "FROM node:20 AS build\nRUN yarn install\nFROM nginx\nCOPY --from=build /app /app\n")
  }

  // MARK: - The fix

  func testFixAppendsClean() {
    assertFix(DL3060.self, before: "FROM node:20\nRUN yarn install --frozen-lockfile\n",
              after: "FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n", title: "Clean the yarn cache")
  }

  func testFixOnContinuationLine() {
    assertFix(DL3060.self, before: "FROM node:20\nRUN yarn install \\\n  && yarn build\n",
              after: "FROM node:20\nRUN yarn install \\\n  && yarn build \\\n  && yarn cache clean\n")
  }

  func testNoFixAfterOr() {
    assertNoFix(DL3060.self, "FROM node:20\nRUN yarn install || yarn install --network-timeout 600000\n")
  }

  func testFixWithCRLF() {
    assertFix(DL3060.self, before: "FROM node:20\r\nRUN yarn install && \\\r\n  yarn build\r\n",
              after: "FROM node:20\r\nRUN yarn install && \\\r\n  yarn build && \\\r\n  yarn cache clean\r\n")
  }

  func testFixInHeredoc() {
    assertFix(DL3060.self, before: "FROM node:20\nRUN <<EOF\nyarn install\nEOF\n",
              after: "FROM node:20\nRUN <<EOF\nyarn install && yarn cache clean\nEOF\n")
  }
}
