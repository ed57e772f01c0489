import Analysis

/// Reads typed fields out of request or notification params. Each failure is a -32602 error
/// that names the field by its dotted path, such as `textDocument.uri`.
struct ParamsReader {
  let value: JSONValue?
  /// The dotted path of `value` inside the params; empty for the params themselves.
  let path: String

  init(_ value: JSONValue?, path: String = "") {
    self.value = value
    self.path = path
  }

  private var fieldName: String { path.isEmpty ? "params" : path }

  /// Whether the field is present and not null.
  var isPresent: Bool {
    guard let value else { return false }
    return !value.isNull
  }

  /// The member `name`, which may be missing; check with `isPresent` or read it with a throwing accessor.
  subscript(name: String) -> ParamsReader {
    ParamsReader(value?[name], path: path.isEmpty ? name : "\(path).\(name)")
  }

  private func invalid(_ detail: String) -> ResponseError {
    .invalidParams(field: fieldName, detail)
  }

  private func present() throws(ResponseError) -> JSONValue {
    guard let value, !value.isNull else { throw invalid("is missing") }
    return value
  }

  func object() throws(ResponseError) -> ParamsReader {
    let value = try present()
    guard value.objectValue != nil else { throw invalid("must be an object, got \(value.typeDescription)") }
    return self
  }

  func string() throws(ResponseError) -> String {
    let value = try present()
    guard let text = value.stringValue else { throw invalid("must be a string, got \(value.typeDescription)") }
    return text
  }

  func int() throws(ResponseError) -> Int {
    let value = try present()
    guard let number = value.intValue else { throw invalid("must be an integer, got \(value.typeDescription)") }
    return number
  }

  func nonNegativeInt() throws(ResponseError) -> Int {
    let number = try int()
    guard number >= 0 else { throw invalid("must not be negative, got \(number)") }
    return number
  }

  /// Returns the elements of an array, each with its index in the path (`contentChanges[2]`).
  func array() throws(ResponseError) -> [ParamsReader] {
    let value = try present()
    guard let elements = value.arrayValue else { throw invalid("must be an array, got \(value.typeDescription)") }
    return elements.enumerated().map { index, element in ParamsReader(element, path: "\(fieldName)[\(index)]") }
  }

  /// Reads an LSP `Position`.
  func position() throws(ResponseError) -> Position {
    _ = try object()
    return Position(line: try self["line"].nonNegativeInt(), character: try self["character"].nonNegativeInt())
  }

  /// Reads an LSP `Range`.
  func range() throws(ResponseError) -> PositionRange {
    _ = try object()
    return PositionRange(start: try self["start"].position(), end: try self["end"].position())
  }
}
