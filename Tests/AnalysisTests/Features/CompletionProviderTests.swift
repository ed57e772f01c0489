import Analysis
import XCTest

final class CompletionProviderTests: XCTestCase {
  /// Completes at the `|` in `text` (which is removed first).
  private func complete(_ text: String) -> (labels: [String], candidates: [CompletionCandidate], offset: Int) {
    let offset = byteRange(of: "|", in: text).lowerBound
    let source = text.replacingOccurrences(of: "|", with: "")
    let candidates = CompletionProvider.completions(in: Document(text: source), at: offset)
    return (candidates.map(\.label), candidates, offset)
  }

  func testKeywordsAtLineStartWithSnippetsAndDocs() {
    let result = complete("FROM alpine\n  RU|\n")
    XCTAssertEqual(result.labels.count, 18)
    let run = result.candidates.first { $0.label == "RUN" }
    XCTAssertEqual(run?.insertText, "RUN ${1:command}")
    XCTAssertEqual(run?.isSnippet, true)
    XCTAssertEqual(run?.replaceRange, (result.offset - 2)..<result.offset)
    XCTAssertEqual(run?.documentation, InstructionDocs.markdown(for: .run))
    XCTAssertEqual(complete("|").labels.count, 18)
  }

  func testNoKeywordsInsideContinuationOrArguments() {
    XCTAssertEqual(complete("RUN a \\\n  b|\n").labels, [])
    XCTAssertEqual(complete("RUN apt|\n").labels, [])
  }

  func testOnbuildProposesTriggerKeywords() {
    let result = complete("FROM a\nONBUILD R|\n")
    XCTAssertEqual(result.labels.count, 15)
    XCTAssertFalse(result.labels.contains("ONBUILD"))
    XCTAssertEqual(result.candidates.first?.replaceRange, (result.offset - 1)..<result.offset)
    XCTAssertEqual(complete("ONBUILD COPY --|").labels.first, "--from=")
  }

  func testFlagsPerInstruction() {
    let copy = complete("FROM a AS b\nCOPY --|\n")
    XCTAssertEqual(copy.labels, ["--from=", "--chown=", "--chmod=", "--link", "--parents", "--exclude="])
    XCTAssertEqual(copy.candidates.first?.replaceRange, (copy.offset - 2)..<copy.offset)
    XCTAssertEqual(complete("ADD --ch|").labels, ["--chown=", "--chmod=", "--link", "--checksum=", "--keep-git-dir=", "--exclude=", "--unpack="])
    XCTAssertEqual(complete("RUN -|").labels, ["--mount=", "--network=", "--security="])
    XCTAssertEqual(complete("FROM --|").labels, ["--platform="])
    // Not after the first argument.
    XCTAssertEqual(complete("COPY a --|").labels, [])
  }

  func testFlagValuesAndStageNames() {
    let from = complete("FROM a AS build\nFROM b AS test\nCOPY --from=b| x y\n")
    XCTAssertEqual(from.labels, ["build", "test"])
    XCTAssertEqual(from.candidates.first?.replaceRange, (from.offset - 1)..<from.offset)
    XCTAssertEqual(complete("RUN --network=|").labels, ["default", "none", "host"])
    XCTAssertEqual(complete("RUN --mount=type=cache,|").labels.first, "type=")
    XCTAssertEqual(complete("RUN --mount=type=|").labels, ["cache", "bind", "secret", "ssh", "tmpfs"])
    XCTAssertEqual(complete("FROM x AS deps\nRUN --mount=type=bind,from=|").labels, ["deps"])
  }

  func testFromProposesEarlierStagesThenAs() {
    XCTAssertEqual(complete("FROM golang AS build\nFROM |").labels, ["build"])
    XCTAssertEqual(complete("FROM golang AS build\nFROM build |").labels, ["AS"])
    XCTAssertEqual(complete("FROM golang AS build\nFROM b|\nFROM x AS later\n").labels, ["build"])
  }

  func testEnvIsInheritedFromBaseStage() {
    let result = complete("FROM a AS base\nENV FROM_BASE=1\nARG NOT_INHERITED\nFROM base\nRUN echo $|\n")
    XCTAssertEqual(result.labels.first, "FROM_BASE")
    XCTAssertFalse(result.labels.contains("NOT_INHERITED"))
  }

  func testVariablesInScope() {
    let text = "ARG GLOBAL=1\nFROM alpine:$|\nARG LOCAL\nENV HOME_DIR=/h\nRUN echo ${|}\n"
    let inFrom = complete(text.replacingOccurrences(of: "${|}", with: "${}"))
    XCTAssertEqual(Array(inFrom.labels.prefix(2)), ["GLOBAL", "TARGETPLATFORM"])
    let inRun = complete(text.replacingOccurrences(of: "alpine:$|", with: "alpine"))
    XCTAssertEqual(Array(inRun.labels.prefix(3)), ["HOME_DIR", "LOCAL", "TARGETPLATFORM"])
    XCTAssertFalse(inRun.labels.contains("GLOBAL"))
    XCTAssertTrue(inRun.labels.contains("HTTP_PROXY"))
    XCTAssertEqual(inRun.candidates.first?.detail, "ENV = /h")
    XCTAssertEqual(inRun.candidates.first?.replaceRange, inRun.offset..<inRun.offset)
  }
}
