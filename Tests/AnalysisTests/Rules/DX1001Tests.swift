import XCTest
@testable import Analysis

final class DX1001Tests: XCTestCase {
  func testFinalStageOnFullLanguageImage() {
    assertFindings(DX1001.self, "FROM golang:1.22 AS build\nRUN go build\nFROM 1️⃣python:3.122️⃣\nCMD [\"python\"]\n",
                   [FindingSpec("1️⃣", "2️⃣", message: "The image ships on `python:3.12`, a large image with a smaller variant")])
  }

  func testBaseChainOfFinalStage() {
    assertFindings(DX1001.self, "FROM --platform=linux/amd64 1️⃣ubuntu:22.042️⃣ AS base\nFROM base\nRUN true\n",
                   [FindingSpec("1️⃣", "2️⃣")])
  }

  func testSmallVariantsBuildersAndOtherRegistriesAreQuiet() {
    assertNoFindings(DX1001.self, "FROM python:3.12-slim\n")
    assertNoFindings(DX1001.self, "FROM node:20-alpine\n")
    assertNoFindings(DX1001.self, "FROM debian:bookworm-slim\n")
    assertNoFindings(DX1001.self, "FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /app /app\n")
    assertNoFindings(DX1001.self, "FROM registry.example.com/python:3.12\n")
    assertNoFindings(DX1001.self, "FROM ${BASE}\n")
  }

  func testRefactorFixes() {
    let cases = [("python:3.12", "python:3.12-slim"), ("node:20", "node:20-alpine"), ("debian:bookworm", "debian:bookworm-slim"),
                 ("golang:1.22.3", "golang:1.22.3-alpine"), ("ruby", "ruby:slim"), ("library/python:latest", "library/python:slim")]
    for (before, after) in cases {
      assertFix(DX1001.self, before: "FROM \(before) AS app\n", after: "FROM \(after) AS app\n", title: "Switch to `\(after)`")
      XCTAssertEqual(findings(of: DX1001.self, in: "FROM \(before)\n").first?.fixes.first?.kind, .refactor)
    }
  }

  func testNoFixWhenVariantIsUncertain() {
    assertNoFix(DX1001.self, "FROM ubuntu:22.04\n")
    assertNoFix(DX1001.self, "FROM php:8.3\n")
    assertNoFix(DX1001.self, "FROM python:3.12-bookworm\n")
    assertNoFix(DX1001.self, "FROM python:3.12@sha256:0123\n")
  }
}
