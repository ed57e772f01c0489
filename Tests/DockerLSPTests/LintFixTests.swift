import Foundation
import XCTest

/// `docker-lsp lint --fix` and `--diff` on files in a temporary directory.
final class LintFixTests: XCTestCase {
  let original = "FROM alpine:3.20\nWORKDIR /w\nRUN wget -q https://x.example/a.tgz && tar xzf a.tgz\nRUN useradd app\nCMD [\"sh\"]\n"
  let fixed = "FROM alpine:3.20\nWORKDIR /w\nRUN wget -q https://x.example/a.tgz && tar xzf a.tgz && rm -f /w/a.tgz\nRUN useradd -l app\nCMD [\"sh\"]\n"
  var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("docker-lsp-fix-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  private func write(_ text: String, name: String = "Dockerfile", permissions: Int = 0o640) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: url.path)
    return url.path
  }

  private func contents(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
  }

  private func permissions(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  func testFixWritesFileAndKeepsPermissions() throws {
    let path = try write(original)
    let output = try CommandLineTests.runBinary(["lint", "--fix", path])
    XCTAssertEqual(try contents(path), fixed)
    XCTAssertEqual(try permissions(path), 0o640)
    XCTAssertEqual(output.stdout, "")
    XCTAssertEqual(output.status, 0)
    // No temporary file is left behind.
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["Dockerfile"])
  }

  func testSecondFixChangesNothing() throws {
    let path = try write(original)
    _ = try CommandLineTests.runBinary(["lint", "--fix", path])
    let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    let second = try CommandLineTests.runBinary(["lint", "--fix", path])
    XCTAssertEqual(try contents(path), fixed)
    XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date, before)
    XCTAssertEqual(second.status, 0)
    let diff = try CommandLineTests.runBinary(["lint", "--diff", path])
    XCTAssertEqual(diff.stdout, "")
    XCTAssertEqual(diff.status, 0)
  }

  func testRemainingFindingsArePrinted() throws {
    let path = try write("FROM python:3.12\nRUN useradd app\n")
    let output = try CommandLineTests.runBinary(["lint", "--fix", "--no-color", path])
    XCTAssertEqual(try contents(path), "FROM python:3.12\nRUN useradd -l app\n")
    XCTAssertEqual(output.stdout, "\(path):1 DX1001 info: The image ships on `python:3.12`, a large image with a smaller variant\n")
    XCTAssertEqual(output.status, 1)
  }

  func testDiffOutputIsExactAndLeavesFile() throws {
    let path = try write(original)
    let output = try CommandLineTests.runBinary(["lint", "--diff", path])
    XCTAssertEqual(output.stdout, """
      --- \(path)
      +++ \(path)
      @@ -1,5 +1,5 @@
       FROM alpine:3.20
       WORKDIR /w
      -RUN wget -q https://x.example/a.tgz && tar xzf a.tgz
      -RUN useradd app
      +RUN wget -q https://x.example/a.tgz && tar xzf a.tgz && rm -f /w/a.tgz
      +RUN useradd -l app
       CMD ["sh"]

      """)
    XCTAssertEqual(output.status, 1)
    XCTAssertEqual(try contents(path), original)
  }

  func testDiffHunksAndMissingFinalNewline() throws {
    let lines = (1...12).map { "LABEL n\($0)=x" }.joined(separator: "\n")
    let path = try write("FROM alpine\n" + lines + "\nRUN useradd app")
    let output = try CommandLineTests.runBinary(["lint", "--diff", path])
    XCTAssertEqual(output.stdout, """
      --- \(path)
      +++ \(path)
      @@ -11,4 +11,4 @@
       LABEL n10=x
       LABEL n11=x
       LABEL n12=x
      -RUN useradd app
      \\ No newline at end of file
      +RUN useradd -l app
      \\ No newline at end of file

      """)
  }

  func testDiffReadsStandardInputButFixRefusesIt() throws {
    let diff = try CommandLineTests.runBinary(["lint", "--diff", "-"], stdin: "FROM alpine\nRUN useradd app\n")
    XCTAssertEqual(diff.stdout, "--- -\n+++ -\n@@ -1,2 +1,2 @@\n FROM alpine\n-RUN useradd app\n+RUN useradd -l app\n")
    let fix = try CommandLineTests.runBinary(["lint", "--fix", "-"], stdin: "FROM alpine\n")
    XCTAssertEqual(fix.status, 2)
    XCTAssertEqual(fix.stderr, "docker-lsp lint: --fix cannot write standard input; use --diff\n")
  }

  func testReadOnlyFileGivesErrorAndStaysUnchanged() throws {
    let path = try write(original, permissions: 0o444)
    let output = try CommandLineTests.runBinary(["lint", "--fix", "--no-color", path])
    XCTAssertEqual(output.status, 2)
    XCTAssertEqual(output.stderr, "docker-lsp lint: cannot write '\(path)': the file is read-only; make it writable or use --diff\n")
    XCTAssertEqual(try contents(path), original)
    // The findings of the unwritten file are those of the original text.
    XCTAssertTrue(output.stdout.contains("DX1007"))
  }

  func testSymbolicLinkStaysALink() throws {
    let target = try write(original, name: "real.Dockerfile")
    let link = directory.appendingPathComponent("Dockerfile").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    _ = try CommandLineTests.runBinary(["lint", "--fix", link])
    XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
    XCTAssertEqual(try contents(target), fixed)
  }
}
