/// A JSON-RPC error object, sent as the `error` member of a response.
struct ResponseError: Error, Equatable, Sendable, CustomStringConvertible {
  var code: Int
  var message: String

  init(code: Int, message: String) {
    self.code = code
    self.message = message
  }

  var description: String { "\(message) (\(code))" }

  var json: JSONValue { ["code": .int(code), "message": .string(message)] }

  // Codes defined by JSON-RPC 2.0.
  static let parseErrorCode = -32700
  static let invalidRequestCode = -32600
  static let methodNotFoundCode = -32601
  static let invalidParamsCode = -32602
  static let internalErrorCode = -32603
  // Codes defined by LSP.
  static let serverNotInitializedCode = -32002
  static let requestCancelledCode = -32800
  static let contentModifiedCode = -32801
  static let requestFailedCode = -32803

  static func parseError(_ detail: String) -> ResponseError {
    ResponseError(code: parseErrorCode, message: "Parse error: \(detail)")
  }

  static func invalidRequest(_ detail: String) -> ResponseError {
    ResponseError(code: invalidRequestCode, message: "Invalid request: \(detail)")
  }

  static func methodNotFound(_ method: String) -> ResponseError {
    ResponseError(code: methodNotFoundCode, message: "Method not found: \(method)")
  }

  /// Returns an invalid-params error that names the offending field by its dotted path.
  static func invalidParams(field: String, _ detail: String) -> ResponseError {
    ResponseError(code: invalidParamsCode, message: "Invalid params: \(field) \(detail)")
  }

  static func internalError(_ detail: String) -> ResponseError {
    ResponseError(code: internalErrorCode, message: "Internal error: \(detail)")
  }

  static let serverNotInitialized = ResponseError(
    code: serverNotInitializedCode, message: "Server not initialized: send initialize first")
  static let requestCancelled = ResponseError(code: requestCancelledCode, message: "Request cancelled")

  static func contentModified(_ detail: String) -> ResponseError {
    ResponseError(code: contentModifiedCode, message: "Content modified: \(detail)")
  }

  /// Returns the error for a well-formed request that the server cannot carry out in its current state.
  static func requestFailed(_ detail: String) -> ResponseError {
    ResponseError(code: requestFailedCode, message: "Request failed: \(detail)")
  }
}
