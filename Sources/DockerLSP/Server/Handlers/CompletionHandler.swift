import Analysis

extension LanguageServer {
  /// The characters that make the client request completions as soon as they are typed.
  static let completionTriggerCharacters = ["-", "=", "$", "{"]

  /// Handles `textDocument/completion`: keywords, flags, flag values, stage names and variables,
  /// as snippets only for clients that support them.
  func completion(params: JSONValue?) throws -> JSONValue {
    let reader = ParamsReader(params)
    let position = try reader["position"].position()
    guard let (_, document) = try documentForRequest(reader, method: "Completion") else { return [] }
    let converter = converter(for: document.source)
    var candidates = CompletionProvider.completions(in: document, at: converter.offset(position))
    if !clientSupport.completionSnippets {
      candidates = candidates.map { $0.withoutPlaceholders() }
    }
    return .array(candidates.map { candidate in
      var object = JSONObject()
      object["label"] = .string(candidate.label)
      object["kind"] = .int(LanguageServer.completionItemKind(candidate.kind))
      if let detail = candidate.detail { object["detail"] = .string(detail) }
      if let documentation = candidate.documentation { object["documentation"] = ["kind": "markdown", "value": .string(documentation)] }
      object["insertTextFormat"] = .int(candidate.isSnippet ? 2 : 1)
      object["textEdit"] = ["range": converter.range(candidate.replaceRange), "newText": .string(candidate.insertText)]
      return .object(object)
    })
  }

  /// Returns the LSP `CompletionItemKind` number.
  static func completionItemKind(_ kind: CompletionCandidate.Kind) -> Int {
    switch kind {
    case .keyword: return 14
    case .flag: return 5
    case .value: return 12
    case .stage: return 9
    case .variable: return 6
    }
  }
}
