import Analysis
import Foundation

/// `docker-lsp profile [--iterations N] [--rules] [--edits N [--no-script-cache]] FILE…`: times the parser alone and the rule
/// engine alone (a plain lint, and the server's first lint of an opened file as `open_lint_ms`), in
/// process, for the benchmark scripts. Prints one JSON object. With `--edits N`,
/// it also replays the server's work for N one-character edits of the first file (apply the
/// edit, lint with the document's cache, encode the diagnostics), which gives repeatable
/// instruction counts under callgrind. `--rules` adds each rule's time in one lint of the first
/// file (rules run in id order, so the first rule that needs a shared fact pays for it).
enum ProfileCommand {
  static func run(_ arguments: [String]) -> Int32 {
    var iterations = 20
    var edits = 0
    var cachesScripts = true
    var timesRules = false
    var paths: [String] = []
    var index = 0
    while index < arguments.count {
      if arguments[index] == "--rules" {
        timesRules = true
        index += 1
        continue
      }
      if arguments[index] == "--no-script-cache" {
        cachesScripts = false
        index += 1
        continue
      }
      if arguments[index] == "--edits", index + 1 < arguments.count, let value = Int(arguments[index + 1]), value >= 0 {
        edits = value
        index += 2
        continue
      }
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

    let parseSeconds = bestSeconds(of: iterations) {
      for source in sources {
        _ = DockerfileParser.parse(source)
      }
    }

    let documents = sources.map { Document(bytes: $0.bytes, skipsByteOrderMark: true) }
    let linter = Linter()
    var findingCount = 0
    let lintSeconds = bestSeconds(of: iterations) {
      findingCount = documents.reduce(0) { $0 + linter.lint($1).count }
    }

    // The server's lint of a just-opened document: with a new cache every rule runs, and the
    // findings are stored for later edits.
    let openSeconds = bestSeconds(of: iterations) {
      _ = linter.lint(documents[0], reusing: LintCache())
    }

    let editSeconds = edits > 0 ? replayEdits(edits, of: documents[0], cachesScripts: cachesScripts) : []
    let sortedEdits = editSeconds.sorted()
    var output: JSONValue = [
      "files": .int(sources.count), "bytes": .int(totalBytes), "iterations": .int(iterations),
      "parse_seconds": .double(parseSeconds), "parse_mb_per_second": .double(Double(totalBytes) / 1e6 / parseSeconds),
      "lint_seconds": .double(lintSeconds), "lint_ms_per_file": .double(lintSeconds * 1000 / Double(sources.count)),
      "findings": .int(findingCount), "open_lint_ms": .double(openSeconds * 1000),
    ]
    if !sortedEdits.isEmpty, case .object(var fields) = output {
      fields["edit_median_ms"] = .double(sortedEdits[sortedEdits.count / 2] * 1000)
      fields["edit_p95_ms"] = .double(sortedEdits[min(sortedEdits.count - 1, sortedEdits.count * 95 / 100)] * 1000)
      output = .object(fields)
    }
    if timesRules, case .object(var fields) = output {
      fields["rule_ms"] = .object(ruleTimes(documents[0]))
      output = .object(fields)
    }
    FileHandle.standardOutput.write(Data(JSONSerializer.serialize(output) + [UInt8(ascii: "\n")]))
    return 0
  }

  /// Returns the shortest of `iterations` runs of `body`, in seconds: the minimum is the run least
  /// disturbed by other work on the machine.
  private static func bestSeconds(of iterations: Int, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<iterations {
      let start = DispatchTime.now().uptimeNanoseconds
      body()
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
  }

  /// Returns each rule's time in milliseconds for one lint of `document`, sharing one context as
  /// the linter does.
  private static func ruleTimes(_ document: Document) -> JSONObject {
    let context = RuleContext(document: document)
    var times = JSONObject()
    for rule in RuleRegistry.all {
      let instance = rule.init()
      var findings: [Finding] = []
      let start = DispatchTime.now().uptimeNanoseconds
      instance.check(context, into: &findings)
      times[rule.id] = .double(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return times
  }

  /// Inserts and then removes one letter near the start of lines spread over the document, linting
  /// and encoding diagnostics after each change as the server does. Returns each change's time.
  /// `cachesScripts: false` lints each version from scratch, for comparison.
  private static func replayEdits(_ count: Int, of initial: Document, cachesScripts: Bool) -> [Double] {
    var store = DocumentStore()
    let uri = "file:///profile/Dockerfile"
    store.open(uri: uri, version: 1, document: initial)
    let linter = Linter()
    let analysis = cachesScripts ? AnalysisProviders() : AnalysisProviders(lint: { linter.lint($0) })
    let lineCount = initial.source.lineIndex.lineCount
    var generator = SplitMix(seed: 7)
    var times: [Double] = []
    var offset = 0
    for edit in 0..<count {
      let start = DispatchTime.now().uptimeNanoseconds
      store.modify(uri: uri) { entry in
        if edit % 2 == 0 {
          let line = Int(generator.next() % UInt64(lineCount))
          // After the first non-blank byte, as the LSP benchmark edits.
          let bytes = entry.document.source.bytes
          offset = entry.document.source.lineIndex.lineStarts[line]
          while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
          if offset < bytes.count, bytes[offset] != 0x0A { offset += 1 }
          entry.document.apply(TextEdit(range: offset..<offset, newText: "x"))
        } else {
          entry.document.apply(TextEdit(range: offset..<(offset + 1), newText: ""))
        }
        entry.version += 1
      }
      let lint = analysis.lint
      let findings = store.findings(for: uri) { lint($0, linter, .document($1)) }
      let entry = store[uri]!
      let body = DiagnosticsEncoder(converter: LSPConverter(source: entry.document.source, encoding: .utf16))
        .notificationBody(uri: uri, version: entry.version, findings: findings, reusing: entry.diagnosticsMemo)
      precondition(!body.isEmpty)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times
  }
}

/// A small deterministic random generator, so that replays pick the same lines every run.
private struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
