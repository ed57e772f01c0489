import Analysis

extension LanguageServer {
  /// The `semanticTokensProvider` capability: the legend and the supported requests.
  static var semanticTokensCapability: JSONValue {
    [
      "legend": [
        "tokenTypes": .array(SemanticTokenType.allCases.map { .string($0.name) }),
        "tokenModifiers": .array(SemanticTokensProvider.modifierNames.map { .string($0) }),
      ],
      "full": true,
      "range": true,
    ]
  }

  /// Handles `textDocument/semanticTokens/full`.
  func semanticTokensFull(params: JSONValue?) throws -> JSONValue {
    try semanticTokens(params: params, method: "Semantic tokens", ranged: false)
  }

  /// Handles `textDocument/semanticTokens/range`: the tokens of the nodes that intersect the range.
  func semanticTokensRange(params: JSONValue?) throws -> JSONValue {
    try semanticTokens(params: params, method: "Semantic tokens for a range", ranged: true)
  }

  private func semanticTokens(params: JSONValue?, method: String, ranged: Bool) throws -> JSONValue {
    let reader = ParamsReader(params)
    let requested = ranged ? try reader["range"].range() : nil
    guard let (_, document) = try documentForRequest(reader, method: method) else { return ["data": []] }
    let converter = converter(for: document.source)
    let tokens = SemanticTokensProvider.tokens(in: document, range: requested.map(converter.offsets))
    let data = SemanticTokensProvider.encode(tokens, in: document.source, encoding: positionEncoding)
    return ["data": .array(data.map { .int(Int($0)) })]
  }
}
