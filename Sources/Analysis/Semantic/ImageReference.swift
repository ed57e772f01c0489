/// A parsed image reference such as `registry.example.com:5000/team/app:1.2@sha256:…`.
public struct ImageReference: Sendable, Hashable {
  /// The registry host (with port), or nil for Docker Hub.
  public var registry: String?
  /// The repository path without registry, tag or digest (`library/` is not added).
  public var repository: String
  public var tag: String?
  public var digest: String?

  /// Parses a reference; returns nil for an empty string.
  public init?(_ text: String) {
    guard !text.isEmpty else { return nil }
    // The separators are ASCII, so the UTF-8 view finds them without the grapheme breaking that
    // `Character` searches do (which made this the most expensive part of building the model).
    var rest = Substring(text)
    if let at = rest.utf8.firstIndex(of: UInt8(ascii: "@")) {
      digest = String(rest[rest.utf8.index(after: at)...])
      rest = rest[..<at]
    }
    // A colon after the last slash starts the tag; one before it belongs to a registry port.
    let lastSlash = rest.utf8.lastIndex(of: UInt8(ascii: "/"))
    if let colon = rest.utf8.lastIndex(of: UInt8(ascii: ":")), lastSlash.map({ colon > $0 }) ?? true {
      tag = String(rest[rest.utf8.index(after: colon)...])
      rest = rest[..<colon]
    }
    if let slash = rest.utf8.firstIndex(of: UInt8(ascii: "/")) {
      let first = rest[..<slash]
      if first.utf8.contains(UInt8(ascii: ".")) || first.utf8.contains(UInt8(ascii: ":")) || first == "localhost" {
        registry = String(first)
        rest = rest[rest.utf8.index(after: slash)...]
      }
    }
    repository = String(rest)
  }

  /// The last path component of the repository, such as `python` for `library/python`.
  public var name: Substring {
    repository.split(separator: "/").last ?? Substring(repository)
  }
}
