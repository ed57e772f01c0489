extension LanguageServer {
  /// Handles `shutdown`: later requests are rejected until `exit` arrives.
  func shutdown() -> JSONValue {
    lifecycle = .shutDown
    logger.info("server", "Shutting down with \(documents.count) documents open")
    return .null
  }

  /// Handles `exit`: the exit code is 0 after `shutdown` and 1 otherwise, as LSP specifies.
  func exitNotification() -> Int32 {
    if lifecycle == .shutDown { return 0 }
    logger.error("server", "Received exit without shutdown")
    return 1
  }
}
