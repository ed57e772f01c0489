import Analysis
import Foundation

/// `docker-lsp lint`: lints files and prints findings for people or CI systems.
enum LintCommand {
  struct Options {
    var paths: [String] = []
    var format = OutputFormat.tty
    var failureThreshold = Severity.info
    var noFail = false
    var noColor = false
    var ignoredRules: Set<String> = []
    /// `--fix` writes fixed files; `--diff` prints what `--fix` would change.
    var fix = false
    var diff = false
  }

  /// The findings of one input file, or the reason it could not be read.
  struct FileResult {
    var path: String
    var source: SourceText?
    var findings: [Finding]
    var readError: String?
  }

  static func run(_ arguments: [String]) -> Int32 {
    let options: Options
    do {
      options = try parseOptions(arguments)
    } catch {
      CommandLineTool.writeError("docker-lsp lint: \(error)\n")
      return 2
    }

    let linter = Linter(configuration: LintConfiguration(disabledRules: options.ignoredRules))
    var results = lintFiles(options.paths, linter: linter)
    if options.fix || options.diff {
      return FixWriter.run(&results, options: options, linter: linter)
    }

    var exitCode: Int32 = 0
    for result in results where result.readError != nil {
      CommandLineTool.writeError("docker-lsp lint: \(result.readError!)\n")
      exitCode = 2
    }
    let useColor = !options.noColor && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    let output = FindingFormatter.format(results.filter { $0.readError == nil }, as: options.format, color: useColor)
    FileHandle.standardOutput.write(Data(output.utf8))

    if exitCode != 0 { return exitCode }
    let failing = results.contains { result in
      result.findings.contains { $0.severity >= options.failureThreshold }
    }
    return failing && !options.noFail ? 1 : 0
  }

  /// Lints every path, several at once, and returns the results in the order of `paths`.
  static func lintFiles(_ paths: [String], linter: Linter) -> [FileResult] {
    let results = ResultSlots(count: paths.count)
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
      results.store(lintFile(paths[index], linter: linter), at: index)
    }
    return results.values
  }

  static func lintFile(_ path: String, linter: Linter) -> FileResult {
    let bytes: [UInt8]
    do {
      bytes = try CommandLineTool.readInput(path)
    } catch {
      let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
      return FileResult(path: path, source: nil, findings: [], readError: "cannot read '\(path)': \(reason)")
    }
    let document = Document(bytes: bytes, skipsByteOrderMark: true)
    return FileResult(path: path, source: document.source, findings: linter.lint(document), readError: nil)
  }

  static func parseOptions(_ arguments: [String]) throws -> Options {
    var options = Options()
    var index = 0
    func value(for option: String) throws -> String {
      index += 1
      guard index < arguments.count else { throw UsageError("option \(option) needs a value") }
      return arguments[index]
    }
    while index < arguments.count {
      let argument = arguments[index]
      switch argument {
      case "-f", "--format":
        let name = try value(for: argument)
        guard let format = OutputFormat(rawValue: name) else {
          throw UsageError("unknown format '\(name)'; use one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        options.format = format
      case "-t", "--failure-threshold":
        let name = try value(for: argument)
        guard let severity = Severity(rawValue: name) else {
          throw UsageError("unknown failure threshold '\(name)'; use error, warning, info or style")
        }
        options.failureThreshold = severity
      case "--no-fail": options.noFail = true
      case "--no-color": options.noColor = true
      case "--ignore": options.ignoredRules.insert(try value(for: argument).uppercased())
      case "--fix": options.fix = true
      case "--diff": options.diff = true
      case "-": options.paths.append(argument)
      default:
        if argument.hasPrefix("-") { throw UsageError("unknown option '\(argument)'") }
        options.paths.append(argument)
      }
      index += 1
    }
    if options.paths.isEmpty { throw UsageError("no files given; pass one or more Dockerfiles, or - for standard input") }
    if options.fix && options.paths.contains("-") { throw UsageError("--fix cannot write standard input; use --diff") }
    return options
  }
}

struct UsageError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Result storage that concurrent workers write by index.
final class ResultSlots: @unchecked Sendable {
  private var slots: [LintCommand.FileResult?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func store(_ value: LintCommand.FileResult, at index: Int) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [LintCommand.FileResult] { slots.compactMap { $0 } }
}
