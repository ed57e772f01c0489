import XCTest
@testable import Analysis

final class StageReferencesTests: XCTestCase {
  func graph(_ text: String) -> StageReferences {
    StageReferences(RuleContext(document: Document(text: text)))
  }

  func testReferencesResolveByNameAndIndex() {
    let stages = RuleContext(document: Document(text: "FROM a AS One\nFROM b AS two\nFROM c\n")).model.stages
    XCTAssertEqual(StageReferences.stageIndex(referencedBy: "one", in: stages, before: 2), 0)
    XCTAssertEqual(StageReferences.stageIndex(referencedBy: "TWO", in: stages, before: 2), 1)
    XCTAssertEqual(StageReferences.stageIndex(referencedBy: "1", in: stages, before: 2), 1)
    XCTAssertEqual(StageReferences.stageIndex(referencedBy: "2", in: stages, before: 2), 2)
    XCTAssertNil(StageReferences.stageIndex(referencedBy: "two", in: stages, before: 0))
    XCTAssertNil(StageReferences.stageIndex(referencedBy: "3", in: stages, before: 2))
    XCTAssertNil(StageReferences.stageIndex(referencedBy: "nginx", in: stages, before: 2))
  }

  func testUsedStagesAreMarked() {
    let result = graph("""
      FROM a AS base
      FROM a AS deps
      FROM a AS tool
      FROM base
      COPY --from=deps /x /x
      RUN --mount=type=bind,from=tool,target=/t true
      FROM a AS unused

      """)
    XCTAssertEqual(result.isUsedByLaterStage, [true, true, true, false, false])
  }

  func testSelfCopyDoesNotMarkStage() {
    XCTAssertEqual(graph("FROM a AS x\nCOPY --from=x /a /b\n").isUsedByLaterStage, [false])
  }

  func testAncestryFollowsBaseStages() {
    let result = graph("FROM a AS one\nFROM one AS two\nFROM b\nFROM two\n")
    XCTAssertEqual(result.ancestry(of: 3), [3, 1, 0])
    XCTAssertEqual(result.ancestry(of: 2), [2])
  }

  func testNameRangeFindsStageName() {
    let text = "FROM --platform=linux/amd64 a:1 \\\n  AS build\n"
    let from = Document(text: text).tree.instructions[0]
    let range = StageReferences.nameRange(of: from)
    XCTAssertEqual(range.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }, "build")
    XCTAssertNil(StageReferences.nameRange(of: Document(text: "FROM a:1\n").tree.instructions[0]))
  }
}
