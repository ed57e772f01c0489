import XCTest
@testable import Analysis

/// Hand-written fixtures for each construct the parser handles, with exact byte ranges.
final class ParserTests: XCTestCase {
  // MARK: Helpers

  private func parse(_ text: String) -> (SyntaxTree, SourceText) {
    let source = SourceText(text)
    return (DockerfileParser.parse(source), source)
  }

  private func parse(bytes: [UInt8]) -> (SyntaxTree, SourceText) {
    let source = SourceText(bytes: bytes)
    return (DockerfileParser.parse(source), source)
  }

  /// Returns the byte range of the `occurrence`-th appearance of `needle` in `text`.
  private func range(of needle: String, in text: String, occurrence: Int = 1) -> Range<Int> {
    let haystack = Array(text.utf8)
    let pattern = Array(needle.utf8)
    var found = 0
    var index = 0
    while index + pattern.count <= haystack.count {
      if Array(haystack[index..<(index + pattern.count)]) == pattern {
        found += 1
        if found == occurrence { return index..<(index + pattern.count) }
      }
      index += 1
    }
    XCTFail("\(needle.debugDescription) not found in fixture")
    return 0..<0
  }

  private func kinds(_ tree: SyntaxTree) -> [String] {
    tree.nodes.map { node in
      switch node {
      case .directive: return "directive"
      case .comment: return "comment"
      case .blank: return "blank"
      case .instruction(let instruction): return instruction.kind.rawValue
      }
    }
  }

  private func assertLossless(_ tree: SyntaxTree, _ source: SourceText, file: StaticString = #filePath, line: UInt = #line) {
    var position = 0
    for node in tree.nodes {
      XCTAssertEqual(node.range.lowerBound, position, "gap or overlap", file: file, line: line)
      position = node.range.upperBound
    }
    XCTAssertEqual(position, source.count, "nodes do not reach the end", file: file, line: line)
  }

  // MARK: Files, comments and blank lines

  func testEmptyFileReportsNoInstructions() {
    let (tree, source) = parse("")
    XCTAssertTrue(tree.nodes.isEmpty)
    XCTAssertEqual(tree.fileErrors, [SyntaxError(range: 0..<0, message: "file with no instructions", isFatal: true)])
    XCTAssertEqual(source.count, 0)
  }

  func testCommentsOnlyFileReportsNoInstructions() {
    let (tree, source) = parse("# just a comment\n\n")
    XCTAssertEqual(kinds(tree), ["comment", "blank"])
    XCTAssertEqual(tree.fileErrors.map(\.message), ["file with no instructions"])
    XCTAssertEqual(tree.fileErrors.first?.range, 18..<18)
    assertLossless(tree, source)
  }

  func testSimpleInstructionRanges() {
    let text = "FROM alpine AS build\nRUN echo hi\n"
    let (tree, source) = parse(text)
    XCTAssertEqual(kinds(tree), ["from", "run"])
    let from = tree.instructions[0]
    XCTAssertEqual(from.range, 0..<21)
    XCTAssertEqual(from.keyword, "FROM")
    XCTAssertEqual(from.keywordRange, 0..<4)
    XCTAssertEqual(from.arguments.text, "alpine AS build")
    XCTAssertEqual(from.argumentsRange, 5..<20)
    let run = tree.instructions[1]
    XCTAssertEqual(run.range, 21..<33)
    XCTAssertEqual(run.argumentsRange, 25..<32)
    XCTAssertTrue(run.isShellForm)
    XCTAssertTrue(tree.errors.isEmpty)
    assertLossless(tree, source)
  }

  func testLowercaseAndMixedCaseKeywords() {
    let (tree, _) = parse("from a\nRun b\nworkDir /x\n")
    XCTAssertEqual(kinds(tree), ["from", "run", "workdir"])
    XCTAssertEqual(tree.instructions.map(\.keyword), ["from", "Run", "workDir"])
  }

  func testUnknownInstructionKeptWithError() {
    let (tree, source) = parse("FROM a\nFOO bar\n")
    XCTAssertEqual(kinds(tree), ["from", "unknown"])
    let unknown = tree.instructions[1]
    XCTAssertEqual(unknown.keyword, "FOO")
    XCTAssertEqual(unknown.range, 7..<15)
    XCTAssertEqual(unknown.errors, [SyntaxError(range: 7..<10, message: "unknown instruction: FOO")])
    XCTAssertFalse(unknown.errors[0].isFatal)
    assertLossless(tree, source)
  }

