import XCTest
@testable import Analysis

final class InstructionDocsTests: XCTestCase {
  private let knownKinds = InstructionKind.allCases.filter { $0 != .unknown }

  func testEveryKnownKindHasDocs() {
    XCTAssertEqual(knownKinds.count, 18)
    for kind in knownKinds {
      XCTAssertNotNil(InstructionDocs.markdown(for: kind), "no docs for \(kind.keyword)")
    }
  }

  func testDocsMentionTheirKeyword() {
    for kind in knownKinds {
      let markdown = InstructionDocs.markdown(for: kind) ?? ""
      XCTAssertTrue(markdown.contains(kind.keyword), "docs for \(kind.keyword) never name it")
    }
  }

  func testDocsOpenWithSyntaxCodeBlock() throws {
    for kind in knownKinds {
      let markdown = try XCTUnwrap(InstructionDocs.markdown(for: kind))
      let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
      XCTAssertEqual(lines.first, "```dockerfile", "\(kind.keyword) docs do not open with a code block")
      XCTAssertGreaterThan(lines.count, 1, "\(kind.keyword) docs have a single line")
      let syntaxLine = lines.dropFirst().first ?? ""
      XCTAssertTrue(syntaxLine.hasPrefix(kind.keyword), "\(kind.keyword) syntax line: \(syntaxLine)")
      let closingFence = lines.dropFirst().firstIndex(of: "```")
      XCTAssertNotNil(closingFence, "\(kind.keyword) code block is never closed")
      if let closingFence {
        let prose = lines[(closingFence + 1)...].joined(separator: " ")
        XCTAssertGreaterThan(prose.count, 80, "\(kind.keyword) docs have no description after the code block")
      }
    }
  }

  func testDocsHaveNoLeftoverIndentOrTrailingSpace() {
    for kind in knownKinds {
      let markdown = InstructionDocs.markdown(for: kind) ?? ""
      for line in markdown.split(separator: "\n") {
        XCTAssertFalse(line.hasPrefix(" "), "\(kind.keyword) line starts with a space: \(line)")
        XCTAssertFalse(line.hasSuffix(" "), "\(kind.keyword) line ends with a space: \(line)")
      }
    }
  }

  func testUnknownKindHasNoDocs() {
    XCTAssertNil(InstructionDocs.markdown(for: .unknown))
    XCTAssertNil(InstructionDocs.markdown(for: InstructionKind(keyword: "FORM")))
  }

  func testRunDocsNameFlagsAndLayers() throws {
    let markdown = try XCTUnwrap(InstructionDocs.markdown(for: .run))
    for fact in ["--mount", "--network", "--security", "layer", "same `RUN`"] {
      XCTAssertTrue(markdown.contains(fact), "RUN docs lack \(fact)")
    }
  }

  func testCopyDocsNameAllFlags() throws {
    let markdown = try XCTUnwrap(InstructionDocs.markdown(for: .copy))
    for flag in ["--from", "--chown", "--chmod", "--link", "--parents", "--exclude"] {
      XCTAssertTrue(markdown.contains(flag), "COPY docs lack \(flag)")
    }
  }

  func testAddDocsNameRemoteFlags() throws {
    let markdown = try XCTUnwrap(InstructionDocs.markdown(for: .add))
    XCTAssertTrue(markdown.contains("--checksum"))
    XCTAssertTrue(markdown.contains("--keep-git-dir"))
  }

  func testFromDocsNamePlatformFlag() throws {
    let markdown = try XCTUnwrap(InstructionDocs.markdown(for: .from))
    XCTAssertTrue(markdown.contains("--platform"))
  }

  func testHealthcheckDocsGiveDefaults() throws {
    let markdown = try XCTUnwrap(InstructionDocs.markdown(for: .healthcheck))
    let defaults = [
      "--interval=30s", "--timeout=30s", "--start-period=0s", "--start-interval=5s", "--retries=3",
    ]
    for option in defaults {
      XCTAssertTrue(markdown.contains(option), "HEALTHCHECK docs lack \(option)")
    }
    XCTAssertTrue(markdown.contains("HEALTHCHECK NONE"))
  }

  func testMaintainerDocsSayDeprecated() throws {
    let markdown = try XCTUnwrap(InstructionDocs.markdown(for: .maintainer))
    XCTAssertTrue(markdown.contains("Deprecated"))
    XCTAssertTrue(markdown.contains("org.opencontainers.image.authors"))
  }

  func testEveryDirectiveHasDocs() throws {
    XCTAssertEqual(DirectiveDocs.names, ["syntax", "escape", "check"])
    for name in DirectiveDocs.names {
      let markdown = try XCTUnwrap(DirectiveDocs.markdown(forDirective: name), "no docs for \(name)")
      XCTAssertTrue(markdown.hasPrefix("```dockerfile\n# \(name)="), "\(name) docs do not open with its syntax")
      XCTAssertTrue(markdown.contains("top of the file"), "\(name) docs do not say where directives go")
    }
  }

  func testDirectiveLookupIgnoresCase() {
    XCTAssertEqual(DirectiveDocs.markdown(forDirective: "SYNTAX"), DirectiveDocs.markdown(forDirective: "syntax"))
    XCTAssertEqual(DirectiveDocs.markdown(forDirective: "Escape"), DirectiveDocs.markdown(forDirective: "escape"))
  }

  func testEscapeDocsKeepBackslashes() throws {
    let markdown = try XCTUnwrap(DirectiveDocs.markdown(forDirective: "escape"))
    XCTAssertTrue(markdown.contains("# escape=\\\n# escape=`\n"))
    XCTAssertTrue(markdown.contains("The default is `\\`, and"))
  }

  func testUnknownDirectiveHasNoDocs() {
    XCTAssertNil(DirectiveDocs.markdown(forDirective: "unknowndirective"))
    XCTAssertNil(DirectiveDocs.markdown(forDirective: ""))
    XCTAssertNil(DirectiveDocs.markdown(forDirective: "syntax "))
  }
}
