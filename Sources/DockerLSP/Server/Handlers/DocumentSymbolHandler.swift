import Analysis

extension LanguageServer {
  /// Handles `textDocument/documentSymbol`: the hierarchical outline of stages and instructions.
  func documentSymbol(params: JSONValue?) throws -> JSONValue {
    let reader = ParamsReader(params)
    guard let (_, document) = try documentForRequest(reader, method: "Document symbols") else { return [] }
    let converter = converter(for: document.source)
    return .array(DocumentSymbolProvider.symbols(in: document).map { LanguageServer.json($0, converter) })
  }

  private static func json(_ symbol: OutlineSymbol, _ converter: LSPConverter) -> JSONValue {
    var object = JSONObject()
    object["name"] = .string(symbol.name)
    if let detail = symbol.detail { object["detail"] = .string(detail) }
    object["kind"] = .int(symbolKind(symbol.kind))
    object["range"] = converter.range(symbol.range)
    object["selectionRange"] = converter.range(symbol.selectionRange)
    if !symbol.children.isEmpty { object["children"] = .array(symbol.children.map { json($0, converter) }) }
    return .object(object)
  }

  /// Returns the LSP `SymbolKind` number.
  static func symbolKind(_ kind: OutlineKind) -> Int {
    switch kind {
    case .module: return 2
    case .class: return 5
    case .property: return 7
    case .function: return 12
    case .variable: return 13
    case .event: return 24
    }
  }
}
