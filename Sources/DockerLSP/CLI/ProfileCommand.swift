import Analysis
import Foundation

/// `docker-lsp profile [--iterations N] FILE…`: times the parser alone and the rule engine
/// alone, in process, for the benchmark scripts. Prints one JSON object.
enum ProfileCommand {
  static func run(_ arguments: [String]) -> Int32 {
    var iterations = 20
    var paths: [String] = []
    var index = 0
    while index < arguments.count {
      if arguments[index] == "--iterations", index + 1 < arguments.count, let value = Int(arguments[index + 1]), value > 0 {
        iterations = value
        index += 2
        continue
      }
      paths.append(arguments[index])
      index += 1
    }
    guard !paths.isEmpty else {
      CommandLineTool.writeError("docker-lsp profile: usage: docker-lsp profile [--iterations N] FILE...\n")
      return 2
    }

    var sources: [SourceText] = []
    for path in paths {
      guard let bytes = try? CommandLineTool.readInput(path) else {
        CommandLineTool.writeError("docker-lsp profile: cannot read '\(path)'\n")
        return 2
      }
      sources.append(SourceText(bytes: bytes, skipsByteOrderMark: true))
    }
    let totalBytes = sources.reduce(0) { $0 + $1.count }

    // Best of several rounds: the minimum is the least disturbed by other work on the machine.
    var parseSeconds = Double.infinity
    for _ in 0..<iterations {
      let start = DispatchTime.now().uptimeNanoseconds
      for source in sources {
        _ = DockerfileParser.parse(source)
      }
      parseSeconds = min(parseSeconds, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    let documents = sources.map { Document(bytes: $0.bytes, skipsByteOrderMark: true) }
    let linter = Linter()
    var lintSeconds = Double.infinity
    var findingCount = 0
    for _ in 0..<iterations {
      let start = DispatchTime.now().uptimeNanoseconds
      findingCount = documents.reduce(0) { $0 + linter.lint($1).count }
      lintSeconds = min(lintSeconds, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    let output: JSONValue = [
      "files": .int(sources.count), "bytes": .int(totalBytes), "iterations": .int(iterations),
      "parse_seconds": .double(parseSeconds), "parse_mb_per_second": .double(Double(totalBytes) / 1e6 / parseSeconds),
      "lint_seconds": .double(lintSeconds), "lint_ms_per_file": .double(lintSeconds * 1000 / Double(sources.count)),
      "findings": .int(findingCount),
    ]
    FileHandle.standardOutput.write(Data(JSONSerializer.serialize(output) + [UInt8(ascii: "\n")]))
    return 0
  }
}
