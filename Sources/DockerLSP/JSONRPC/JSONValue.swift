/// A JSON value as read from or written to the wire.
///
/// Numbers without a fraction or exponent that fit in `Int` are `.int`; all others are `.double`.
enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// The member `key` of an object; nil for a missing key or a value that is not an object.
  subscript(key: String) -> JSONValue? {
    if case .object(let object) = self { return object[key] }
    return nil
  }

  var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The value as an integer; a double counts when it has no fractional part and fits in `Int`.
  var intValue: Int? {
    switch self {
    case .int(let value):
      return value
    case .double(let value):
      guard value.rounded() == value, let exact = Int(exactly: value) else { return nil }
      return exact
    default:
      return nil
    }
  }

  var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  var arrayValue: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  var objectValue: JSONObject? {
    if case .object(let value) = self { return value }
    return nil
  }

  var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// A short name of the value's type for error messages, such as "a string".
  var typeDescription: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .int, .double: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}

/// A JSON object that keeps its members in insertion order, so output is stable.
///
/// Lookup is a linear scan, which is faster than hashing for the handful of members that LSP
/// objects have. Equality ignores member order, as JSON does.
struct JSONObject: Sendable, Equatable {
  private(set) var entries: [(key: String, value: JSONValue)] = []

  init() {}

  init(_ entries: [(String, JSONValue)]) {
    for (key, value) in entries { self[key] = value }
  }

  var count: Int { entries.count }
  var keys: [String] { entries.map(\.key) }

  /// Reading returns the member's value. Writing replaces an existing member in place, appends a
  /// new one, or removes the member when the new value is nil.
  subscript(key: String) -> JSONValue? {
    get {
      for entry in entries where entry.key == key { return entry.value }
      return nil
    }
    set {
      if let index = entries.firstIndex(where: { $0.key == key }) {
        if let newValue {
          entries[index].value = newValue
        } else {
          entries.remove(at: index)
        }
      } else if let newValue {
        entries.append((key, newValue))
      }
    }
  }

  static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.count == rhs.count else { return false }
    for entry in lhs.entries where rhs[entry.key] != entry.value { return false }
    return true
  }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  init(nilLiteral: ()) { self = .null }
  init(booleanLiteral value: Bool) { self = .bool(value) }
  init(integerLiteral value: Int) { self = .int(value) }
  init(floatLiteral value: Double) { self = .double(value) }
  init(stringLiteral value: String) { self = .string(value) }
  init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

  /// Builds an object whose members keep the literal's order.
  init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(JSONObject(elements))
  }
}
