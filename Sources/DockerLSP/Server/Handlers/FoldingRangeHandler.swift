import Analysis

extension LanguageServer {
  /// Handles `textDocument/foldingRange`: stages, multi-line instructions, heredoc bodies and
  /// comment blocks, by whole lines.
  func foldingRange(params: JSONValue?) throws -> JSONValue {
    let reader = ParamsReader(params)
    guard let (_, document) = try documentForRequest(reader, method: "Folding ranges") else { return [] }
    return .array(FoldingRangeProvider.regions(in: document).map { region in
      var object = JSONObject([("startLine", .int(region.startLine)), ("endLine", .int(region.endLine))])
      switch region.kind {
      case .comment: object["kind"] = "comment"
      case .region: object["kind"] = "region"
      case nil: break
      }
      return .object(object)
    })
  }
}
