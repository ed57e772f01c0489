import Analysis

extension LanguageServer {
  /// Handles `textDocument/formatting`. The continuation indentation follows the file's most
  /// common one rather than the client's `options`, so a file keeps its own style.
  func formatting(params: JSONValue?) throws -> JSONValue {
    let reader = ParamsReader(params)
    guard let (_, document) = try documentForRequest(reader, method: "Formatting") else { return [] }
    let converter = converter(for: document.source)
    return .array(DocumentFormatter.edits(for: document).map(converter.textEdit))
  }

  /// Handles `textDocument/rangeFormatting`: the formatting edits that touch the range.
  func rangeFormatting(params: JSONValue?) throws -> JSONValue {
    let reader = ParamsReader(params)
    let requested = try reader["range"].range()
    guard let (_, document) = try documentForRequest(reader, method: "Range formatting") else { return [] }
    let converter = converter(for: document.source)
    return .array(DocumentFormatter.edits(for: document, range: converter.offsets(requested)).map(converter.textEdit))
  }
}
