/// The unit in which a `Position.character` counts, as negotiated with an LSP client.
public enum PositionEncoding: String, Sendable, CaseIterable {
  /// UTF-16 code units: the LSP default.
  case utf16 = "utf-16"
  /// UTF-8 bytes.
  case utf8 = "utf-8"
  /// Unicode scalar values (UTF-32 code units).
  case utf32 = "utf-32"
}

/// A zero-based line and column, with the column counted in a `PositionEncoding`.
public struct Position: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var line: Int
  public var character: Int

  public init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  public static func < (lhs: Position, rhs: Position) -> Bool {
    lhs.line != rhs.line ? lhs.line < rhs.line : lhs.character < rhs.character
  }

  public var description: String { "\(line):\(character)" }
}

/// A start and end `Position`, end exclusive.
public struct PositionRange: Hashable, Sendable {
  public var start: Position
  public var end: Position

  public init(start: Position, end: Position) {
    self.start = start
    self.end = end
  }
}
