import XCTest
@testable import Analysis

/// Checks that the incremental reparse gives exactly the tree of a full parse.
final class ParserReparseTests: XCTestCase {
  /// Small files with the constructs whose edits move node boundaries.
  static let fixtures: [String] = [
    "# syntax=docker/dockerfile:1\n# escape=`\nFROM a `\n  b\nRUN c\n",
    "FROM alpine\nRUN <<EOF\necho one\nEOF\nRUN <<-EOT cat - <<B\n\tx\n\tEOT\ny\nB\nCMD [\"a\", \"b\"]\n",
    "FROM a\nRUN apk add \\\n  # comment\n\n    curl \\\n    git\n\nENV A=1 \\\n    B=2\nLABEL x y\n",
    "FROM a\r\nRUN b \\\r\n  c\r\nCOPY <<EOF /x\r\nhi\r\nEOF\r\nONBUILD RUN <<X\r\ny\r\nX\r\n",
    "\u{FEFF}# escape=\\\nFROM scratch\nHEALTHCHECK --interval=5s CMD [\"curl\"]\nHEALTHCHECK NONE\nSTOPSIGNAL 9\n",
    "FROM a\n\n\n# c\n\nRUN x\n\n\nRUN y \\",
    "FROM a\nRUN <<EOF\nnever closed\n",
  ]

  static let snippets: [String] = [
    "\n", "\r\n", "\r", "\\\n", "\\", "`", " ", "\t", "#", "# note\n", "RUN x\n", "<<EOF", "<<EOF\n", "EOF\n", "\nEOF\n",
    "<<-EOF\n", "\tEOF\n", "'", "\"", "[", "]", "[\"a\"]", "--mount=type=cache ", "ONBUILD ", "FROM a\n", "ENV a\n",
    "# escape=`\n", "# syntax=x\n", "\n\n", "COPY <<A <<B /\n", "A\n", "B\n", "x", "é",
  ]

  func testRandomEditsMatchFullParse() throws {
    var generator = SplitMix64(seed: 0x5EED_D0C)
    var documents = Self.fixtures.map { Array($0.utf8) }
    documents += try CorpusFiles.load().map(\.bytes)
    var editCount = 0
    var fallbackCount = 0
    for (index, original) in documents.enumerated() {
      let rounds = index < Self.fixtures.count ? 400 : 12
      var bytes = original
      var source = SourceText(bytes: bytes)
      var tree = DockerfileParser.parse(source)
      for _ in 0..<rounds {
        let edit = randomEdit(in: bytes, using: &generator)
        let newSource = source.applying([edit])
        let result = DockerfileParser.incrementalReparse(tree, oldSource: source, edit: edit, newSource: newSource)
        let expected = DockerfileParser.parse(newSource)
        editCount += 1
        if result.reusedNodes == 0 { fallbackCount += 1 }
        if !TreeComparison.equal(result.tree, expected) {
          let got = TreeDump.describe(result.tree)
          let want = TreeDump.describe(expected)
          XCTFail("""
            document \(index): reparse differs from a full parse after replacing \(edit.range) with \(edit.newText.debugDescription)
            old text: \(String(decoding: bytes, as: UTF8.self).debugDescription)
            reparse:\n\(got)
            full parse:\n\(want)
            """)
          return
        }
        bytes = newSource.bytes
        source = newSource
        tree = result.tree
      }
    }
    XCTAssertEqual(editCount, Self.fixtures.count * 400 + (documents.count - Self.fixtures.count) * 12)
    XCTAssertLessThan(fallbackCount, editCount / 2, "most edits should reuse nodes")
    print("reparse property test: \(editCount) edits, \(fallbackCount) full parses")
  }

  func testMiddleEditReusesNodesAroundIt() {
    var text = "FROM alpine\n"
    for index in 0..<2000 {
      text += "RUN echo \(index) \\\n  && true\n"
    }
    let source = SourceText(text)
    let tree = DockerfileParser.parse(source)
    XCTAssertEqual(tree.nodes.count, 2001)
    let target = Array(text.utf8).count / 2
    let lineStart = tree.nodes.first { $0.range.contains(target) }!.range.lowerBound
    let edit = TextEdit.insert("ENV A=1\n", at: lineStart)
    let newSource = source.applying([edit])
    let result = DockerfileParser.incrementalReparse(tree, oldSource: source, edit: edit, newSource: newSource)
    XCTAssertEqual(TreeDump.describe(result.tree), TreeDump.describe(DockerfileParser.parse(newSource)))
    XCTAssertEqual(result.tree.nodes.count, 2002)
    XCTAssertEqual(result.reusedNodes, 2001)
  }