  func testBlankLinesMergeIntoOneNode() {
    let text = "FROM a\n\n  \n\t\nRUN b"
    let (tree, source) = parse(text)
    XCTAssertEqual(kinds(tree), ["from", "blank", "run"])
    XCTAssertEqual(tree.nodes[1].range, 7..<13)
    XCTAssertEqual(tree.nodes[2].range, 13..<18)
    assertLossless(tree, source)
  }

  func testCommentLineKeepsLeadingWhitespace() {
    let (tree, _) = parse("  # hello\nFROM a\n")
    guard case .comment(let comment) = tree.nodes[0] else { return XCTFail("expected a comment node") }
    XCTAssertEqual(comment.range, 0..<10)
    XCTAssertEqual(comment.contentRange, 2..<9)
    XCTAssertEqual(comment.text, " hello")
  }

  // MARK: Directives

  func testDirectivesSetEscapeCharacter() {
    let text = "# syntax=docker/dockerfile:1\n# ESCAPE = `\nFROM a `\n  b\n"
    let (tree, source) = parse(text)
    XCTAssertEqual(kinds(tree), ["directive", "directive", "from"])
    XCTAssertEqual(tree.directives.map(\.name), ["syntax", "escape"])
    XCTAssertEqual(tree.directives.map(\.value), ["docker/dockerfile:1", "`"])
    XCTAssertEqual(tree.directives[0].range, 0..<29)
    XCTAssertEqual(tree.directives[0].nameRange, 2..<8)
    XCTAssertEqual(tree.directives[0].valueRange, 9..<28)
    XCTAssertEqual(tree.directives[1].nameRange, 31..<37)
    XCTAssertEqual(tree.directives[1].valueRange, 40..<41)
    XCTAssertEqual(tree.escapeCharacter, UInt8(ascii: "`"))
    let from = tree.instructions[0]
    XCTAssertEqual(from.arguments.text, "a   b")
    XCTAssertEqual(from.range, 42..<55)
    assertLossless(tree, source)
  }

  func testCheckDirectiveRecognized() {
    let (tree, _) = parse("# check=skip=JSONArgsRecommended\nFROM a\n")
    XCTAssertEqual(tree.directives.map(\.name), ["check"])
    XCTAssertEqual(tree.directives.map(\.value), ["skip=JSONArgsRecommended"])
  }

  func testDirectiveAfterCommentIsComment() {
    let (tree, _) = parse("# hello\n# escape=`\nFROM a\n")
    XCTAssertEqual(kinds(tree), ["comment", "comment", "from"])
    XCTAssertTrue(tree.directives.isEmpty)
    XCTAssertEqual(tree.escapeCharacter, UInt8(ascii: "\\"))
  }

  func testDirectiveAfterBlankLineIsComment() {
    let (tree, _) = parse("\n# escape=`\nFROM a\n")
    XCTAssertEqual(kinds(tree), ["blank", "comment", "from"])
    XCTAssertTrue(tree.directives.isEmpty)
  }

  func testDirectiveAfterInstructionIsComment() {
    let (tree, _) = parse("FROM a\n# syntax=x\n")
    XCTAssertEqual(kinds(tree), ["from", "comment"])
  }

  func testUnknownDirectiveEndsPrologue() {
    let (tree, _) = parse("# foo=bar\n# escape=`\nFROM a\n")
    XCTAssertEqual(kinds(tree), ["comment", "comment", "from"])
    XCTAssertEqual(tree.escapeCharacter, UInt8(ascii: "\\"))
  }

  func testRepeatedDirectiveIsFatal() {
    let (tree, _) = parse("# syntax=a\n# syntax=b\nFROM a\n")
    XCTAssertEqual(kinds(tree), ["directive", "directive", "from"])
    XCTAssertEqual(tree.fileErrors, [SyntaxError(range: 13..<21, message: "only one syntax parser directive can be used", isFatal: true)])
  }

  func testInvalidEscapeValueIsFatal() {
    let (tree, _) = parse("# escape=x\nFROM a\n")
    XCTAssertEqual(tree.fileErrors, [SyntaxError(range: 9..<10, message: "invalid escape token 'x' does not match ` or \\", isFatal: true)])
    XCTAssertEqual(tree.escapeCharacter, UInt8(ascii: "\\"))
  }

