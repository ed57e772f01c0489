import XCTest

@testable import Analysis

/// Checks that linting with a `LintCache`, as the server does after each edit, gives exactly the
/// findings of a fresh lint, which also checks every rule that declares `RuleScope.instruction`.
final class IncrementalLintTests: XCTestCase {
  /// Every rule on, with settings that make the label and registry rules report.
  private let linter = IncrementalLintTests.allRulesLinter()

  private static func allRulesLinter() -> Linter {
    var configuration = LintConfiguration()
    configuration.enabledRules = Set(RuleRegistry.all.map { $0.id })
    configuration.settings.trustedRegistries = ["docker.io"]
    configuration.settings.labelSchema = ["version": .semver, "url": .url, "maintainer": .email]
    configuration.settings.strictLabels = true
    return Linter(configuration: configuration)
  }

  /// Small files with the shapes whose findings depend on more than one instruction.
  static let fixtures: [String] = [
    """
    FROM debian:12 AS build
    USER app
    RUN sudo apt-get install curl && cd /src
    SHELL ["/bin/bash", "-o", "pipefail", "-c"]
    RUN curl -s https://x | sh
    FROM build
    RUN apt-get update && apt-get install -y gcc
    COPY --from=build /out /out
    LABEL version=1.0 url=x maintainer=me
    CMD ["a"]
    CMD b

    """,
    """
    # escape=`
    FROM mcr.microsoft.com/windows AS base
    RUN apk add git `
        curl
    # hadolint ignore=DL3018
    RUN apk add bash
    ONBUILD RUN yum install make
    FROM scratch
    COPY --from=base / /

    """,
    """
    ARG TAG=latest
    FROM alpine:$TAG
    # hadolint shell=powershell
    RUN pip install flask
    RUN <<EOF
    apt-get install -y vim
    rm -rf /var/lib/apt/lists/*
    EOF
    ADD app.tar.gz /app/
    WORKDIR app
    MAINTAINER someone
    HEALTHCHECK CMD true

    """,
  ]

  /// Text an edit may insert: keywords, flags, commands and line structure.
  static let snippets: [String] = [
    "\n", "\\\n", " ", "x", "#", "# hadolint ignore=DL3008,DL3059\n", "RUN ", "FROM alpine AS b\n", "FROM b\n",
    "USER root\n", "USER 1000\n", "SHELL [\"pwsh\", \"-c\"]\n", "SHELL [\"/bin/sh\", \"-c\"]\n", "sudo ", "apt-get install ",
    "-y ", "--no-install-recommends ", "&& ", "| ", "; ", "yum install ", "apk add --no-cache ", "pip install ",
    "ONBUILD ", "<<EOF\n", "EOF\n", "COPY --from=b / /\n", "WORKDIR /a\n", "LABEL version=2\n", "ENV A=1 B=$A\n",
    "ARG V\n", "CMD [\"x\"]\n", "ENTRYPOINT y\n", "\r\n", "é",
  ]

  func testRandomEditsMatchFreshLint() throws {
    var generator = SplitMix64(seed: 0x11_2C4E)
    var texts = (Self.fixtures + [Self.stageGroupsFixture]).map { Array($0.utf8) }
    texts += try CorpusFiles.load().map(\.bytes)
    var lintCount = 0
    var checkedInstructions = 0
    var totalInstructions = 0
    for (index, original) in texts.enumerated() {
      let rounds = index <= Self.fixtures.count ? 150 : 5
      let cache = LintCache()
      var document = Document(bytes: original)
      for round in 0...rounds {
        if round > 0 {
          document.apply(randomEdit(in: document.source.bytes, using: &generator))
        }
        let cached = linter.lint(document, reusing: cache)
        let fresh = linter.lint(document)
        lintCount += 1
        if round > 0 {
          checkedInstructions += cache.lastCheckedInstructionCount
          totalInstructions += document.tree.instructions.count
        }
        guard cached == fresh else {
          let extra = Set(cached).subtracting(fresh).map { "\($0.ruleID) \($0.range) \($0.message)" }.sorted()
          let lost = Set(fresh).subtracting(cached).map { "\($0.ruleID) \($0.range) \($0.message)" }.sorted()
          XCTFail("""
            document \(index), round \(round): the cached lint differs from a fresh one
            only cached: \(extra)
            only fresh: \(lost)
            text: \(String(decoding: document.source.bytes, as: UTF8.self).debugDescription)
            """)
          return
        }
      }
    }
    XCTAssertEqual(lintCount, (Self.fixtures.count + 1) * 151 + (texts.count - Self.fixtures.count - 1) * 6)
    // One edit touches one or two instructions, so most are served from the cache.
    XCTAssertLessThan(checkedInstructions * 10, totalInstructions)
  }

