import XCTest
@testable import Analysis

final class DL3006Tests: XCTestCase {
  func testUntaggedImageIsReported() {
    assertFindings(DL3006.self, "FROM 1️⃣debian2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Image `debian` has no tag; pin a version explicitly")])
  }

  func testRegistryWithPortIsNotATag() {
    assertFindings(DL3006.self, "FROM 1️⃣localhost:5000/team/app2️⃣ AS app\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testTagDigestScratchAndStagesAreFine() {
    assertNoFindings(DL3006.self, """
      FROM debian:12 AS base
      FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      FROM scratch
      FROM base
      FROM BASE AS again

      """)
  }

  func testImageAfterFlagsIsTheRange() {
    assertFindings(DL3006.self, "FROM --platform=$BUILDPLATFORM 1️⃣golang2️⃣ AS build\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testGlobalArgDefaultsAreSubstituted() {
    assertNoFindings(DL3006.self, "ARG BASE=debian:12\nFROM $BASE\n")
    assertNoFindings(DL3006.self, "ARG VERSION=12\nFROM debian:${VERSION}\n")
    assertFindings(DL3006.self, "ARG BASE=\"debian\"\nFROM 1️⃣${BASE}2️⃣\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "Image `${BASE}` has no tag; pin a version explicitly")])
    assertNoFindings(DL3006.self, "FROM ${BASE:-debian:12}\n")
  }

  func testUnknownVariableMayHoldTag() {
    assertNoFindings(DL3006.self, "ARG BASE\nFROM $BASE\n")
    assertNoFindings(DL3006.self, "FROM $IMAGE\n")
    assertNoFindings(DL3006.self, "ARG SUFFIX\nFROM registry.example.com/app$SUFFIX\n")
  }

  func testArgDefaultsUseEarlierArgs() {
    assertFindings(DL3006.self, "ARG REGISTRY=quay.io\nARG BASE=$REGISTRY/app\nFROM 1️⃣$BASE2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
    assertNoFindings(DL3006.self, "ARG TAG=1.2\nARG BASE=quay.io/app:${TAG}\nFROM $BASE\n")
  }

  func testVariableOnlyInRegistryCannotHoldTheTag() {
    assertFindings(DL3006.self, "ARG REGISTRY\nFROM 1️⃣$REGISTRY/debian2️⃣\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testStageNamedLikeItsImage() {
    assertFindings(DL3006.self, "FROM 1️⃣debian2️⃣ AS debian\nFROM debian\n", [FindingSpec("1️⃣", "2️⃣")])
  }

  func testStageNameFromVariable() {
    assertNoFindings(DL3006.self, "ARG BASE=build\nFROM golang:1.22 AS build\nFROM $BASE\n")
  }

  func testArgAfterFirstFromIsNotGlobal() {
    assertNoFindings(DL3006.self, "FROM debian:12\nARG BASE=debian\nFROM $BASE\n")
  }

  func testEveryStageIsChecked() {
    assertFindings(DL3006.self, "FROM 1️⃣node2️⃣ AS build\nFROM 3️⃣nginx4️⃣\n", [FindingSpec("1️⃣", "2️⃣"), FindingSpec("3️⃣", "4️⃣")])
  }
}
