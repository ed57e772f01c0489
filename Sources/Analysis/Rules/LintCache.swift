/// What a language server keeps between lints of one document, so that linting an edited version
/// redoes only the work that the edit touched: the shell scripts parsed so far, and the findings
/// of instruction-scoped rules (`RuleScope.instruction`) for each instruction text seen.
///
/// Findings are stored relative to the start of their instruction, keyed by the instruction's
/// bytes, the escape character and the shell in effect, so an unchanged instruction keeps its
/// findings wherever the edit moves it. Entries live for two generations, as in
/// `ShellScriptCache`, which bounds the cache to about the instructions of the last two versions.
///
/// Not synchronised: use one cache from one thread at a time (the server lints on one thread).
public final class LintCache: @unchecked Sendable {
  public let scripts = ShellScriptCache()
  /// The configuration whose rules produced the stored findings; another one empties the cache.
  private var configuration: LintConfiguration?
  private var current: [Int: [Entry]] = [:]
  private var previous: [Int: [Entry]] = [:]

  /// The findings of one instruction text under one environment.
  private struct Entry {
    let bytes: [UInt8]
    let escapeCharacter: UInt8
    let shell: [String]
    /// Findings with offsets relative to the instruction's start.
    let findings: [Finding]
  }

  /// How many instructions the last lint ran instruction-scoped rules over, for tests.
  public internal(set) var lastCheckedInstructionCount = 0

  public init() {}

  /// The number of instruction texts held, for tests.
  public var count: Int {
    current.values.reduce(0) { $0 + $1.count } + previous.values.reduce(0) { $0 + $1.count }
  }

  /// Drops everything, for example after the configuration changed.
  public func removeAll() {
    current = [:]
    previous = [:]
    configuration = nil
  }

  /// Starts a lint under `configuration`: entries not used since the previous lint are dropped at
  /// the next one, and every entry is dropped when the configuration changed.
  func startGeneration(for configuration: LintConfiguration) {
    scripts.startGeneration()
    if self.configuration != configuration {
      current = [:]
      previous = [:]
      self.configuration = configuration
      return
    }
    previous = current
    current = Dictionary(minimumCapacity: previous.count)
  }

  /// Returns the stored findings for the instruction at `range` of `source`, moved to that range,
  /// or nil when no recent lint saw the same text in the same environment.
  func findings(for range: Range<Int>, in source: [UInt8], escapeCharacter: UInt8, shell: [String]) -> [Finding]? {
    let bytes = source[range]
    let hash = LintCache.hash(bytes, escapeCharacter: escapeCharacter, shell: shell)
    let matches = { (entry: Entry) in
      entry.escapeCharacter == escapeCharacter && entry.shell == shell && entry.bytes.elementsEqual(bytes)
    }
    if let entry = current[hash]?.first(where: matches) {
      return entry.findings.map { $0.shifted(by: range.lowerBound) }
    }
    guard let position = previous[hash]?.firstIndex(where: matches), let entry = previous[hash]?.remove(at: position) else {
      return nil
    }
    current[hash, default: []].append(entry)
    return entry.findings.map { $0.shifted(by: range.lowerBound) }
  }

  /// Stores `findings` (with document offsets) for the instruction at `range` of `source`.
  func store(_ findings: [Finding], for range: Range<Int>, in source: [UInt8], escapeCharacter: UInt8, shell: [String]) {
    let bytes = source[range]
    let hash = LintCache.hash(bytes, escapeCharacter: escapeCharacter, shell: shell)
    let entry = Entry(
      bytes: Array(bytes), escapeCharacter: escapeCharacter, shell: shell,
      findings: findings.map { $0.shifted(by: -range.lowerBound) })
    current[hash, default: []].append(entry)
  }

  private static func hash(_ bytes: ArraySlice<UInt8>, escapeCharacter: UInt8, shell: [String]) -> Int {
    var hasher = Hasher()
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    hasher.combine(escapeCharacter)
    hasher.combine(shell)
    return hasher.finalize()
  }
}

extension Finding {
  /// Returns the finding with its range and its fixes' edits moved by `delta` bytes.
  func shifted(by delta: Int) -> Finding {
    var moved = self
    moved.range = range.shifted(by: delta)
    for fixIndex in moved.fixes.indices {
      for editIndex in moved.fixes[fixIndex].edits.indices {
        moved.fixes[fixIndex].edits[editIndex].range = moved.fixes[fixIndex].edits[editIndex].range.shifted(by: delta)
      }
    }
    return moved
  }

  /// Whether the finding and every edit of its fixes lie within `range`.
  func lies(within range: Range<Int>) -> Bool {
    range.encloses(self.range) && fixes.allSatisfy { $0.edits.allSatisfy { range.encloses($0.range) } }
  }
}

extension Range where Bound == Int {
  /// Whether `other` lies within this range; an empty range may sit at either end.
  fileprivate func encloses(_ other: Range<Int>) -> Bool {
    lowerBound <= other.lowerBound && other.upperBound <= upperBound
  }
}