  /// A file of three groups of stages linked by FROM, and a last stage that copies from two of them.
  static let stageGroupsFixture = """
    ARG BASE=alpine
    FROM debian:12 AS build
    ARG V=1
    RUN apt-get update && apt-get install -y gcc make
    WORKDIR /src
    RUN wget https://example.com/y.tar.gz && tar xf y.tar.gz
    FROM build AS test
    USER $V
    RUN sudo make test
    FROM alpine:3 AS tools
    USER $W
    RUN apk add curl
    COPY app.tar.gz /tmp/
    RUN tar -xzf /tmp/app.tar.gz
    FROM scratch
    COPY --from=build /src/out /out
    COPY --from=tools /usr/bin/curl /curl
    USER 1000
    CMD ["/out"]

    """

  /// Lines whose effect reaches past their own stage: copies between stages, variables, users,
  /// shells, package installs and removals.
  static let crossStageLines: [String] = [
    "COPY --from=build /src /src\n", "COPY --from=build / /\n", "COPY --from=tools / /\n", "ARG V=2\n", "ARG W\n", "USER $U\n", "USER root\n",
    "WORKDIR /w\n", "RUN apt-get update && apt-get install -y gcc\n", "RUN apt-get purge -y gcc make\n",
    "RUN apt-get install -y vim\n", "SHELL [\"/bin/bash\", \"-c\"]\n", "# hadolint shell=pwsh\n", "RUN wget -q x\n",
    "RUN curl -o y z\n", "HEALTHCHECK NONE\n", "CMD x\n", "ENTRYPOINT y\n", "LABEL version=1\n", "FROM tools AS more\n",
    "ONBUILD RUN apk add git\n", "RUN pip install flask\n", "RUN yarn install\n",
  ]

  func testCrossStageLinesAtEveryLine() {
    var document = Document(text: Self.stageGroupsFixture)
    let cache = LintCache()
    _ = linter.lint(document, reusing: cache)
    let lineCount = Self.stageGroupsFixture.split(separator: "\n").count
    for line in Self.crossStageLines {
      for lineNumber in 0...lineCount {
        let offset = document.source.lineIndex.lineStarts[min(lineNumber, document.source.lineIndex.lineStarts.count - 1)]
        let insert = TextEdit.insert(line, at: offset)
        document.apply(insert)
        assertSame(linter.lint(document, reusing: cache), linter.lint(document), "after inserting \(line.debugDescription) at line \(lineNumber)")
        document.apply(TextEdit(range: offset..<(offset + line.utf8.count), newText: ""))
        assertSame(linter.lint(document, reusing: cache), linter.lint(document), "after removing \(line.debugDescription) from line \(lineNumber)")
      }
    }
    XCTAssertEqual(String(decoding: document.source.bytes, as: UTF8.self), Self.stageGroupsFixture)
  }

  /// A fixture whose model and stage graph depend on single characters: a shell pragma, SHELL,
  /// stage names, `COPY --from` and `RUN --mount=from=`.
  static let modelFixture = """
    # hadolint shell=bash
    FROM debian:12 AS build
    RUN echo a | grep a
    SHELL ["/bin/sh", "-c"]
    RUN echo b | grep b
    FROM alpine:3 AS tools
    RUN --mount=from=build,target=/b apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*
    RUN rm /tmp/x
    FROM scratch
    COPY --from=tools / /
    COPY --from=build /out /out
    # hadolint shell=pwsh
    RUN apt-get install -y vim

    """

