import Analysis
import Foundation

/// The `lint`, `explain`, `rules` and `parse` subcommands.
enum CommandLineTool {
  static let usage = """
    Usage:
      docker-lsp [--stdio]                 run the language server on standard input and output
      docker-lsp lint [options] FILE...    lint Dockerfiles (- reads standard input)
      docker-lsp explain RULE              print a rule's documentation
      docker-lsp rules                     list every rule with its default severity
      docker-lsp parse --json FILE         print the instructions as BuildKit's parser reports them
      docker-lsp profile [--iterations N] FILE...
                                           time the parser and the rules in process (JSON)

    Options of lint (as hadolint's; the command line wins over HADOLINT_* variables, which win
    over .hadolint.yaml):
      -f, --format FORMAT          tty (default), json, checkstyle, codeclimate, gitlab_codeclimate,
                                   gnu, codacy, sonarqube, sarif, junit or github
      -t, --failure-threshold LEVEL
                                   exit with status 1 when a finding is at or above LEVEL
                                   (error, warning, info, style, none; default info)
      --no-fail                    exit with status 0 whatever is found
      --no-color                   never colour tty output (NO_COLOR also works)
      -c, --config FILE            read FILE instead of searching for .hadolint.yaml
      --file-path-in-report PATH   show PATH as the file name in the report
      -o, --output FILE            write the report to FILE instead of standard output
      -V, --verbose                say which configuration file is used
      --ignore RULE                do not run RULE (repeatable)
      --error/--warning/--info/--style RULE
                                   report RULE at that level (repeatable)
      --trusted-registry REGISTRY  allow FROM to pull from REGISTRY (repeatable)
      --require-label LABEL:TYPE   require LABEL with a value of TYPE (repeatable)
      --strict-labels              report labels that --require-label does not name
      --disable-ignore-pragma      ignore `# hadolint ignore=` comments
      --fix                        apply every safe fix to the files in place, then print the
                                   findings that remain
      --diff                       print the changes --fix would make as a unified diff, and
                                   exit with status 1 when there are any

    """

  /// Runs one subcommand and returns the process exit code.
  static func run(_ arguments: [String]) -> Int32 {
    guard let command = arguments.first else {
      writeError(usage)
      return 2
    }
    let rest = Array(arguments.dropFirst())
    switch command {
    case "lint": return LintCommand.run(rest)
    case "explain": return ExplainCommand.run(rest)
    case "rules": return ExplainCommand.listRules()
    case "parse": return ParseCommand.run(rest)
    case "profile": return ProfileCommand.run(rest)
    case "--version", "-v", "version":
      FileHandle.standardOutput.write(Data("docker-lsp \(LanguageServer.version)\n".utf8))
      return 0
    case "-h", "--help", "help":
      FileHandle.standardOutput.write(Data(usage.utf8))
      return 0
    default:
      writeError("docker-lsp: unknown command '\(command)'\n\n\(usage)")
      return 2
    }
  }

  static func writeError(_ message: String) {
    FileHandle.standardError.write(Data(message.utf8))
  }

  /// Reads a file's bytes, or standard input for `-`.
  static func readInput(_ path: String) throws -> [UInt8] {
    if path == "-" {
      return Array(FileHandle.standardInput.readDataToEndOfFile())
    }
    return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }
}
