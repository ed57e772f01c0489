import Analysis
import Foundation

/// `docker-lsp lint`: lints files and prints findings for people or CI systems.
///
/// Options come from three layers, as in hadolint: the command line wins over `HADOLINT_*`
/// environment variables, which win over the configuration file.
enum LintCommand {
  struct Options {
    var paths: [String] = []
    /// The options given on the command line.
    var lint = LintOptions()
    /// `-c/--config`: the configuration file to use instead of searching for one.
    var configPath: String?
    /// `--file-path-in-report`: the path to show for every file in the report.
    var filePathInReport: String?
    /// `-o/--output`: the file to write the report to instead of standard output.
    var outputPath: String?
    /// `-V/--verbose`: say on standard error which configuration file is used.
    var verbose = false
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

  static func run(
    _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) -> Int32 {
    let options: Options
    let effective: LintOptions
    do {
      options = try parseOptions(arguments)
      effective = try resolve(options, environment: environment, currentDirectory: currentDirectory)
    } catch {
      CommandLineTool.writeError("docker-lsp lint: \(error)\n")
      return 2
    }

    let linter = Linter(configuration: effective.lintConfiguration)
    var results = lintFiles(options.paths, linter: linter)
    if options.diff {
      return FixWriter.printDiff(results, linter: linter)
    }
    var exitCode: Int32 = 0
    if options.fix, !FixWriter.writeFixes(&results, linter: linter) {
      exitCode = 2
    }

    for result in results where result.readError != nil {
      CommandLineTool.writeError("docker-lsp lint: \(result.readError!)\n")
      exitCode = 2
    }
    let format = effective.format.flatMap(OutputFormat.init(rawValue:)) ?? .tty
    let files = results.compactMap { result in
      result.source.map { LintReport.File(path: options.filePathInReport ?? result.path, source: $0, findings: result.findings) }
    }
    let useColor = format == .tty && !(effective.noColor ?? false) && options.outputPath == nil && isatty(STDOUT_FILENO) == 1
    let output = FindingFormatter.format(LintReport(files: files), as: format, color: useColor)
    guard writeReport(output, to: options.outputPath) else { return 2 }

    if exitCode != 0 { return exitCode }
    let threshold = effective.failureThreshold ?? .info
    let failing = results.contains { result in
      result.findings.contains { $0.severity >= threshold }
    }
    return failing && !(effective.noFail ?? false) ? 1 : 0
  }

  /// Writes the report to `path`, or to standard output when it is nil; false when writing failed.
  static func writeReport(_ output: String, to path: String?) -> Bool {
    guard let path else {
      FileHandle.standardOutput.write(Data(output.utf8))
      return true
    }
    do {
      try Data(output.utf8).write(to: URL(fileURLWithPath: path))
      return true
    } catch {
      CommandLineTool.writeError("docker-lsp lint: cannot write '\(path)': \(error.localizedDescription)\n")
      return false
    }
  }

  /// Combines the configuration file, the environment and the command line. Unknown keys in the
  /// file are reported as warnings; invalid values, an unreadable file or invalid YAML are errors.
  static func resolve(_ options: Options, environment: [String: String], currentDirectory: String) throws -> LintOptions {
    var fileOptions = LintOptions()
    let path = options.configPath ?? ConfigurationFiles.find(currentDirectory: currentDirectory, environment: environment)
    if options.verbose {
      CommandLineTool.writeError(path.map { "Configuration file used: \($0)\n" } ?? "No configuration file found; using the defaults\n")
    }
    if let path {
      let result: ConfigurationReader.Result
      do {
        result = try ConfigurationFiles.read(path)
      } catch {
        throw UsageError("cannot read configuration file '\(path)': \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
      }
      for warning in result.warnings {
        CommandLineTool.writeError("docker-lsp lint: warning: \(path): \(warning)\n")
      }
      if !result.errors.isEmpty {
        throw UsageError("invalid configuration file '\(path)':\n" + result.errors.map { "  \($0)" }.joined(separator: "\n"))
      }
      fileOptions = result.options
    }
    let (environmentOptions, issues) = LintOptions.fromEnvironment(environment)
    for issue in issues {
      CommandLineTool.writeError("docker-lsp lint: warning: ignoring an environment variable: \(issue)\n")
    }
    return fileOptions.overriding(environmentOptions).overriding(options.lint)
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
    // `--name=value` is the same as `--name value`.
    var inlineValue: String?
    func value(for option: String) throws -> String {
      if let inline = inlineValue {
        inlineValue = nil
        return inline
      }
      index += 1
      guard index < arguments.count else { throw UsageError("option \(option) needs a value") }
      return arguments[index]
    }
    func ruleCode(for option: String) throws -> String {
      try value(for: option).uppercased()
    }
    while index < arguments.count {
      var argument = arguments[index]
      inlineValue = nil
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        inlineValue = String(argument[argument.index(after: equals)...])
        argument = String(argument[..<equals])
      }
      switch argument {
      case "-f", "--format":
        let name = try value(for: argument)
        guard OutputFormat(rawValue: name) != nil else {
          throw UsageError("unknown format '\(name)'; use one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        options.lint.format = name
      case "-t", "--failure-threshold":
        let name = try value(for: argument)
        guard let severity = LintOptions.failureThreshold(named: name) else {
          throw UsageError("unknown failure threshold '\(name)'; use error, warning, info, style or none")
        }
        options.lint.failureThreshold = severity
      case "-c", "--config": options.configPath = try value(for: argument)
      case "--file-path-in-report": options.filePathInReport = try value(for: argument)
      case "-o", "--output": options.outputPath = try value(for: argument)
      case "-V", "--verbose": options.verbose = true
      case "--no-fail": options.lint.noFail = true
      case "--no-color": options.lint.noColor = true
      case "--strict-labels": options.lint.strictLabels = true
      case "--disable-ignore-pragma": options.lint.disableIgnorePragma = true
      case "--ignore": options.lint.ignored.append(try ruleCode(for: argument))
      case "--error": options.lint.overrides[try ruleCode(for: argument)] = .error
      case "--warning": options.lint.overrides[try ruleCode(for: argument)] = .warning
      case "--info": options.lint.overrides[try ruleCode(for: argument)] = .info
      case "--style": options.lint.overrides[try ruleCode(for: argument)] = .style
      case "--trusted-registry": options.lint.trustedRegistries.append(try value(for: argument))
      case "--require-label":
        let text = try value(for: argument)
        guard let (name, type) = LintOptions.labelRequirement(text) else {
          let types = RuleSettings.LabelType.allCases.map(\.rawValue).joined(separator: ", ")
          throw UsageError("invalid label requirement '\(text)'; use LABEL:TYPE with a type of \(types)")
        }
        options.lint.labelSchema[name] = type
      case "--fix": options.fix = true
      case "--diff": options.diff = true
      case "-": options.paths.append(argument)
      default:
        if argument.hasPrefix("-") { throw UsageError("unknown option '\(argument)'") }
        options.paths.append(argument)
      }
      if inlineValue != nil { throw UsageError("option \(argument) takes no value") }
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
