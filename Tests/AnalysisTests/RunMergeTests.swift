import XCTest
@testable import Analysis

/// The merge of two RUN instructions, on shapes where keeping the build's behaviour takes care.
final class RunMergeTests: XCTestCase {
  /// Returns the text after merging the last RUN into the RUN before it, or nil when no fix.
  func merged(_ before: String) -> String? {
    let document = Document(text: before)
    let context = RuleContext(document: document)
    let runs = context.instructions.indices.filter { context.instructions[$0].kind == .run }
    guard runs.count >= 2, let fix = RunMerge.fix(earlier: runs[runs.count - 2], later: runs[runs.count - 1], in: context) else {
      return nil
    }
    XCTAssertEqual(fix.title, "Merge with the previous RUN")
    XCTAssertEqual(fix.kind, .quickFix)
    return document.source.applying(fix.edits).string
  }

  // MARK: - Rewritten shapes

  func testSimpleMergeJoinsWithAnd() {
    XCTAssertEqual(merged("FROM debian\nRUN a\nRUN b\n"), "FROM debian\nRUN a \\\n    && b\n")
  }

  func testContinuationIndentIsReused() {
    XCTAssertEqual(merged("FROM debian\nRUN a \\\n  && b\nRUN c\n"), "FROM debian\nRUN a \\\n  && b \\\n  && c\n")
  }

  func testSameFlagsAreKeptOnce() {
    XCTAssertEqual(merged("FROM debian\nRUN --network=none a\nRUN --network=none b\n"),
                   "FROM debian\nRUN --network=none a \\\n    && b\n")
  }

  func testEarlierDirectoryChangeRunsInSubshell() {
    XCTAssertEqual(merged("FROM debian\nRUN cd /src\nRUN make\n"), "FROM debian\nRUN ( cd /src ) \\\n    && make\n")
  }

  func testEarlierExportRunsInSubshell() {
    XCTAssertEqual(merged("FROM debian\nRUN export A=1\nRUN env\n"), "FROM debian\nRUN ( export A=1 ) \\\n    && env\n")
  }

  func testEarlierSetOptionRunsInSubshell() {
    XCTAssertEqual(merged("FROM debian\nRUN set -e && a\nRUN b\n"), "FROM debian\nRUN ( set -e && a ) \\\n    && b\n")
  }

  func testEarlierExitRunsInSubshell() {
    XCTAssertEqual(merged("FROM debian\nRUN a || exit 0\nRUN b\n"), "FROM debian\nRUN ( a || exit 0 ) \\\n    && b\n")
  }

  func testEarlierSubshellDirectoryChangeNeedsNoWrap() {
    XCTAssertEqual(merged("FROM debian\nRUN (cd /src && make)\nRUN b\n"), "FROM debian\nRUN (cd /src && make) \\\n    && b\n")
  }

  func testEarlierOrListNeedsNoWrap() {
    // `a || b && c` groups as `(a || b) && c`, as the two RUNs did.
    XCTAssertEqual(merged("FROM debian\nRUN a || b\nRUN c\n"), "FROM debian\nRUN a || b \\\n    && c\n")
  }

  func testLaterOrListIsGrouped() {
    XCTAssertEqual(merged("FROM debian\nRUN a\nRUN b || true\n"), "FROM debian\nRUN a \\\n    && { b || true; }\n")
  }

  func testLaterSequenceIsGrouped() {
    XCTAssertEqual(merged("FROM debian\nRUN a\nRUN b; c\n"), "FROM debian\nRUN a \\\n    && { b; c; }\n")
  }

  func testCRLFLineEndingsAreKept() {
    XCTAssertEqual(merged("FROM debian\r\nRUN a\r\nRUN b\r\n"), "FROM debian\r\nRUN a \\\r\n    && b\r\n")
  }

  func testBacktickEscapeIsUsed() {
    XCTAssertEqual(merged("# escape=`\nFROM debian\nRUN a\nRUN b\n"), "# escape=`\nFROM debian\nRUN a `\n    && b\n")
  }