  func testHeredocOpenedByEditSwallowsLaterNodes() {
    let text = "FROM a\nRUN cat\nRUN b\nEOF\nRUN c\n"
    let source = SourceText(text)
    let tree = DockerfileParser.parse(source)
    let edit = TextEdit.insert(" <<EOF", at: 14)
    let newSource = source.applying([edit])
    let result = DockerfileParser.incrementalReparse(tree, oldSource: source, edit: edit, newSource: newSource)
    XCTAssertEqual(TreeDump.describe(result.tree), TreeDump.describe(DockerfileParser.parse(newSource)))
    XCTAssertEqual(result.tree.instructions.map(\.kind), [.from, .run, .run])
    XCTAssertEqual(result.tree.instructions[1].range, 7..<31)
    XCTAssertEqual(result.reusedNodes, 2)
  }

  func testEscapeDirectiveEditParsesWholeFile() {
    let text = "# escape=\\\nFROM a\nRUN b `\n c\n"
    let source = SourceText(text)
    let tree = DockerfileParser.parse(source)
    let edit = TextEdit(range: 9..<10, newText: "`")
    let newSource = source.applying([edit])
    let result = DockerfileParser.incrementalReparse(tree, oldSource: source, edit: edit, newSource: newSource)
    XCTAssertEqual(result.reusedNodes, 0)
    XCTAssertEqual(result.tree.escapeCharacter, UInt8(ascii: "`"))
    XCTAssertEqual(result.tree.instructions.map(\.arguments.text), ["a", "b  c"])
  }

  func testTargetedBoundaryEdits() {
    // Each case: the text, the edit, and the instruction kinds after it.
    let cases: [(text: String, edit: TextEdit, kinds: [InstructionKind])] = [
      // Deleting a terminator lets the heredoc run to the end of the file.
      ("FROM a\nRUN <<EOF\nx\nEOF\nRUN b\n", TextEdit(range: 19..<23, newText: ""), [.from, .run]),
      // Typing the terminator closes it again.
      ("FROM a\nRUN <<EOF\nx\nRUN b\n", TextEdit.insert("EOF\n", at: 19), [.from, .run, .run]),
      // Adding a continuation joins the next line.
      ("FROM a\nRUN b\nRUN c\nRUN d\n", TextEdit.insert(" \\", at: 12), [.from, .run, .run]),
      // Removing it splits the lines again.
      ("FROM a\nRUN b \\\nRUN c\nRUN d\n", TextEdit(range: 12..<14, newText: ""), [.from, .run, .run, .run]),
      // CRLF inserted in the middle of an instruction.
      ("FROM a\nRUN bc\nRUN d\n", TextEdit.insert("\r\n", at: 12), [.from, .run, .unknown, .run]),
      // A blank line typed after a blank run merges with it.
      ("FROM a\n\n\nRUN b\n", TextEdit.insert("  \n", at: 9), [.from, .run]),
      // An escape directive typed after the prologue is only a comment.
      ("FROM a\nRUN b `\nRUN c\n", TextEdit.insert("# escape=`\n", at: 15), [.from, .run, .run]),
    ]
    for (text, edit, kinds) in cases {
      let source = SourceText(text)
      let tree = DockerfileParser.parse(source)
      let newSource = source.applying([edit])
      let result = DockerfileParser.incrementalReparse(tree, oldSource: source, edit: edit, newSource: newSource)
      let expected = DockerfileParser.parse(newSource)
      XCTAssertTrue(TreeComparison.equal(result.tree, expected), "\(text.debugDescription) after \(edit)")
      XCTAssertEqual(result.tree.instructions.map(\.kind), kinds, text.debugDescription)
      XCTAssertGreaterThan(result.reusedNodes, 0, "\(text.debugDescription): the node before the edit is reused")
    }
  }

  func testDocumentApplyUsesReparse() {
    var document = Document(text: "FROM a\nRUN b\n")
    document.apply(TextEdit(range: 11..<12, newText: "c \\\n  d"))
    XCTAssertEqual(document.tree.instructions.map(\.arguments.text), ["a", "c   d"])
    XCTAssertEqual(TreeDump.describe(document.tree), TreeDump.describe(DockerfileParser.parse(document.source)))
  }

