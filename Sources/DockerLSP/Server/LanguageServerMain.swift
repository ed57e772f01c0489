import Foundation

/// Runs the language server on standard input and output.
enum LanguageServerMain {
  /// Serves until `exit` or end of input and returns the process exit code.
  static func run() -> Int32 {
    // A client that goes away must not kill the server with SIGPIPE before it logs why.
    signal(SIGPIPE, SIG_IGN)

    // The protocol gets its own copy of stdout, and fd 1 becomes stderr, so a stray print
    // anywhere in the process ends up in the log instead of corrupting the message stream.
    let logger = Logger(threshold: Logger.thresholdFromEnvironment())
    let transport = dup(STDOUT_FILENO)
    guard transport >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else {
      logger.fault("server", "Failed to redirect standard output: \(String(cString: strerror(errno)))")
      return 1
    }

    let connection = Connection(input: STDIN_FILENO, output: transport, logger: logger)
    return LanguageServer(connection: connection).run()
  }
}
