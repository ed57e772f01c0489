import Foundation

/// The `lint`, `explain`, `rules` and `parse` subcommands.
enum CommandLineTool {
  /// Runs one subcommand and returns the process exit code.
  static func run(_ arguments: [String]) -> Int32 {
    // TODO: placeholder until the command line lands.
    FileHandle.standardError.write(Data("docker-lsp: unknown command \(arguments.first ?? "")\n".utf8))
    return 2
  }
}