  private func randomEdit(in bytes: [UInt8], using generator: inout SplitMix64) -> TextEdit {
    let count = bytes.count
    var start = Int(generator.next(below: UInt64(count + 1)))
    if generator.next(below: 3) == 0 {
      // Prefer line starts, where most boundary changes happen.
      while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
    }
    // Keep edits on UTF-8 boundaries so the text stays valid.
    while start < count && bytes[start] & 0xC0 == 0x80 { start += 1 }
    var length = 0
    switch generator.next(below: 4) {
    case 0: length = 0
    case 1: length = Int(generator.next(below: 4))
    case 2: length = Int(generator.next(below: 16))
    default: length = Int(generator.next(below: 64))
    }
    var end = min(count, start + length)
    while end < count && bytes[end] & 0xC0 == 0x80 { end += 1 }
    var inserted = ""
    if generator.next(below: 4) != 0 || end == start {
      let pieces = 1 + Int(generator.next(below: 3))
      for _ in 0..<pieces {
        inserted += Self.snippets[Int(generator.next(below: UInt64(Self.snippets.count)))]
      }
    }
    return TextEdit(range: start..<end, newText: inserted)
  }
}

/// Field-by-field equality of trees: node kinds, every range, and every value.
enum TreeComparison {
  static func equal(_ left: SyntaxTree, _ right: SyntaxTree) -> Bool {
    guard left.escapeCharacter == right.escapeCharacter, left.directives == right.directives,
      left.fileErrors == right.fileErrors, left.nodes.count == right.nodes.count
    else { return false }
    for (leftNode, rightNode) in zip(left.nodes, right.nodes) {
      switch (leftNode, rightNode) {
      case (.directive(let a), .directive(let b)): if a != b { return false }
      case (.comment(let a), .comment(let b)): if a != b { return false }
      case (.blank(let a), .blank(let b)): if a != b { return false }
      case (.instruction(let a), .instruction(let b)): if !equal(a, b) { return false }
      default: return false
      }
    }
    return true
  }

  static func equal(_ left: Instruction, _ right: Instruction) -> Bool {
    guard left.range == right.range, left.kind == right.kind, left.keyword == right.keyword,
      left.keywordRange == right.keywordRange, left.flags == right.flags, left.flagWords == right.flagWords,
      left.arguments == right.arguments, left.argumentsRange == right.argumentsRange,
      left.execForm == right.execForm, left.heredocs == right.heredocs,
      left.embeddedComments == right.embeddedComments, left.errors == right.errors
    else { return false }
    switch (left.onbuildTrigger, right.onbuildTrigger) {
    case (nil, nil): return true
    case (let a?, let b?): return equal(a.instruction, b.instruction)
    default: return false
    }
  }
}

/// A text form of a tree with every node kind, range and value, for comparing two trees.
enum TreeDump {
  static func describe(_ tree: SyntaxTree) -> String {
    var lines = ["escape \(tree.escapeCharacter)"]
    lines += tree.directives.map { "directive \($0)" }
    lines += tree.fileErrors.map { "file error \($0)" }
    for node in tree.nodes {
      switch node {
      case .directive(let directive): lines.append("node directive \(directive)")
      case .comment(let comment): lines.append("node comment \(comment)")
      case .blank(let range): lines.append("node blank \(range)")
      case .instruction(let instruction): lines.append("node " + describe(instruction))
      }
    }
    return lines.joined(separator: "\n")
  }

  static func describe(_ instruction: Instruction) -> String {
    var parts = [
      "\(instruction.kind) \(instruction.keyword.debugDescription) \(instruction.range) keyword \(instruction.keywordRange)",
      "flags \(instruction.flags) words \(instruction.flagWords)",
      "arguments \(instruction.arguments) at \(instruction.argumentsRange)",
      "exec \(String(describing: instruction.execForm))",
      "heredocs \(instruction.heredocs)",
      "comments \(instruction.embeddedComments)",
      "errors \(instruction.errors)",
    ]
    if let trigger = instruction.onbuildTrigger?.instruction {
      parts.append("trigger { \(describe(trigger)) }")
    }
    return parts.joined(separator: " | ")
  }
}
