/// Runs the language server on standard input and output.
enum LanguageServerMain {
  /// Serves until `exit` or end of input and returns the process exit code.
  static func run() -> Int32 {
    // TODO: placeholder until the server lands.
    2
  }
}
