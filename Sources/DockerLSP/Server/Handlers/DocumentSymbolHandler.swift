import Analysis

extension LanguageServer {
  /// Handles `textDocument/documentSymbol`: the hierarchical outline of stages and instructions,
  /// or the same symbols as a flat list with container names for clients that do not announce
  /// hierarchical support.
  ///
  /// A large file has thousands of symbols. Building a `JSONValue` tree for them and serializing
  /// it took longer than computing the outline, so `DocumentSymbolEncoder` writes the JSON text
  /// directly.
  func documentSymbol(params: JSONValue?) throws -> RequestResult {
    let reader = ParamsReader(params)
    guard let (uri, document) = try documentForRequest(reader, method: "Document symbols") else { return .value([]) }
    let encoder = DocumentSymbolEncoder(converter: converter(for: document.source))
    let symbols = DocumentSymbolProvider.symbols(in: document)
    return .encoded(clientSupport.hierarchicalSymbols ? encoder.encode(symbols) : encoder.encodeFlat(symbols, uri: uri))
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

/// Writes an array of LSP `DocumentSymbol`s as compact JSON text, with members in the order
/// `name`, `detail` (when present), `kind`, `range`, `selectionRange`, `children` (when not empty).
struct DocumentSymbolEncoder {
  let converter: LSPConverter

  func encode(_ symbols: [OutlineSymbol]) -> [UInt8] {
    // About 200 bytes per symbol, so the buffer rarely grows.
    var writer = JSONSerializer(reservingCapacity: 256 + 224 * symbols.count)
    write(symbols, to: &writer)
    return writer.bytes
  }

  /// Writes the symbols depth first as LSP `SymbolInformation`s: `name`, `kind`, `location` and,
  /// for nested symbols, `containerName`.
  func encodeFlat(_ symbols: [OutlineSymbol], uri: String) -> [UInt8] {
    var writer = JSONSerializer(reservingCapacity: 256 + 224 * symbols.count)
    writer.append("[")
    var isFirst = true
    func writeFlat(_ symbols: [OutlineSymbol], container: String?) {
      for symbol in symbols {
        if !isFirst { writer.append(",") }
        isFirst = false
        writer.append(#"{"name":"#)
        writer.writeString(symbol.name)
        writer.append(#","kind":"#)
        writer.writeInt(LanguageServer.symbolKind(symbol.kind))
        writer.append(#","location":{"uri":"#)
        writer.writeString(uri)
        writer.append(#","range":"#)
        writeRange(symbol.range, to: &writer)
        writer.append("}")
        if let container {
          writer.append(#","containerName":"#)
          writer.writeString(container)
        }
        writer.append("}")
        writeFlat(symbol.children, container: symbol.name)
      }
    }
    writeFlat(symbols, container: nil)
    writer.append("]")
    return writer.bytes
  }

  private func write(_ symbols: [OutlineSymbol], to writer: inout JSONSerializer) {
    writer.append("[")
    for (index, symbol) in symbols.enumerated() {
      if index > 0 { writer.append(",") }
      write(symbol, to: &writer)
    }
    writer.append("]")
  }

  private func write(_ symbol: OutlineSymbol, to writer: inout JSONSerializer) {
    writer.append(#"{"name":"#)
    writer.writeString(symbol.name)
    if let detail = symbol.detail {
      writer.append(#","detail":"#)
      writer.writeString(detail)
    }
    writer.append(#","kind":"#)
    writer.writeInt(LanguageServer.symbolKind(symbol.kind))
    writer.append(#","range":"#)
    writeRange(symbol.range, to: &writer)
    writer.append(#","selectionRange":"#)
    writeRange(symbol.selectionRange, to: &writer)
    if !symbol.children.isEmpty {
      writer.append(#","children":"#)
      write(symbol.children, to: &writer)
    }
    writer.append("}")
  }

  private func writeRange(_ range: Range<Int>, to writer: inout JSONSerializer) {
    converter.writeRange(range, to: &writer)
  }
}