  /// Replacing, inserting or deleting one character anywhere keeps the lines where they are but can
  /// change the shells, the stages and what each stage copies from. The cached lint, which reuses
  /// the last model and graph when it can, must equal a fresh one after each.
  func testCharacterEditsEverywhereMatchFreshLint() {
    var document = Document(text: Self.modelFixture)
    let cache = LintCache()
    _ = linter.lint(document, reusing: cache)
    var reusedModels = 0
    var reusedGraphs = 0
    let bytes = Array(Self.modelFixture.utf8)
    for offset in bytes.indices where bytes[offset] != 0x0A {
      for edit in [TextEdit(range: offset..<(offset + 1), newText: "x"), TextEdit.insert("x", at: offset), TextEdit(range: offset..<(offset + 1), newText: "")] {
        let undo = TextEdit(range: edit.range.lowerBound..<(edit.range.lowerBound + edit.newText.utf8.count), newText: String(decoding: bytes[edit.range], as: UTF8.self))
        for step in [edit, undo] {
          document.apply(step)
          assertSame(linter.lint(document, reusing: cache), linter.lint(document), "after \(step) at offset \(offset)")
          if cache.lastModelWasReused { reusedModels += 1 }
          if cache.lastGraphWasReused { reusedGraphs += 1 }
        }
      }
    }
    XCTAssertEqual(String(decoding: document.source.bytes, as: UTF8.self), Self.modelFixture)
    // Most characters are in RUN arguments, which change neither.
    XCTAssertGreaterThan(reusedModels, bytes.count)
    XCTAssertGreaterThan(reusedGraphs, bytes.count / 2)
  }

  /// A lone `\r` does not end a line for the parser, so an edit after it inside a
  /// `# hadolint shell=` comment changes the pragma, and the model must not be reused.
  func testLoneCarriageReturnInPragma() {
    var document = Document(text: "FROM debian\n# hadolint shell=bash\rx y\nRUN apt-get update\nRUN ls | grep x\n")
    let cache = LintCache()
    _ = linter.lint(document, reusing: cache)
    let offset = Array("FROM debian\n# hadolint shell=bash\rx".utf8).count
    document.apply(TextEdit(range: offset..<(offset + 2), newText: ""))
    assertSame(linter.lint(document, reusing: cache), linter.lint(document), "after deleting the pragma's second word")
    document.apply(TextEdit.insert(" y", at: offset))
    assertSame(linter.lint(document, reusing: cache), linter.lint(document), "after inserting it again")
  }

  /// The parser skips a byte order mark only at the start of the file, so the same instruction
  /// bytes with a mark in front are a CMD there and an unknown instruction one line down.
  func testByteOrderMarkMovedFromFileStart() {
    var document = Document(text: "\u{FEFF}CMD echo hi\n")
    let cache = LintCache()
    XCTAssertEqual(linter.lint(document, reusing: cache).filter { $0.ruleID == "DL3025" }.count, 1)
    document.apply(TextEdit.insert("MAINTAINER me\n", at: 0))
    assertSame(linter.lint(document, reusing: cache), linter.lint(document), "after a line before the mark")
    document.apply(TextEdit(range: 0..<14, newText: ""))
    assertSame(linter.lint(document, reusing: cache), linter.lint(document), "after removing it")
  }

