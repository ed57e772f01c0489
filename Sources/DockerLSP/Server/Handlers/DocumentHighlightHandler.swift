import Analysis

extension LanguageServer {
  /// Handles `textDocument/documentHighlight`: the places of the stage or variable under the
  /// cursor, declarations as writes (kind 3) and uses as reads (kind 2).
  func documentHighlight(params: JSONValue?) throws -> JSONValue {
    let reader = ParamsReader(params)
    let position = try reader["position"].position()
    guard let (_, document) = try documentForRequest(reader, method: "Document highlights") else { return [] }
    let converter = converter(for: document.source)
    let highlights = NavigationProvider.highlights(in: document, at: converter.offset(position))
    return .array(highlights.map { ["range": converter.range($0.range), "kind": .int($0.isDeclaration ? 3 : 2)] })
  }
}