  func testLaterTrailingCommentStaysAtEnd() {
    XCTAssertEqual(merged("FROM debian\nRUN a\nRUN b # why\n"), "FROM debian\nRUN a \\\n    && b # why\n")
  }

  func testCommentLinesBetweenAreKept() {
    XCTAssertEqual(merged("FROM debian\nRUN a\n\n# then b\n  # indented\nRUN b\n"),
                   "FROM debian\nRUN a \\\n# then b\n  # indented\n    && b\n")
  }

  func testMergedTextParsesAsOneRun() throws {
    let text = try XCTUnwrap(merged("FROM debian\nRUN cd x\n# note\nRUN b; c\n"))
    let instructions = Document(text: text).tree.instructions
    XCTAssertEqual(instructions.map(\.kind), [.from, .run])
    XCTAssertEqual(instructions[1].arguments.text, "( cd x )     && { b; c; }")
  }

  func testFixesOfThreeRunsCombine() {
    let document = Document(text: "FROM debian\nRUN a\nRUN cd x\nRUN b; c\n")
    let context = RuleContext(document: document)
    let first = RunMerge.fix(earlier: 1, later: 2, in: context)
    let second = RunMerge.fix(earlier: 2, later: 3, in: context)
    let edits = (first?.edits ?? []) + (second?.edits ?? [])
    XCTAssertEqual(document.source.applying(edits).string,
                   "FROM debian\nRUN a \\\n    && ( cd x ) \\\n    && { b; c; }\n")
  }

  // MARK: - Shapes where no fix is offered

  func testNoFixForExecForm() {
    XCTAssertNil(merged("FROM debian\nRUN [\"a\"]\nRUN b\n"))
    XCTAssertNil(merged("FROM debian\nRUN a\nRUN [\"b\"]\n"))
  }

  func testNoFixForHeredoc() {
    XCTAssertNil(merged("FROM debian\nRUN <<EOF\na\nEOF\nRUN b\n"))
  }

  func testNoFixForDifferentFlags() {
    XCTAssertNil(merged("FROM debian\nRUN --mount=type=cache,target=/x a\nRUN b\n"))
  }

  func testNoFixWhenEarlierHasShellComment() {
    XCTAssertNil(merged("FROM debian\nRUN a # note\nRUN b\n"))
  }

  func testNoFixWhenEarlierEndsWithSeparator() {
    XCTAssertNil(merged("FROM debian\nRUN a;\nRUN b\n"))
  }

  func testNoFixWhenLaterRunsInBackground() {
    XCTAssertNil(merged("FROM debian\nRUN a\nRUN b &\n"))
  }

  func testNoFixWhenGroupWouldSwallowComment() {
    XCTAssertNil(merged("FROM debian\nRUN a\nRUN b; c # note\n"))
  }

  func testNoFixForUnparsableScript() {
    XCTAssertNil(merged("FROM debian\nRUN a\nRUN echo \"unterminated\n"))
  }

  func testNoFixUnderPowerShell() {
    XCTAssertNil(merged("FROM mcr.microsoft.com/windows/servercore\nSHELL [\"powershell\", \"-Command\"]\nRUN a\nRUN b\n"))
  }
}

final class RunMergePragmaTests: XCTestCase {
  func testNoMergeAcrossIgnorePragma() {
    let document = Document(text: "FROM debian\nRUN a\n# hadolint ignore=DL3008\nRUN b\n")
    let context = RuleContext(document: document)
    XCTAssertNil(RunMerge.fix(earlier: 1, later: 2, in: context))
  }

  func testOrdinaryCommentDoesNotBlockMerge() {
    let document = Document(text: "FROM debian\nRUN a\n# hadolint is a linter\nRUN b\n")
    let context = RuleContext(document: document)
    XCTAssertNotNil(RunMerge.fix(earlier: 1, later: 2, in: context))
  }
}
