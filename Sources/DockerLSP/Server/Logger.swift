import Foundation

/// The importance of a log line. A logger drops lines less important than its threshold.
enum LogLevel: Int, Comparable, Sendable, CaseIterable {
  /// A bug in the server, such as a handler that failed.
  case fault
  /// A problem with the client's input or the environment that the server recovered from.
  case error
  case info
  case debug

  var name: String {
    switch self {
    case .fault: return "fault"
    case .error: return "error"
    case .info: return "info"
    case .debug: return "debug"
    }
  }

  init?(name: String) {
    guard let level = LogLevel.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
    self = level
  }

  static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Writes log lines such as `info server: Opened file:///x version 3` to a sink (stderr by
/// default) and forwards faults and errors to the client once it has set a forwarder.
///
/// Callers must never pass document text: only URIs, versions, methods, ids and counts.
final class Logger: @unchecked Sendable {
  let threshold: LogLevel
  private let sink: @Sendable (String) -> Void
  private let lock = NSLock()
  private var clientForwarder: (@Sendable (LogLevel, String) -> Void)?

  init(threshold: LogLevel = .info, sink: @escaping @Sendable (String) -> Void = Logger.writeToStandardError) {
    self.threshold = threshold
    self.sink = sink
  }

  /// Reads the threshold from `DOCKER_LSP_LOG` (fault, error, info or debug); info when unset.
  static func thresholdFromEnvironment() -> LogLevel {
    ProcessInfo.processInfo.environment["DOCKER_LSP_LOG"].flatMap(LogLevel.init(name:)) ?? .info
  }

  @Sendable static func writeToStandardError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    bytes.withUnsafeBytes { buffer in
      var written = 0
      while written < buffer.count {
        let result = write(2, buffer.baseAddress! + written, buffer.count - written)
        if result < 0 && errno == EINTR { continue }
        if result <= 0 { return }
        written += result
      }
    }
  }

  /// Sets where faults and errors go besides the sink: `window/logMessage` after `initialized`.
  func forwardToClient(_ forwarder: (@Sendable (LogLevel, String) -> Void)?) {
    lock.lock()
    clientForwarder = forwarder
    lock.unlock()
  }

  func log(_ level: LogLevel, _ component: String, _ message: @autoclosure () -> String) {
    guard level <= threshold || level <= .error else { return }
    let text = message()
    lock.lock()
    let forwarder = clientForwarder
    lock.unlock()
    if level <= threshold { sink("\(level.name) \(component): \(text)") }
    if level <= .error { forwarder?(level, "\(component): \(text)") }
  }

  func fault(_ component: String, _ message: @autoclosure () -> String) { log(.fault, component, message()) }
  func error(_ component: String, _ message: @autoclosure () -> String) { log(.error, component, message()) }
  func info(_ component: String, _ message: @autoclosure () -> String) { log(.info, component, message()) }
  func debug(_ component: String, _ message: @autoclosure () -> String) { log(.debug, component, message()) }
}
