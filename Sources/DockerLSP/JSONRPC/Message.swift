/// The id of a request: JSON-RPC allows an integer or a string.
enum RequestID: Hashable, Sendable, CustomStringConvertible {
  case int(Int)
  case string(String)

  init?(_ value: JSONValue) {
    switch value {
    case .string(let text): self = .string(text)
    default:
      guard let number = value.intValue else { return nil }
      self = .int(number)
    }
  }

  var json: JSONValue {
    switch self {
    case .int(let number): return .int(number)
    case .string(let text): return .string(text)
    }
  }

  var description: String {
    switch self {
    case .int(let number): return String(number)
    case .string(let text): return "\"\(text)\""
    }
  }
}

/// One decoded JSON-RPC message from the client.
enum Message: Sendable {
  case request(id: RequestID, method: String, params: JSONValue?)
  case notification(method: String, params: JSONValue?)
  /// A response to a request that the server sent: its `result`, or its `error` object.
  case response(id: RequestID?, result: JSONValue?, error: JSONValue?)
}

/// A message that could not be decoded, with the error to send back. `id` is the request's id
/// when it could be recovered; the error response then goes to that request, otherwise to null.
struct InvalidMessage: Error, Sendable {
  var id: RequestID?
  var error: ResponseError
}

extension Message {
  /// Decodes a message body: -32700 when it is not JSON, -32600 when it is JSON but not a valid
  /// request, notification or response.
  static func decode(body: [UInt8]) -> Result<Message, InvalidMessage> {
    let value: JSONValue
    do {
      value = try JSONParser.parse(body)
    } catch {
      return .failure(InvalidMessage(id: nil, error: .parseError(error.description)))
    }
    return decode(value)
  }

  static func decode(_ value: JSONValue) -> Result<Message, InvalidMessage> {
    guard case .object(let object) = value else {
      let detail = value.arrayValue != nil
        ? "batch messages are not supported" : "expected an object, got \(value.typeDescription)"
      return .failure(InvalidMessage(id: nil, error: .invalidRequest(detail)))
    }

    // Recover the id first, so later problems can be reported to the right request.
    var id: RequestID?
    if let idValue = object["id"], !idValue.isNull {
      guard let parsed = RequestID(idValue) else {
        return .failure(InvalidMessage(id: nil, error: .invalidRequest("id must be an integer or a string")))
      }
      id = parsed
    }

    func invalid(_ detail: String) -> Result<Message, InvalidMessage> {
      .failure(InvalidMessage(id: id, error: .invalidRequest(detail)))
    }

    guard object["jsonrpc"]?.stringValue == "2.0" else { return invalid("jsonrpc must be \"2.0\"") }

    guard let methodValue = object["method"] else {
      if object["result"] != nil || object["error"] != nil {
        return .success(.response(id: id, result: object["result"], error: object["error"]))
      }
      return invalid("missing method")
    }
    guard let method = methodValue.stringValue else { return invalid("method must be a string") }

    // JSON-RPC 2.0 allows only structured params, but some clients send `"params": null` for
    // `shutdown` and `exit`; that is read as no params so those clients can still stop the server.
    var params = object["params"]
    if let value = params {
      switch value {
      case .object, .array: break
      case .null: params = nil
      default: return invalid("params must be an object or an array")
      }
    }

    if let id { return .success(.request(id: id, method: method, params: params)) }
    if object["id"] != nil { return invalid("id must not be null in a request") }
    return .success(.notification(method: method, params: params))
  }
}

/// Builders for the messages that the server sends.
enum OutgoingMessage {
  static func response(id: RequestID?, result: JSONValue) -> JSONValue {
    ["jsonrpc": "2.0", "id": id?.json ?? .null, "result": result]
  }

  /// Returns the body of a response whose `result` is the JSON text `encodedResult`: the same
  /// bytes as `response(id:result:).serialized` gives for the parsed value.
  static func responseBody(id: RequestID?, encodedResult: [UInt8]) -> [UInt8] {
    var body = JSONSerializer(reservingCapacity: encodedResult.count + 64)
    body.append(#"{"jsonrpc":"2.0","id":"#)
    body.write(id?.json ?? .null)
    body.append(#","result":"#)
    body.appendEncoded(encodedResult)
    body.append("}")
    return body.bytes
  }

  static func errorResponse(id: RequestID?, error: ResponseError) -> JSONValue {
    ["jsonrpc": "2.0", "id": id?.json ?? .null, "error": error.json]
  }

  static func notification(method: String, params: JSONValue) -> JSONValue {
    ["jsonrpc": "2.0", "method": .string(method), "params": params]
  }
}