  func testStageEditRechecksOneGroup() {
    var document = Document(text: Self.stageGroupsFixture)
    let cache = LintCache()
    _ = linter.lint(document, reusing: cache)
    XCTAssertEqual(cache.lastCheckedStageCount, 4)
    // `tools` is a group of its own: an edit there rechecks one stage.
    let offset = document.tree.instructions.first { $0.arguments.text == "apk add curl" }!.argumentsRange.upperBound
    document.apply(.insert(" git", at: offset))
    XCTAssertEqual(linter.lint(document, reusing: cache), linter.lint(document))
    XCTAssertEqual(cache.lastCheckedStageCount, 1)
    // `test` builds on `build`, so an edit in `test` rechecks both.
    let user = document.tree.instructions.first { $0.kind == .user }!.argumentsRange.upperBound
    document.apply(.insert("X", at: user))
    XCTAssertEqual(linter.lint(document, reusing: cache), linter.lint(document))
    XCTAssertEqual(cache.lastCheckedStageCount, 2)
  }

  func testEqualStagesKeepOwnFindings() {
    // Two stages with equal text: only the second repeats the name, so their findings differ.
    var document = Document(text: "FROM alpine:3.19 AS y\nFROM alpine:3.19 AS y\nFROM alpine:3.19 AS z\nRUN echo a\n")
    let cache = LintCache()
    XCTAssertEqual(linter.lint(document, reusing: cache), linter.lint(document))
    document.apply(.insert("b", at: 71))
    XCTAssertEqual(linter.lint(document, reusing: cache), linter.lint(document))
    XCTAssertEqual(linter.lint(document).filter { $0.ruleID == "DL3024" }.map(\.range), [42..<43])

    var other = Document(text: "FROM alpine:3.19 AS z\nFROM alpine:3.19 AS z\nRUN a\nFROM alpine:3.19 AS y\n")
    let otherCache = LintCache()
    XCTAssertEqual(linter.lint(other, reusing: otherCache), linter.lint(other))
    other.apply(TextEdit(range: 44..<50, newText: ""))
    XCTAssertEqual(linter.lint(other, reusing: otherCache), linter.lint(other))
    XCTAssertEqual(linter.lint(other).filter { $0.ruleID == "DL3024" }.count, 1)
  }

  func testFromEditUndoReusesFindings() {
    var document = Document(text: Self.stageGroupsFixture)
    let cache = LintCache()
    _ = linter.lint(document, reusing: cache)
    // A letter in a FROM keyword turns it into an unknown instruction: every stage changes.
    let from = document.tree.instructions.first { $0.kind == .from && $0.arguments.text.hasPrefix("alpine") }!.keywordRange
    document.apply(.insert("x", at: from.lowerBound + 1))
    XCTAssertEqual(linter.lint(document, reusing: cache), linter.lint(document))
    XCTAssertEqual(cache.lastCheckedStageCount, 3)
    // Deleting it brings back the earlier outline and its findings.
    document.apply(TextEdit(range: (from.lowerBound + 1)..<(from.lowerBound + 2), newText: ""))
    XCTAssertEqual(linter.lint(document, reusing: cache), linter.lint(document))
    XCTAssertEqual(cache.lastCheckedStageCount, 0)
  }

  func testEditRechecksOneInstruction() {
    var text = "FROM alpine AS base\n"
    for index in 0..<200 {
      text += "RUN apk add curl-\(index) \\\n    && sudo make install\n"
    }
    var document = Document(text: text)
    let cache = LintCache()
    let before = linter.lint(document, reusing: cache)
    XCTAssertEqual(before, linter.lint(document))
    XCTAssertEqual(cache.lastCheckedInstructionCount, 201)

    // Insert one letter in the 100th RUN: only that instruction is checked again.
    let offset = document.tree.instructions[100].keywordRange.upperBound + 1
    document.apply(.insert("x", at: offset))
    let after = linter.lint(document, reusing: cache)
    XCTAssertEqual(cache.lastCheckedInstructionCount, 1)
    XCTAssertEqual(after, linter.lint(document))
    // Findings after the edit moved by one byte and kept their fixes.
    let shiftedSudo = after.first { $0.ruleID == "DL3004" && $0.range.lowerBound > offset }!
    let originalSudo = before.first { $0.ruleID == "DL3004" && $0.range.lowerBound >= offset }!
    XCTAssertEqual(shiftedSudo.range, originalSudo.range.shifted(by: 1))

    // A SHELL before the RUNs changes their environment, so all of them are checked again.
    document.apply(.insert("SHELL [\"/bin/bash\", \"-c\"]\n", at: document.tree.instructions[1].range.lowerBound))
    XCTAssertEqual(linter.lint(document, reusing: cache), linter.lint(document))
    XCTAssertEqual(cache.lastCheckedInstructionCount, 201)
  }

