import XCTest
@testable import Analysis

final class PackageCachesTests: XCTestCase {
  // MARK: - RUN mounts

  func testMountDefaultsToBind() {
    XCTAssertEqual(RunMount(flagValue: "target=/src"), RunMount(type: "bind", target: "/src"))
  }

  func testMountKeysAreCaseInsensitiveAndTargetIsNormalised() {
    XCTAssertEqual(RunMount(flagValue: "Type=CACHE,Dst=/var//cache/apk/,sharing=locked"), RunMount(type: "cache", target: "/var/cache/apk"))
    XCTAssertEqual(RunMount(flagValue: "type=tmpfs,destination=/tmp/./x"), RunMount(type: "tmpfs", target: "/tmp/x"))
  }

  func testQuotedMountFieldKeepsComma() {
    XCTAssertEqual(RunMount.csvFields("type=cache,\"target=/a,b\",id=x"), ["type=cache", "target=/a,b", "id=x"])
    XCTAssertEqual(RunMount(flagValue: "type=cache,\"target=/a,b\"").target, "/a,b")
  }

  func testInstructionMountsComeFromMountFlagsOnly() {
    let document = Document(text: "FROM alpine\nRUN --network=none --mount=type=cache,target=/root/.cache --mount=type=secret,id=x true\n")
    XCTAssertEqual(document.tree.instructions[1].runMounts,
                   [RunMount(type: "cache", target: "/root/.cache"), RunMount(type: "secret", target: nil)])
  }

  // MARK: - Removed paths

  func word(_ text: String) -> ShellWord {
    ShellParser.parse(Array("rm \(text)".utf8)).simpleCommands()[0].command.words[1]
  }

  func testRemovalCoversDirectoryContentsAndAncestors() {
    let lists = "/var/lib/apt/lists"
    XCTAssertTrue(PackageCaches.removes(word("/var/lib/apt/lists/*"), contentsOf: lists))
    XCTAssertTrue(PackageCaches.removes(word("/var/lib/apt/lists/"), contentsOf: lists))
    XCTAssertTrue(PackageCaches.removes(word("/var/lib/apt"), contentsOf: lists))
    XCTAssertTrue(PackageCaches.removes(word("/var/lib/*"), contentsOf: lists))
    XCTAssertTrue(PackageCaches.removes(word("/var/lib/apt/lists/partial"), contentsOf: lists))
  }

  func testRemovalOfOtherPathsDoesNotCover() {
    let lists = "/var/lib/apt/lists"
    XCTAssertFalse(PackageCaches.removes(word("/var/lib/apt/listsx"), contentsOf: lists))
    XCTAssertFalse(PackageCaches.removes(word("\"/var/lib/apt/*\""), contentsOf: lists))
    XCTAssertFalse(PackageCaches.removes(word("lists/*"), contentsOf: lists))
    XCTAssertFalse(PackageCaches.removes(word("$DIR/*"), contentsOf: lists))
  }

  // MARK: - Kept stages

  func testKeptStagesAreTheLastAndThoseUsedAsBase() {
    let context = RuleContext(document: Document(text: "FROM a AS one\nRUN x\nFROM b AS two\nRUN y\nFROM one\nRUN z\n"))
    XCTAssertTrue(PackageCaches.isInKeptStage(1, in: context))
    XCTAssertFalse(PackageCaches.isInKeptStage(3, in: context))
    XCTAssertTrue(PackageCaches.isInKeptStage(5, in: context))
  }

  // MARK: - Appending a command

  func appended(_ text: String) -> String? {
    let context = RuleContext(document: Document(text: text))
    guard let edit = CommandEdits.appendAndCommand("c", toRunAt: context.instructions.count - 1, in: context) else { return nil }
    return context.source.applying([edit]).string
  }

  func testAppendKeepsTheContinuationStyle() {
    XCTAssertEqual(appended("FROM a\nRUN a && b\n"), "FROM a\nRUN a && b && c\n")
    XCTAssertEqual(appended("FROM a\nRUN a \\\n  && b\n"), "FROM a\nRUN a \\\n  && b \\\n  && c\n")
    XCTAssertEqual(appended("FROM a\nRUN a && \\\n  b\n"), "FROM a\nRUN a && \\\n  b && \\\n  c\n")
    XCTAssertEqual(appended("FROM a\nRUN a \\\n  --flag\n"), "FROM a\nRUN a \\\n  --flag \\\n  && c\n")
  }

  func testAppendGoesBeforeTrailingSeparatorAndHeredocBody() {
    XCTAssertEqual(appended("FROM a\nRUN a && b;\n"), "FROM a\nRUN a && b && c;\n")
    XCTAssertEqual(appended("FROM a\nRUN a <<EOF && b\nbody\nEOF\n"), "FROM a\nRUN a <<EOF && b && c\nbody\nEOF\n")
    XCTAssertEqual(appended("FROM a\nRUN <<EOF\na && b\nEOF\n"), "FROM a\nRUN <<EOF\na && b && c\nEOF\n")
  }

  func testAppendIsRefusedForUnsafeScripts() {
    XCTAssertNil(appended("FROM a\nRUN a; b\n"))
    XCTAssertNil(appended("FROM a\nRUN a || b\n"))
    XCTAssertNil(appended("FROM a\nRUN a && b &\n"))
    XCTAssertNil(appended("FROM a\nRUN a # note\n"))
    XCTAssertNil(appended("FROM a\nRUN a && (b\n"))
    XCTAssertNil(appended("FROM a\nRUN [\"a\"]\n"))
    XCTAssertNil(appended("FROM a\nSHELL [\"pwsh\", \"-c\"]\nRUN a\n"))
    XCTAssertNil(appended("FROM a\nRUN <<-EOF\n\ta\n\tEOF\n"))
    XCTAssertNil(appended("FROM a\nRUN <<ONE <<TWO\na\nONE\nb\nTWO\n"))
  }
}
