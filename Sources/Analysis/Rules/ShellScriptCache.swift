/// Shell scripts parsed for earlier lints, keyed by the exact bytes they were parsed from, so a
/// language server that lints every version of a document reparses only the scripts an edit
/// changed. A script's offsets are offsets into its own bytes, so a script found by its bytes is
/// valid wherever those bytes occur.
///
/// Entries live for two generations: `Linter.lint(_:cache:)` starts a generation, and a script
/// that no lint used during the last full generation is dropped, which bounds the cache to about
/// the scripts of the document's last two versions. `Linter.lint(_:reusing:)` starts one only
/// when the scripts outnumber the document's instructions, since it does not look up the
/// scripts of unchanged instructions.
///
/// Not synchronised: use one cache from one thread at a time (the server lints on one thread).
public final class ShellScriptCache: @unchecked Sendable {
  private var current: [Key: ShellScript] = [:]
  private var previous: [Key: ShellScript] = [:]

  /// Bytes with their hash computed once: a lookup moves a script between the two tables,
  /// and `Array<UInt8>` would hash its bytes one at a time on each move.
  private struct Key: Hashable {
    let bytes: [UInt8]
    let hash: Int

    init(_ bytes: [UInt8]) {
      self.bytes = bytes
      var hasher = Hasher()
      bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
      self.hash = hasher.finalize()
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(hash)
    }

    static func == (lhs: Key, rhs: Key) -> Bool {
      // Unchanged instructions keep sharing their bytes across versions, so the array
      // comparison usually ends at its identity check.
      lhs.hash == rhs.hash && lhs.bytes == rhs.bytes
    }
  }

  public init() {}

  /// The number of scripts held, for tests.
  public var count: Int { current.count + previous.count }

  /// Returns the script of `bytes`, parsing it only when no recent lint did.
  public func script(for bytes: [UInt8]) -> ShellScript {
    let key = Key(bytes)
    if let script = current[key] { return script }
    let script = previous.removeValue(forKey: key) ?? ShellParser.parse(bytes)
    current[key] = script
    return script
  }

  /// Starts a generation: scripts not used since the previous call are dropped at the next one.
  public func startGeneration() {
    previous = current
    current = Dictionary(minimumCapacity: previous.count)
  }
}