  func testByteOrderMarkBeforeDirective() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# escape=`\nFROM a`\nb\n".utf8)
    let (tree, source) = parse(bytes: bytes)
    XCTAssertEqual(kinds(tree), ["directive", "from"])
    XCTAssertEqual(tree.nodes[0].range, 0..<14)
    XCTAssertEqual(tree.directives[0].nameRange, 5..<11)
    XCTAssertEqual(tree.instructions[0].arguments.text, "ab")
    assertLossless(tree, source)
  }

  func testByteOrderMarkBeforeInstruction() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("FROM a\n".utf8)
    let (tree, _) = parse(bytes: bytes)
    XCTAssertEqual(tree.instructions[0].keyword, "FROM")
    XCTAssertEqual(tree.instructions[0].range, 0..<10)
    XCTAssertEqual(tree.instructions[0].keywordRange, 3..<7)
  }

  // MARK: Line continuations

  func testContinuationDropsCommentsAndEmptyLines() {
    let text = "RUN echo a \\\n  # note\n\n    && echo b\n"
    let (tree, source) = parse(text)
    XCTAssertEqual(kinds(tree), ["run"])
    let run = tree.instructions[0]
    XCTAssertEqual(run.range, 0..<37)
    XCTAssertEqual(run.arguments.text, "echo a     && echo b")
    XCTAssertEqual(tree.logicalLine(of: run, in: source).text, "RUN echo a     && echo b")
    XCTAssertEqual(run.embeddedComments.count, 1)
    XCTAssertEqual(run.embeddedComments[0].range, 13..<22)
    XCTAssertEqual(run.embeddedComments[0].contentRange, 15..<21)
    XCTAssertEqual(run.embeddedComments[0].text, " note")
    XCTAssertEqual(run.argumentsRange, 4..<36)
    let andAnd = range(of: "&&", in: run.arguments.text)
    XCTAssertEqual(run.arguments.sourceRange(andAnd), range(of: "&&", in: text))
    XCTAssertEqual(run.arguments.sourceOffset(6), 10)
    XCTAssertEqual(run.arguments.sourceOffset(7), 23)
    assertLossless(tree, source)
  }

  func testWhitespaceAfterEscapeStillContinues() {
    let (tree, _) = parse("RUN a \\  \t\n  b\n")
    XCTAssertEqual(tree.instructions.count, 1)
    XCTAssertEqual(tree.instructions[0].arguments.text, "a   b")
  }

  func testEscapedEscapeIsNotContinuation() {
    let (tree, _) = parse("ENV C trailing\\\\\nENV D x\n")
    XCTAssertEqual(kinds(tree), ["env", "env"])
    XCTAssertEqual(tree.instructions[0].arguments.text, "C trailing\\\\")
  }

  func testEscapeAloneOnLineJoinsNothing() {
    let (tree, _) = parse("ENV E hello\\\n\\\nworld\n")
    XCTAssertEqual(tree.instructions.count, 1)
    XCTAssertEqual(tree.instructions[0].arguments.text, "E helloworld")
    XCTAssertEqual(tree.instructions[0].range, 0..<21)
  }

  func testContinuationRunsToEndOfFile() {
    let text = "FROM a\nRUN b \\"
    let (tree, source) = parse(text)
    XCTAssertEqual(tree.instructions[1].range, 7..<14)
    XCTAssertEqual(tree.instructions[1].arguments.text, "b")
    XCTAssertEqual(tree.logicalLine(of: tree.instructions[1], in: source).text, "RUN b ")
    assertLossless(tree, source)
  }

  func testEmptyContinuationLineDoesNotEndInstruction() {
    let (tree, _) = parse("RUN a \\\n\nRUN b\n")
    XCTAssertEqual(kinds(tree), ["run"])
    XCTAssertEqual(tree.instructions[0].arguments.text, "a RUN b")
  }

  func testBacktickEscapeWithWindowsPaths() {
    let text = "# escape=`\nFROM a\nCOPY C:\\src C:\\dst\nRUN dir `\n  c:\\\n"
    let (tree, source) = parse(text)
    XCTAssertEqual(kinds(tree), ["directive", "from", "copy", "run"])
    XCTAssertEqual(tree.instructions[1].arguments.text, "C:\\src C:\\dst")
    XCTAssertEqual(tree.instructions[2].arguments.text, "dir   c:\\")
    XCTAssertEqual(tree.instructions[2].range, range(of: "RUN dir `\n  c:\\\n", in: text))
    assertLossless(tree, source)
  }

  func testLineLongerThanScannerLimitIsFatal() {
    let long = String(repeating: "a", count: 70_000)
    let text = "FROM a\nRUN \(long)\nRUN b\n"
    let (tree, _) = parse(text)
    XCTAssertEqual(tree.fileErrors, [SyntaxError(
      range: 7..<(11 + 70_000), message: "dockerfile line greater than max allowed size of 65535", isFatal: true)])
    let exact = "FROM a\nRUN " + String(repeating: "a", count: 65_536 - 5) + "\n"
    XCTAssertTrue(parse(exact).0.fileErrors.isEmpty)
  }

  // MARK: Line endings

  func testCRLFRangesExcludeTerminator() {
    let text = "FROM a\r\nENV x\r\n"
    let (tree, source) = parse(text)
    XCTAssertEqual(tree.instructions[0].range, 0..<8)
    XCTAssertEqual(tree.instructions[0].argumentsRange, 5..<6)
    XCTAssertEqual(tree.instructions[1].range, 8..<15)
    XCTAssertEqual(tree.instructions[1].errors, [SyntaxError(range: 12..<13, message: "ENV must have two arguments", isFatal: true)])
    assertLossless(tree, source)
  }

  func testCRLFContinuation() {
    let text = "RUN a \\\r\n  b\r\nFROM c\r\n"
    let (tree, _) = parse(text)
    XCTAssertEqual(kinds(tree), ["run", "from"])
    XCTAssertEqual(tree.instructions[0].arguments.text, "a   b")
    XCTAssertEqual(tree.instructions[0].range, 0..<14)
  }

  func testLoneCarriageReturnStaysInsideLine() {
    // BuildKit splits lines only at "\n", so a lone "\r" is white space inside the line.
    let (tree, _) = parse("FROM a\rRUN b\n")
    XCTAssertEqual(kinds(tree), ["from"])
    XCTAssertEqual(tree.instructions[0].arguments.text, "a\rRUN b")
  }

  // MARK: Exec form

  func testExecFormElementRanges() {
    let text = "CMD [\"echo\", \"a\\\"b\"]\n"
    let (tree, _) = parse(text)
    let cmd = tree.instructions[0]
    XCTAssertEqual(cmd.execForm?.values, ["echo", "a\"b"])
    XCTAssertEqual(cmd.execForm?.range, 4..<20)
    XCTAssertEqual(cmd.execForm?.elements.map(\.range), [5..<11, 13..<19])
    XCTAssertFalse(cmd.isShellForm)
  }

  func testExecFormAcrossContinuation() {
    let text = "ENTRYPOINT [\"a\", \\\n  \"b\"]\n"
    let (tree, _) = parse(text)
    let entrypoint = tree.instructions[0]
    XCTAssertEqual(entrypoint.execForm?.values, ["a", "b"])
    XCTAssertEqual(entrypoint.execForm?.elements.map(\.range), [12..<15, 21..<24])
    XCTAssertEqual(entrypoint.execForm?.range, 11..<25)
  }

  func testInvalidJSONFallsBackToShellForm() {
    for text in ["CMD ['a', 'b']\n", "CMD [\"a\", \"b\"\n", "CMD '[\"a\"]'\n", "CMD [\"a\"] b\n"] {
      let (tree, _) = parse(text)
      XCTAssertNil(tree.instructions[0].execForm, text)
      XCTAssertTrue(tree.instructions[0].isShellForm, text)
      XCTAssertTrue(tree.errors.isEmpty, text)
    }
  }

  func testNestedJSONIsFatal() {
    let text = "CMD [\"a\", [\"b\"]]\n"
    let (tree, _) = parse(text)
    XCTAssertNil(tree.instructions[0].execForm)
    XCTAssertEqual(tree.instructions[0].errors, [SyntaxError(
      range: 10..<15, message: "when using JSON array syntax, arrays must be comprised of strings only", isFatal: true)])
  }

  func testJSONOnlyForExecInstructions() {
    let (tree, _) = parse("LABEL [\"a\"]\nCOPY [\"a\", \"b\"]\n")
    XCTAssertNil(tree.instructions[0].execForm)
    XCTAssertEqual(tree.instructions[1].execForm?.values, ["a", "b"])
  }

  // MARK: Flags

  func testFlagRanges() {
    let text = "COPY --from=build --chmod=755 --link a b\n"
    let (tree, _) = parse(text)
    let copy = tree.instructions[0]
    XCTAssertEqual(copy.flags.map(\.name), ["from", "chmod", "link"])
    XCTAssertEqual(copy.flags.map(\.value), ["build", "755", nil])
    XCTAssertEqual(copy.flags[0].range, 5..<17)
    XCTAssertEqual(copy.flags[0].nameRange, 7..<11)
    XCTAssertEqual(copy.flags[0].valueRange, 12..<17)
    XCTAssertEqual(copy.flags[2].range, 30..<36)
    XCTAssertEqual(copy.flags[2].nameRange, 32..<36)
    XCTAssertNil(copy.flags[2].valueRange)
    XCTAssertEqual(copy.arguments.text, "a b")
    XCTAssertEqual(copy.argumentsRange, 37..<40)
    XCTAssertEqual(copy.flag("chmod")?.value, "755")
  }

  func testQuotedFlagValueAndDoubleDash() {
    let text = "RUN --mount=type=secret,id=\"a b\" -- echo\n"
    let (tree, _) = parse(text)
    let run = tree.instructions[0]
    XCTAssertEqual(run.flags.map(\.text), ["--mount=type=secret,id=a b"])
    XCTAssertEqual(run.flags[0].range, 4..<32)
    XCTAssertEqual(run.flags[0].valueRange, 12..<32)
    XCTAssertEqual(run.arguments.text, "echo")
    XCTAssertEqual(run.flagWords, ["--mount=type=secret,id=a b"])
  }

  func testFromWithPlatformAndStageName() {
    let text = "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
    let (tree, _) = parse(text)
    let from = tree.instructions[0]
    XCTAssertEqual(from.flag("platform")?.value, "$BUILDPLATFORM")
    XCTAssertEqual(from.flags[0].valueRange, 16..<30)
    XCTAssertEqual(from.arguments.text, "golang:1.22 AS build")
    XCTAssertEqual(from.argumentsRange, 31..<51)
  }

  // MARK: Heredocs

  func testHeredocBodyAndTerminator() {
    let text = "RUN <<EOF\necho hi\nEOF\nFROM a\n"
    let (tree, source) = parse(text)
    XCTAssertEqual(kinds(tree), ["run", "from"])
    let run = tree.instructions[0]
    XCTAssertEqual(run.range, 0..<22)
    XCTAssertEqual(run.heredocs.count, 1)
    let heredoc = run.heredocs[0]
    XCTAssertEqual(heredoc.name, "EOF")
    XCTAssertNil(heredoc.fileDescriptor)
    XCTAssertFalse(heredoc.stripsTabs)
    XCTAssertFalse(heredoc.isQuoted)
    XCTAssertEqual(heredoc.openerRange, 4..<9)
    XCTAssertEqual(heredoc.bodyRange, 10..<22)
    XCTAssertEqual(heredoc.terminatorRange, 18..<22)
    XCTAssertEqual(heredoc.content, "echo hi\n")
    XCTAssertEqual(run.argumentsRange, 4..<9)
    XCTAssertEqual(tree.instructions[1].range, 22..<29)
    assertLossless(tree, source)
  }

  func testHeredocStripsTabsForDash() {
    let text = "RUN <<-EOF\n\techo\n\t\tx\n\tEOF\n"
    let (tree, _) = parse(text)
    let heredoc = tree.instructions[0].heredocs[0]
    XCTAssertTrue(heredoc.stripsTabs)
    XCTAssertEqual(heredoc.content, "echo\nx\n")
    XCTAssertEqual(heredoc.terminatorRange, 21..<26)
  }

  func testQuotedDelimiterAndFileDescriptor() {
    let text = "COPY 3<<'END' /x\nhello $X\nEND\n"
    let (tree, _) = parse(text)
    let heredoc = tree.instructions[0].heredocs[0]
    XCTAssertEqual(heredoc.name, "END")
    XCTAssertEqual(heredoc.fileDescriptor, 3)
    XCTAssertTrue(heredoc.isQuoted)
    XCTAssertEqual(heredoc.openerRange, 5..<13)
    XCTAssertEqual(heredoc.content, "hello $X\n")
    let doubleQuoted = parse("RUN <<\"EOF\"\nx\nEOF\n").0.instructions[0].heredocs[0]
    XCTAssertEqual(doubleQuoted.name, "EOF")
    XCTAssertTrue(doubleQuoted.isQuoted)
  }

  func testSeveralHeredocsInOneInstruction() {
    let text = "RUN <<A cat - <<B\none\nA\ntwo\nB\nFROM x\n"
    let (tree, source) = parse(text)
    XCTAssertEqual(kinds(tree), ["run", "from"])
    let heredocs = tree.instructions[0].heredocs
    XCTAssertEqual(heredocs.map(\.name), ["A", "B"])
    XCTAssertEqual(heredocs.map(\.content), ["one\n", "two\n"])
    XCTAssertEqual(heredocs[0].bodyRange, 18..<24)
    XCTAssertEqual(heredocs[1].bodyRange, 24..<30)
    XCTAssertEqual(tree.instructions[0].range, 0..<30)
    assertLossless(tree, source)
  }

  func testHeredocOnlyInRunCopyAdd() {
    let (tree, _) = parse("CMD <<EOF\nFROM a\nEOF\n")
    XCTAssertEqual(kinds(tree), ["cmd", "from", "unknown"])
    XCTAssertTrue(tree.instructions[0].heredocs.isEmpty)
    XCTAssertEqual(tree.instructions[0].arguments.text, "<<EOF")
  }

  func testHeredocNotInExecForm() {
    let (tree, _) = parse("RUN [\"<<EOF\"]\nFROM a\n")
    XCTAssertEqual(kinds(tree), ["run", "from"])
  }

  func testHeredocOpenerAfterContinuation() {
    let text = "RUN \\\n  <<EOF\nx\nEOF\n"
    let (tree, _) = parse(text)
    let run = tree.instructions[0]
    XCTAssertEqual(run.heredocs.map(\.name), ["EOF"])
    XCTAssertEqual(run.heredocs[0].openerRange, 8..<13)
    XCTAssertEqual(run.range, 0..<20)
  }

  func testMissingHeredocTerminator() {
    let text = "FROM a\nRUN <<EOF\nabc\n"
    let (tree, source) = parse(text)
    let heredoc = tree.instructions[1].heredocs[0]
    XCTAssertEqual(heredoc.terminatorRange, 21..<21)
    XCTAssertEqual(heredoc.bodyRange, 17..<21)
    XCTAssertEqual(heredoc.content, "abc\n")
    XCTAssertEqual(tree.instructions[1].errors, [SyntaxError(range: 11..<16, message: "unterminated heredoc", isFatal: true)])
    assertLossless(tree, source)
  }

  func testHeredocIgnoredWhenLineDoesNotLex() {
    // BuildKit's shell lexer fails on the unterminated quote, so it finds no heredoc at all.
    let (tree, _) = parse("RUN <<EOF echo \"oops\nEOF\n")
    XCTAssertEqual(kinds(tree), ["run", "unknown"])
    XCTAssertTrue(tree.instructions[0].heredocs.isEmpty)
    let (expansion, _) = parse("RUN <<EOF echo ${a.b}\nEOF\n")
    XCTAssertTrue(expansion.instructions[0].heredocs.isEmpty)
    let (valid, _) = parse("RUN <<EOF echo ${a:-x} \"$HOME\" 'q'\nEOF\n")
    XCTAssertEqual(valid.instructions[0].heredocs.map(\.name), ["EOF"])
  }

  func testHeredocNeedsWordStart() {
    let (tree, _) = parse("RUN cat<<EOF\nFROM a\n")
    XCTAssertEqual(kinds(tree), ["run", "from"])
    XCTAssertTrue(tree.instructions[0].heredocs.isEmpty)
  }

  // MARK: Instructions with special forms

  func testOnbuildWrapsInstruction() {
    let text = "ONBUILD RUN --mount=type=cache,target=/c make\n"
    let (tree, _) = parse(text)
    let onbuild = tree.instructions[0]
    XCTAssertEqual(onbuild.kind, .onbuild)
    XCTAssertTrue(onbuild.flags.isEmpty)
    XCTAssertEqual(onbuild.arguments.text, "RUN --mount=type=cache,target=/c make")
    let trigger = onbuild.onbuildTrigger?.instruction
    XCTAssertEqual(trigger?.kind, .run)
    XCTAssertEqual(trigger?.keywordRange, 8..<11)
    XCTAssertEqual(trigger?.flags.first?.range, 12..<40)
    XCTAssertEqual(trigger?.arguments.text, "make")
    XCTAssertEqual(trigger?.argumentsRange, 41..<45)
  }

  func testOnbuildWithHeredoc() {
    let text = "ONBUILD RUN <<EOF\nx\nEOF\nFROM a\n"
    let (tree, _) = parse(text)
    XCTAssertEqual(kinds(tree), ["onbuild", "from"])
    XCTAssertEqual(tree.instructions[0].heredocs.map(\.content), ["x\n"])
  }

  func testHealthcheckForms() {
    let (tree, _) = parse("HEALTHCHECK NONE\nHEALTHCHECK --interval=5s CMD [\"curl\", \"-f\"]\n")
    XCTAssertEqual(tree.instructions[0].arguments.text, "NONE")
    XCTAssertNil(tree.instructions[0].execForm)
    let check = tree.instructions[1]
    XCTAssertEqual(check.flags.map(\.text), ["--interval=5s"])
    XCTAssertEqual(check.arguments.text, "CMD [\"curl\", \"-f\"]")
    XCTAssertEqual(check.execForm?.values, ["curl", "-f"])
    XCTAssertEqual(check.execForm?.range, 47..<61)
  }

  func testEnvErrorsHaveTokenRanges() {
    let text = "ENV PATH\nENV a=b c\nLABEL x\nENV\n"
    let (tree, _) = parse(text)
    XCTAssertEqual(tree.instructions[0].errors, [SyntaxError(range: 4..<8, message: "ENV must have two arguments", isFatal: true)])
    XCTAssertEqual(tree.instructions[1].errors, [SyntaxError(
      range: 17..<18, message: "Syntax error - can't find = in \"c\". Must be of the form: name=value", isFatal: true)])
    XCTAssertEqual(tree.instructions[2].errors.map(\.message), ["LABEL must have two arguments"])
    XCTAssertTrue(tree.instructions[3].errors.isEmpty)
    XCTAssertEqual(tree.instructions[3].argumentsRange, 30..<30)
  }

  func testAllInstructionKindsRecognized() {
    let text = """
      FROM a
      ADD a b
      ARG x
      CMD c
      COPY a b
      ENTRYPOINT e
      ENV a=b
      EXPOSE 80
      HEALTHCHECK NONE
      LABEL a=b
      MAINTAINER m
      ONBUILD RUN x
      RUN r
      SHELL ["sh"]
      STOPSIGNAL 9
      USER u
      VOLUME /v
      WORKDIR /w

      """
    let (tree, _) = parse(text)
    XCTAssertEqual(Set(tree.instructions.map(\.kind)), Set(InstructionKind.allCases.filter { $0 != .unknown }))
    XCTAssertTrue(tree.errors.isEmpty)
  }

  // MARK: Projection

  func testProjectionValues() throws {
    let text = "FROM a AS b\nENV k=\"v w\" x=y\nLABEL old form value\nARG A=1 B\nHEALTHCHECK CMD [\"x\"]\nONBUILD COPY a b\nFOO bar\n"
    let (tree, source) = parse(text)
    let projected = try BuildKitProjection.project(tree, source: source).get()
    XCTAssertEqual(projected.map(\.value), [
      ["a", "AS", "b"], ["k", "\"v w\"", "x", "y"], ["old", "form value"], ["A=1", "B"], ["CMD", "x"], ["a", "b"], [""],
    ])
    XCTAssertEqual(projected.map(\.json), [false, false, false, false, true, false, false])
    XCTAssertEqual(projected[5].subCmd, "COPY")
    XCTAssertEqual(projected.map(\.startLine), [1, 2, 3, 4, 5, 6, 7])
  }

  func testProjectionReportsFirstFatalError() {
    let (tree, source) = parse("FROM a\nENV x\nCMD [1]\n")
    XCTAssertEqual(BuildKitProjection.project(tree, source: source).failureMessage, "ENV must have two arguments")
  }
}

private extension Result where Failure == BuildKitError {
  var failureMessage: String? {
    if case .failure(let error) = self { return error.message }
    return nil
  }
}
