import XCTest
@testable import Analysis

/// The rarely used fields of `Instruction` share one immutable box; changing them on a copy must
/// behave like changing stored properties.
final class InstructionFieldsTests: XCTestCase {
  private func parseFirst(_ text: String) -> Instruction {
    DockerfileParser.parse(SourceText(text)).instructions[0]
  }

  func testChangingCopyLeavesOriginal() {
    let original = parseFirst("COPY --from=build a b\n")
    var copy = original
    copy.flags = []
    copy.errors.append(SyntaxError(range: 0..<4, message: "changed"))
    XCTAssertEqual(original.flags.map(\.name), ["from"])
    XCTAssertEqual(original.errors, [])
    XCTAssertEqual(copy.flags, [])
    XCTAssertEqual(copy.errors.map(\.message), ["changed"])
  }

  func testEveryFieldRoundTrips() {
    var instruction = parseFirst("RUN a\n")
    XCTAssertEqual(instruction.flags, [])
    XCTAssertNil(instruction.execForm)
    XCTAssertNil(instruction.onbuildTrigger)

    let flag = Flag(range: 0..<6, name: "x", value: "1", nameRange: 2..<3, valueRange: 4..<5)
    let exec = ExecForm(range: 4..<9, elements: [ExecElement(value: "a", range: 5..<8)])
    let comment = Comment(range: 10..<14, contentRange: 10..<13, text: " c")
    let heredoc = Heredoc(
      name: "EOF", fileDescriptor: nil, stripsTabs: false, isQuoted: false, openerRange: 4..<9,
      bodyRange: 10..<20, terminatorRange: 16..<20, content: "body\n")
    instruction.flags = [flag]
    instruction.execForm = exec
    instruction.embeddedComments = [comment]
    instruction.heredocs = [heredoc]
    instruction.onbuildTrigger = OnbuildTrigger(parseFirst("RUN b\n"))
    XCTAssertEqual(instruction.flags, [flag])
    XCTAssertEqual(instruction.execForm, exec)
    XCTAssertEqual(instruction.embeddedComments, [comment])
    XCTAssertEqual(instruction.heredocs, [heredoc])
    XCTAssertEqual(instruction.onbuildTrigger?.instruction.arguments.text, "b")
    XCTAssertEqual(instruction.flagWords, ["--x=1"])

    let shifted = instruction.shifted(by: 100)
    XCTAssertEqual(shifted.flags.map(\.range), [100..<106])
    XCTAssertEqual(shifted.execForm?.range, 104..<109)
    XCTAssertEqual(shifted.embeddedComments.map(\.range), [110..<114])
    XCTAssertEqual(shifted.heredocs.map(\.bodyRange), [110..<120])
    XCTAssertEqual(shifted.onbuildTrigger?.instruction.range, 100..<106)
    XCTAssertEqual(instruction.flags.map(\.range), [0..<6])
  }
}
