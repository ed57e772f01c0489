import Foundation
import XCTest
@testable import Analysis

/// Compares the parser, through `BuildKitProjection`, with the output of BuildKit's own parser
/// stored beside every file of the shared corpus (`*.parse.json`).
final class ParserConformanceTests: XCTestCase {
  /// Corpus files whose projection differs from BuildKit, with the reason. Keep it exact: a file
  /// listed here that starts to match fails the test.
  static let knownDifferences: [String: String] = [:]

  func testProjectionMatchesBuildKitOnCorpus() throws {
    let corpus = try CorpusFiles.load()
    var mismatches: [String: String] = [:]
    for file in corpus {
      let source = SourceText(bytes: file.bytes)
      let tree = DockerfileParser.parse(source)
      if let difference = Self.difference(BuildKitProjection.project(tree, source: source), expected: file.oracle, tree: tree) {
        mismatches[file.name] = difference
      }
    }
    let unexpected = mismatches.keys.filter { Self.knownDifferences[$0] == nil }.sorted()
    for name in unexpected {
      XCTFail("\(name): \(mismatches[name]!)")
    }
    let nowMatching = Self.knownDifferences.keys.filter { mismatches[$0] == nil }.sorted()
    XCTAssertEqual(nowMatching, [], "files listed as known differences now match; remove them from the list")
    print("conformance: \(corpus.count - mismatches.count) of \(corpus.count) corpus files match BuildKit")
  }

  func testCorpusTreesAreLosslessAndContiguous() throws {
    for file in try CorpusFiles.load() {
      let tree = DockerfileParser.parse(SourceText(bytes: file.bytes))
      var expectedStart = 0
      var rebuilt: [UInt8] = []
      for node in tree.nodes {
        XCTAssertEqual(node.range.lowerBound, expectedStart, "\(file.name): gap or overlap at \(expectedStart)")
        XCTAssertFalse(node.range.isEmpty, "\(file.name): empty node at \(expectedStart)")
        expectedStart = node.range.upperBound
        rebuilt.append(contentsOf: file.bytes[node.range])
      }
      XCTAssertEqual(expectedStart, file.bytes.count, "\(file.name): nodes end before the source")
      XCTAssertEqual(rebuilt, file.bytes, "\(file.name): concatenated nodes differ from the source")
    }
  }

  /// Describes the first difference between the projection and the oracle, or nil when they match.
  static func difference(_ actual: Result<[BuildKitInstruction], BuildKitError>, expected: Any, tree: SyntaxTree) -> String? {
    if let object = expected as? [String: Any], let message = object["error"] as? String {
      switch actual {
      case .success:
        return "BuildKit rejects the file (\(message)) but the projection succeeded"
      case .failure(let error):
        if tree.errors.isEmpty { return "BuildKit rejects the file but the tree has no syntax error" }
        return error.message == message ? nil : "error message \(error.message.debugDescription), expected \(message.debugDescription)"
      }
    }
    guard let list = expected as? [[String: Any]] else { return "unreadable oracle" }
    let instructions: [BuildKitInstruction]
    switch actual {
    case .failure(let error): return "projection failed with \(error.message.debugDescription)"
    case .success(let value): instructions = value
    }
    if instructions.count != list.count { return "\(instructions.count) instructions, expected \(list.count)" }
    for (index, (got, want)) in zip(instructions, list).enumerated() {
      let wantHeredocs = (want["heredocs"] as? [[String: Any]] ?? []).map {
        BuildKitHeredoc(name: $0["name"] as? String ?? "", fileDescriptor: $0["file_descriptor"] as? Int ?? -1, content: $0["content"] as? String ?? "")
      }
      let fields: [(String, Any, Any)] = [
        ("cmd", got.cmd, want["cmd"] as? String ?? "?"),
        ("sub_cmd", got.subCmd ?? "<null>", want["sub_cmd"] as? String ?? "<null>"),
        ("json", got.json, want["json"] as? Bool ?? false),
        ("original", got.original, want["original"] as? String ?? "?"),
        ("start_line", got.startLine, want["start_line"] as? Int ?? -1),
        ("end_line", got.endLine, want["end_line"] as? Int ?? -1),
        ("flags", got.flags, want["flags"] as? [String] ?? []),
        ("value", got.value, want["value"] as? [String] ?? []),
        ("heredocs", got.heredocs, wantHeredocs),
      ]
      for (name, gotValue, wantValue) in fields where "\(gotValue)" != "\(wantValue)" {
        return "instruction \(index + 1) \(name): got \(gotValue), expected \(wantValue)"
      }
    }
    return nil
  }
}

/// The corpus files with their BuildKit oracle.
struct CorpusFile {
  /// The path relative to the corpus folder.
  var name: String
  var bytes: [UInt8]
  /// The decoded `.parse.json`: a list of instructions or an object with `error`.
  var oracle: Any
}

enum CorpusFiles {
  /// The corpus folder: `DOCKERLSP_CORPUS`, or `../shared/corpus` beside the package root.
  static var folder: URL {
    if let path = ProcessInfo.processInfo.environment["DOCKERLSP_CORPUS"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
  }

  nonisolated(unsafe) private static var cache: [CorpusFile]?

  /// Loads every `*.Dockerfile` and `Dockerfile` with the `.parse.json` beside it. Throws when the
  /// corpus or an oracle is missing, so that the tests fail instead of skipping files.
  static func load() throws -> [CorpusFile] {
    if let cache { return cache }
    let root = folder
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
      throw CorpusError(message: "corpus folder not found at \(root.path); set DOCKERLSP_CORPUS to its path")
    }
    var files: [CorpusFile] = []
    for case let url as URL in enumerator {
      let name = url.lastPathComponent
      guard name == "Dockerfile" || name.hasSuffix(".Dockerfile") else { continue }
      let base = name == "Dockerfile" ? url.path : String(url.path.dropLast(".Dockerfile".count))
      let oracleURL = URL(fileURLWithPath: base + ".parse.json")
      guard let oracleData = try? Data(contentsOf: oracleURL) else {
        throw CorpusError(message: "\(url.path) has no BuildKit oracle at \(oracleURL.path)")
      }
      let oracle = try JSONSerialization.jsonObject(with: oracleData)
      let bytes = try [UInt8](Data(contentsOf: url))
      let relative = String(url.path.dropFirst(root.path.count + 1))
      files.append(CorpusFile(name: relative, bytes: bytes, oracle: oracle))
    }
    guard !files.isEmpty else {
      throw CorpusError(message: "no Dockerfiles with .parse.json found under \(root.path); set DOCKERLSP_CORPUS to the corpus folder")
    }
    files.sort { $0.name < $1.name }
    cache = files
    return files
  }

  struct CorpusError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }
}
