import XCTest
@testable import Analysis

final class PackageManagerTests: XCTestCase {
  func commands(_ text: String) -> [PackageManagerCommand] {
    let context = RuleContext(document: Document(text: text))
    return PackageManagerCommands.allCommands(in: context)
  }

  func testAptGetInstallWithOptionValue() throws {
    let found = commands("FROM debian\nRUN apt-get -o Dpkg::Options::=--force-confnew install -y --no-install-recommends curl git=1:2.39\n")
    let command = try XCTUnwrap(found.first)
    XCTAssertEqual(command.manager, .aptGet)
    XCTAssertEqual(command.subcommand, "install")
    XCTAssertTrue(command.isInstall)
    XCTAssertEqual(command.packageNames, ["curl", "git=1:2.39"])
    XCTAssertTrue(command.hasOption(short: "y", long: ["yes", "assume-yes"]))
    XCTAssertTrue(command.hasOption(long: ["no-install-recommends"]))
    XCTAssertFalse(command.hasOption(long: ["force-confnew"]))
  }

  func testApkAliasesAndVirtualValue() throws {
    let found = commands("FROM alpine\nRUN apk add --no-cache --virtual .build-deps gcc make && apk del .build-deps\n")
    XCTAssertEqual(found.map(\.subcommand), ["install", "remove"])
    XCTAssertEqual(found[0].packageNames, ["gcc", "make"])
    XCTAssertEqual(found[0].optionValues(long: ["virtual"]), [".build-deps"])
    XCTAssertTrue(found[1].isRemoval)
  }

  func testWrappersAndPythonModuleAreUnwrapped() {
    let found = commands("FROM python\nRUN sudo apt-get update && python3 -m pip install --no-cache-dir flask==3.0\n")
    XCTAssertEqual(found.map(\.manager), [.aptGet, .pip])
    XCTAssertEqual(found[1].subcommand, "install")
    XCTAssertEqual(found[1].packageNames, ["flask==3.0"])
  }

  func testVersionedToolNamesAreRecognised() {
    XCTAssertEqual(PackageManager(commandName: "pip3.12"), .pip)
    XCTAssertEqual(PackageManager(commandName: "dnf5"), .dnf)
    XCTAssertNil(PackageManager(commandName: "pipx"))
    XCTAssertNil(PackageManager(commandName: "apt-cache"))
  }

  func testZypperAndYarnGlobal() {
    let found = commands("FROM opensuse/leap\nRUN zypper -n in vim && yarn global add typescript\n")
    XCTAssertEqual(found.map(\.subcommand), ["install", "add"])
    XCTAssertEqual(found[0].packageNames, ["vim"])
    XCTAssertEqual(found[1].packageNames, ["typescript"])
  }

  func testHeredocBodyIsSearched() throws {
    let text = "FROM debian\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n"
    let found = commands(text)
    XCTAssertEqual(found.map(\.subcommand), ["update", "install"])
    let context = RuleContext(document: Document(text: text))
    let script = try XCTUnwrap(context.runScripts(ofInstructionAt: 1).last)
    let range = script.sourceRange(found[1].occurrence.command.range)
    XCTAssertEqual(Document(text: text).source[range], "apt-get install -y curl")
  }

  func testHeredocFedToOtherProgramIsNotAScript() {
    XCTAssertTrue(commands("FROM python\nRUN python3 <<EOF\nimport os\nEOF\n").isEmpty)
  }

  func testCommandRangeMapsAcrossContinuation() throws {
    let text = "FROM debian\nRUN apt-get update \\\n && apt-get install -y \\\n    curl\n"
    let context = RuleContext(document: Document(text: text))
    let install = try XCTUnwrap(PackageManagerCommands.allCommands(in: context).last)
    let range = context.instructions[1].arguments.sourceRange(install.occurrence.command.range)
    XCTAssertEqual(context.source[range], "apt-get install -y \\\n    curl")
  }
}
