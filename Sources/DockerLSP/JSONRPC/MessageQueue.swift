import Foundation

/// One item that the reader thread hands to the worker.
enum IncomingItem: Sendable {
  case message(Message)
  /// A body that did not decode; the worker sends the error response in order.
  case invalid(InvalidMessage)
  case endOfInput
  /// The stream cannot be read any more (a malformed header or a read error).
  case streamFailed(String)
}

/// The queue between the reader thread and the worker, with the cancellation bookkeeping that
/// both need under one lock.
final class MessageQueue: @unchecked Sendable {
  private let condition = NSCondition()
  private var items: [IncomingItem] = []
  private var head = 0
  private var runningRequest: RequestID?
  private var runningRequestCancelled = false

  func push(_ item: IncomingItem) {
    condition.lock()
    items.append(item)
    condition.signal()
    condition.unlock()
  }

  /// Blocks until an item is available and removes it. A request taken off the queue becomes
  /// the running request until `finishRequest` is called.
  func pop() -> IncomingItem {
    condition.lock()
    defer { condition.unlock() }
    while head == items.count { condition.wait() }
    let item = items[head]
    head += 1
    if head > 64 && head * 2 > items.count {
      items.removeFirst(head)
      head = 0
    }
    if case .message(.request(let id, _, _)) = item {
      runningRequest = id
      runningRequestCancelled = false
    }
    return item
  }

  /// Ends the running request and returns whether it was cancelled while it ran.
  func finishRequest() -> Bool {
    condition.lock()
    defer { condition.unlock() }
    let cancelled = runningRequestCancelled
    runningRequest = nil
    runningRequestCancelled = false
    return cancelled
  }

  /// Whether the running request was cancelled, for handlers that can stop early.
  var isRunningRequestCancelled: Bool {
    condition.lock()
    defer { condition.unlock() }
    return runningRequestCancelled
  }

  /// The outcome of a cancellation.
  enum CancelOutcome: Equatable {
    /// The request was still queued and is removed, so the worker never runs it.
    case removedFromQueue
    /// The request is running. The worker responds with a cancellation error when it finishes.
    case markedRunning
    /// The request is unknown or already has its response.
    case notFound
  }

  func cancel(_ id: RequestID) -> CancelOutcome {
    condition.lock()
    defer { condition.unlock() }
    if runningRequest == id {
      runningRequestCancelled = true
      return .markedRunning
    }
    for index in head..<items.count {
      if case .message(.request(let queuedID, _, _)) = items[index], queuedID == id {
        items.remove(at: index)
        return .removedFromQueue
      }
    }
    return .notFound
  }

  /// Returns whether any queued item, not yet taken by the worker, satisfies `predicate`.
  func containsQueued(where predicate: (IncomingItem) -> Bool) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    for index in head..<items.count where predicate(items[index]) { return true }
    return false
  }
}
