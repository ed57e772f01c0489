import Analysis

extension LanguageServer {
  /// The LSP `RequestFailed` code, for a rename that the server rejects.
  static let requestFailedCode = -32803

  /// Handles `textDocument/prepareRename`: the range and text of the renamable name, or null.
  func prepareRename(params: JSONValue?) throws -> JSONValue {
    let reader = ParamsReader(params)
    let position = try reader["position"].position()
    guard let (_, document) = try documentForRequest(reader, method: "Prepare rename") else { return .null }
    let converter = converter(for: document.source)
    guard let prepared = RenameProvider.prepare(in: document, at: converter.offset(position)) else { return .null }
    return ["range": converter.range(prepared.range), "placeholder": .string(prepared.placeholder)]
  }

  /// Handles `textDocument/rename`: a workspace edit that renames every occurrence, or a
  /// `RequestFailed` error that explains why the new name was rejected.
  func rename(params: JSONValue?) throws -> JSONValue {
    let reader = ParamsReader(params)
    let position = try reader["position"].position()
    let newName = try reader["newName"].string()
    guard let (uri, document) = try documentForRequest(reader, method: "Rename") else { return .null }
    let converter = converter(for: document.source)
    switch RenameProvider.rename(in: document, at: converter.offset(position), to: newName) {
    case .success(let edits):
      return ["changes": .object(JSONObject([(uri, .array(edits.map(converter.textEdit)))]))]
    case .failure(let error):
      throw ResponseError(code: LanguageServer.requestFailedCode, message: error.message)
    }
  }
}
