import Analysis
import XCTest

final class PragmaTests: XCTestCase {
  func testParsesPragmas() {
    XCTAssertEqual(Pragma.parse(" hadolint ignore=DL3008,DL3015"), .ignore(["DL3008", "DL3015"]))
    XCTAssertEqual(Pragma.parse(" hadolint ignore = DL3008 , SC2086 # pinned by the base image"), .ignore(["DL3008", "SC2086"]))
    XCTAssertEqual(Pragma.parse("hadolint global ignore=dl3059"), .globalIgnore(["DL3059"]))
    XCTAssertEqual(Pragma.parse(" hadolint shell=powershell"), .shell("powershell"))
    XCTAssertEqual(Pragma.parse(" hadolint shell = /bin/bash # for pipefail"), .shell("/bin/bash"))
    XCTAssertNil(Pragma.parse(" hadolint ignore="))
    XCTAssertNil(Pragma.parse(" hadolint ignore=DL3008 trailing words"))
    XCTAssertNil(Pragma.parse(" hadolintignore=DL3008"))
    XCTAssertNil(Pragma.parse(" check=skip=JSONArgsRecommended"))
    XCTAssertNil(Pragma.parse(" install curl"))
  }

  private let consecutiveRuns = "FROM alpine:3.20\nRUN echo a\n"

  func testIgnoreAppliesToTheNextInstructionOnly() {
    let text = "FROM alpine:3.20\nRUN echo a\n# hadolint ignore=DL3059\n# a reason on its own line\nRUN echo b\nRUN echo c\n"
    let findings = Linter().lint(Document(text: text))
    XCTAssertEqual(findings.map(\.ruleID), ["DL3059"])
    XCTAssertEqual(findings.first.map { Document(text: text).source.position(of: $0.range.lowerBound).line }, 5)
  }

  func testBlankLineEndsThePragma() {
    let text = "FROM alpine:3.20\nRUN echo a\n# hadolint ignore=DL3059\n\nRUN echo b\n"
    XCTAssertEqual(Linter().lint(Document(text: text)).map(\.ruleID), ["DL3059"])
  }

  func testGlobalIgnoreAndDisabledPragmas() {
    let text = "# hadolint global ignore=DL3059\nFROM alpine:3.20\nRUN echo a\nRUN echo b\nRUN echo c\n"
    XCTAssertEqual(Linter().lint(Document(text: text)).map(\.ruleID), [])
    let strict = Linter(configuration: LintConfiguration(honorsIgnorePragmas: false))
    XCTAssertEqual(strict.lint(Document(text: text)).map(\.ruleID), ["DL3059", "DL3059"])
  }

  func testIgnoreCoversContinuationLinesAndCRLF() {
    let text = "FROM alpine:3.20\r\nRUN echo a\r\n# hadolint ignore=DL3059\r\nRUN echo b \\\r\n  && echo c\r\n"
    XCTAssertEqual(Linter().lint(Document(text: text)).map(\.ruleID), [])
  }

  func testShellPragmaSetsTheShellUntilTheNextShellInstruction() {
    let text = """
      # hadolint shell=powershell
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN Write-Host a
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN Write-Host b
      SHELL ["/bin/bash", "-c"]
      RUN echo c
      # hadolint shell=bash
      RUN echo d

      """
    let document = Document(text: text)
    let model = SemanticModel(tree: document.tree, instructions: document.tree.instructions)
    XCTAssertEqual(model.shellOfInstruction, [
      ["powershell"], ["powershell"], ["powershell"], ["powershell"], ["/bin/bash", "-c"], ["/bin/bash", "-c"],
      ["bash", "-c"],
    ])
    XCTAssertFalse(SemanticModel.isPOSIXShell(model.shellOfInstruction[1]))
    // Under PowerShell the RUNs are not merged, so DL3059 has no fix to offer.
    let findings = Linter().lint(Document(text: "# hadolint shell=powershell\nFROM a:1\nRUN a\nRUN b\nRUN c\n"))
    XCTAssertEqual(findings.map(\.ruleID), ["DL3059", "DL3059"])
    XCTAssertEqual(findings.flatMap(\.fixes), [])
  }
}

final class IgnoreCommentTests: XCTestCase {
  private func apply(_ text: String, rule: String = "DL3059", instruction: Int) -> String? {
    let document = Document(text: text)
    guard let edit = IgnoreComment.edit(ignoring: rule, onInstructionAt: instruction, in: document) else { return nil }
    return document.source.applying([edit]).string
  }

  func testInsertsACommentAboveWithIndentation() {
    XCTAssertEqual(
      apply("FROM alpine:3.20\n  RUN echo a\n", instruction: 1),
      "FROM alpine:3.20\n  # hadolint ignore=DL3059\n  RUN echo a\n")
  }

  func testUsesTheFileLineEnding() {
    XCTAssertEqual(
      apply("FROM alpine:3.20\r\nRUN echo a \\\r\n  && echo b\r\n", instruction: 1),
      "FROM alpine:3.20\r\n# hadolint ignore=DL3059\r\nRUN echo a \\\r\n  && echo b\r\n")
  }

  func testExtendsAnExistingIgnoreComment() {
    XCTAssertEqual(
      apply("FROM alpine:3.20\n# hadolint ignore=DL3008 # pinned upstream\n# install tools\nRUN echo a\n", instruction: 1),
      "FROM alpine:3.20\n# hadolint ignore=DL3008,DL3059 # pinned upstream\n# install tools\nRUN echo a\n")
    XCTAssertNil(apply("FROM alpine:3.20\n# hadolint ignore=DL3059\nRUN echo a\n", instruction: 1))
  }

  func testDoesNotExtendAcrossABlankLineOrAGlobalPragma() {
    XCTAssertEqual(
      apply("# hadolint global ignore=DL3006\nFROM alpine:3.20\n# hadolint ignore=DL3008\n\nRUN echo a\n", instruction: 1),
      "# hadolint global ignore=DL3006\nFROM alpine:3.20\n# hadolint ignore=DL3008\n\n# hadolint ignore=DL3059\nRUN echo a\n")
  }

  func testInsertedCommentSuppressesTheFinding() {
    let text = "FROM alpine:3.20\nRUN echo a\nRUN echo b\n"
    let document = Document(text: text)
    let finding = Linter().lint(document)[0]
    let index = Linter.instructionIndex(containing: finding.range.lowerBound, in: document.tree.instructions)!
    let edit = IgnoreComment.edit(ignoring: finding.ruleID, onInstructionAt: index, in: document)!
    XCTAssertEqual(Linter().lint(Document(text: document.source.applying([edit]).string)), [])
  }
}

/// The node lookup that code actions use must pick the same instruction as the linter's lookup.
final class IgnoreCommentNodeLookupTests: XCTestCase {
  func testNodeLookupMatchesInstructionLookup() {
    let text = "# escape=\\\n\nFROM a\n# note\nRUN b \\\n  c\n\nCOPY x y\n"
    let tree = Document(text: text).tree
    let instructions = tree.instructions
    let instructionNodes = tree.nodes.indices.filter { index in
      if case .instruction = tree.nodes[index] { return true }
      return false
    }
    for offset in 0...text.utf8.count {
      let expected = Linter.instructionIndex(containing: offset, in: instructions).map { instructionNodes[$0] }
      XCTAssertEqual(IgnoreComment.nodeIndex(ofInstructionContaining: offset, in: tree), expected, "offset \(offset)")
    }
  }
}
