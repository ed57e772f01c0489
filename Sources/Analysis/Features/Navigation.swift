/// One place where the symbol under the cursor appears, for document highlights.
public struct SymbolHighlight: Sendable, Hashable {
  public var range: Range<Int>
  /// Whether this place declares (writes) the symbol rather than reads it.
  public var isDeclaration: Bool

  public init(range: Range<Int>, isDeclaration: Bool) {
    self.range = range
    self.isDeclaration = isDeclaration
  }
}

/// Go to definition, find references and highlights for stage names and ARG/ENV variables.
public enum NavigationProvider {
  /// Returns the declaration that the name at `offset` refers to: the `AS name` of a stage, or
  /// the ARG or ENV in scope for a variable.
  public static func definition(in document: Document, at offset: Int) -> Range<Int>? {
    SymbolIndex(document).definition(at: offset)
  }

  /// Returns every place that names the same stage or variable as `offset`, in source order.
  public static func references(in document: Document, at offset: Int, includeDeclaration: Bool) -> [Range<Int>] {
    let index = SymbolIndex(document)
    guard let occurrence = index.occurrence(at: offset) else { return [] }
    return index.occurrences(of: occurrence.symbol).filter { includeDeclaration || !$0.isDeclaration }.map(\.range)
  }

  /// Returns the places of the symbol under `offset`, marking declarations.
  public static func highlights(in document: Document, at offset: Int) -> [SymbolHighlight] {
    let index = SymbolIndex(document)
    guard let occurrence = index.occurrence(at: offset) else { return [] }
    return index.occurrences(of: occurrence.symbol).map { SymbolHighlight(range: $0.range, isDeclaration: $0.isDeclaration) }
  }
}

/// The reason a rename was rejected, as a message for the user.
public struct RenameError: Error, Sendable, Hashable {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }
}

/// Renames stage names and ARG/ENV variables across the file.
public enum RenameProvider {
  /// Returns the range of the renamable name at `offset` and its current text, or nil when
  /// nothing there can be renamed.
  public static func prepare(in document: Document, at offset: Int) -> (range: Range<Int>, placeholder: String)? {
    guard let occurrence = SymbolIndex(document).occurrence(at: offset) else { return nil }
    return (occurrence.range, String(decoding: document.source.bytes[occurrence.range], as: UTF8.self))
  }

  /// Returns the edits that rename the symbol at `offset` to `newName` everywhere in the file.
  public static func rename(in document: Document, at offset: Int, to newName: String) -> Result<[TextEdit], RenameError> {
    let index = SymbolIndex(document)
    guard let occurrence = index.occurrence(at: offset) else {
      return .failure(RenameError("No stage name or variable at this position"))
    }
    let symbol = index.symbols[occurrence.symbol]
    switch symbol.kind {
    case .stage:
      guard isValidStageName(newName) else {
        return .failure(RenameError("Invalid stage name `\(newName)`: use a letter, then letters, digits, `-`, `_` or `.`"))
      }
      let lowered = newName.lowercased()
      if lowered != symbol.name.lowercased(), index.symbols.contains(where: { $0.kind == .stage && $0.name.lowercased() == lowered }) {
        return .failure(RenameError("A stage named `\(newName)` already exists"))
      }
    case .variable:
      guard isValidVariableName(newName) else {
        return .failure(RenameError("Invalid variable name `\(newName)`: use a letter or `_`, then letters, digits or `_`"))
      }
      // Another ARG or ENV of that name would capture some of the references.
      if newName != symbol.name, index.symbols.contains(where: { $0.kind == .variable && $0.name == newName }) {
        return .failure(RenameError("A variable named `\(newName)` is already declared"))
      }
    }
    return .success(index.occurrences(of: occurrence.symbol).map { TextEdit(range: $0.range, newText: newName) })
  }

  /// Returns whether BuildKit accepts `name` after `AS`: a letter, then letters, digits, `-`, `_` or `.`.
  public static func isValidStageName(_ name: String) -> Bool {
    guard let first = name.utf8.first, VariableScanner.isNameStart(first), first != UInt8(ascii: "_") else { return false }
    return name.utf8.allSatisfy { VariableScanner.isNameByte($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
  }

  /// Returns whether `name` can be written as `$name`: a letter or `_`, then letters, digits or `_`.
  public static func isValidVariableName(_ name: String) -> Bool {
    guard let first = name.utf8.first, VariableScanner.isNameStart(first) else { return false }
    return name.utf8.allSatisfy(VariableScanner.isNameByte)
  }
}