  func testCacheDropsUnusedTexts() {
    var document = Document(text: "FROM alpine\n" + String(repeating: "RUN apk add curl\n", count: 40))
    let cache = LintCache()
    _ = linter.lint(document, reusing: cache)
    // Each edit makes one new instruction text: old texts are dropped once they outnumber the live ones.
    for round in 0..<300 {
      let offset = document.tree.instructions[1 + round % 40].keywordRange.upperBound
      document.apply(.insert("x", at: offset + 1))
      _ = linter.lint(document, reusing: cache)
      XCTAssertLessThanOrEqual(cache.count, 2 * 41 + 64 + 1)
    }
    XCTAssertEqual(linter.lint(document, reusing: cache), linter.lint(document))
  }

  func testConfigurationChangeEmptiesCache() {
    let document = Document(text: "FROM alpine\nRUN apk add curl\n")
    let cache = LintCache()
    XCTAssertEqual(linter.lint(document, reusing: cache).map(\.ruleID).contains("DL3018"), true)
    let quiet = Linter(configuration: LintConfiguration(disabledRules: ["DL3018"]))
    XCTAssertEqual(quiet.lint(document, reusing: cache), quiet.lint(document))
    XCTAssertEqual(cache.lastCheckedInstructionCount, 2)
    XCTAssertFalse(quiet.lint(document, reusing: cache).map(\.ruleID).contains("DL3018"))
  }

  func testUnplacedFindingsNotStored() {
    let ranges = [0..<10, 10..<20]
    let inside = Finding(ruleID: "T", severity: .info, range: 12..<14, message: "m")
    XCTAssertEqual(Linter.attribute([inside], to: ranges)?.map(\.count), [0, 1])
    // An empty range where two instructions meet fits both.
    let boundary = Finding(ruleID: "T", severity: .info, range: 10..<10, message: "m")
    XCTAssertNil(Linter.attribute([boundary], to: ranges))
    // A fix that edits another instruction fits neither.
    let reaching = Finding(ruleID: "T", severity: .info, range: 12..<14, message: "m",
                           fixes: [Fix(title: "t", edits: [TextEdit(range: 2..<3, newText: "")])])
    XCTAssertNil(Linter.attribute([reaching], to: ranges))
  }

  /// Asserts that a cached lint equals a fresh one, naming the findings that differ.
  private func assertSame(_ cached: [Finding], _ fresh: [Finding], _ message: String, line: UInt = #line) {
    guard cached != fresh else { return }
    let describe = { (finding: Finding) in "\(finding.ruleID) \(finding.range) fixes: \(finding.fixes.count)" }
    let extra = cached.filter { !fresh.contains($0) }.map(describe)
    let lost = fresh.filter { !cached.contains($0) }.map(describe)
    XCTFail("\(message): only cached \(extra), only fresh \(lost)", line: line)
  }

  private func randomEdit(in bytes: [UInt8], using generator: inout SplitMix64) -> TextEdit {
    let start = Int(generator.next(below: UInt64(bytes.count + 1)))
    let length = generator.next(below: 3) == 0 ? Int(generator.next(below: 12)) : 0
    let end = min(bytes.count, start + length)
    let text = generator.next(below: 4) == 0 ? "" : Self.snippets[Int(generator.next(below: UInt64(Self.snippets.count)))]
    // Keep UTF-8 whole: move both ends off continuation bytes.
    func boundary(_ offset: Int) -> Int {
      var offset = offset
      while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
      return offset
    }
    return TextEdit(range: boundary(start)..<boundary(end), newText: text)
  }
}
