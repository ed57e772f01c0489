import Foundation

/// Chooses between the language server and the command-line tools.
@main
struct EntryPoint {
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.isEmpty || arguments == ["--stdio"] {
      exit(LanguageServerMain.run())
    }
    exit(CommandLineTool.run(arguments))
  }
}
