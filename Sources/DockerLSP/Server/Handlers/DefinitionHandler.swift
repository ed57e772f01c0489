import Analysis

extension LanguageServer {
  /// Handles `textDocument/definition`: the `AS name` of a stage or the ARG/ENV that declares a
  /// variable, or null.
  func definition(params: JSONValue?) throws -> JSONValue {
    let reader = ParamsReader(params)
    let position = try reader["position"].position()
    guard let (uri, document) = try documentForRequest(reader, method: "Definition") else { return .null }
    let converter = converter(for: document.source)
    guard let target = NavigationProvider.definition(in: document, at: converter.offset(position)) else { return .null }
    return ["uri": .string(uri), "range": converter.range(target)]
  }

  /// Handles `textDocument/references`: every place naming the same stage or variable.
  func references(params: JSONValue?) throws -> JSONValue {
    let reader = ParamsReader(params)
    let position = try reader["position"].position()
    var includeDeclaration = true
    if reader["context"]["includeDeclaration"].isPresent {
      includeDeclaration = reader["context"]["includeDeclaration"].value?.boolValue ?? true
    }
    guard let (uri, document) = try documentForRequest(reader, method: "References") else { return [] }
    let converter = converter(for: document.source)
    let ranges = NavigationProvider.references(in: document, at: converter.offset(position), includeDeclaration: includeDeclaration)
    return .array(ranges.map { ["uri": .string(uri), "range": converter.range($0)] })
  }
}
