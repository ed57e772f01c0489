/// The results a language server keeps between lints of one document, so that linting an edited
/// version redoes only the work that the edit touched. It keeps the shell scripts parsed so far,
/// the findings of instruction-scoped rules (`RuleScope.instruction`) for each instruction text,
/// those of stage-scoped rules (`RuleScope.stage`) for each group of stages linked by FROM, and
/// the last lint's semantic model.
///
/// Findings are stored relative to the start of their instruction, keyed by the instruction's
/// bytes, the escape character and the shell in effect, so an unchanged instruction keeps its
/// findings wherever the edit moves it. An instruction or group whose bytes lie before or after
/// the changed bytes is found by its place in the last lint, the others by hashing their bytes.
/// Entries unused by the last two lints are dropped once they outnumber the live ones, which
/// bounds the cache to a few versions' instructions.
///
/// Not synchronised: use one cache from one thread at a time (the server lints on one thread).
public final class LintCache: @unchecked Sendable {
  public let scripts = ShellScriptCache()
  /// The configuration whose rules produced the stored findings. Another one empties the cache.
  private var configuration: LintConfiguration?
  /// Entries by the hash of their key. A list contains the rare entries whose hashes collide.
  private var entries: [Int: [Entry]] = [:]
  /// The number of lints so far. An entry remembers the last one that used it.
  private var generation = 0
  /// The number of instructions the last lint looked up, which sets when to drop stale entries.
  private var liveCount = 0

  /// The last lint's source and escape character, and what it found per instruction and per
  /// group of stages in document order. An instruction or group whose bytes lie wholly before
  /// or wholly after the bytes an edit changed is found here by its place, without hashing.
  private var lastSource: [UInt8] = []
  /// The text before `lastSource`, while a lint compares the two.
  private(set) var previousSource: [UInt8] = []
  private var lastEscapeCharacter: UInt8 = 0
  /// Nil for an instruction whose findings were not stored.
  private var lastInstructions: [InstructionRecord?] = []
  private var nextInstructions: [InstructionRecord?] = []
  private var lastGroups: [GroupRecord] = []
  private var nextGroups: [GroupRecord] = []
  /// The parts of the current source that `lastSource` shares.
  private(set) var unchanged = UnchangedBytes(unrelatedTo: [])
  /// The last lint's semantic model and what it was built from; see `reusableModel`.
  var lastModel: ModelSnapshot?
  private var instructionCursor = 0
  private var groupCursor = 0

  /// One instruction of the last lint: its range then, its shell, and its findings relative to
  /// its start.
  private struct InstructionRecord {
    let range: Range<Int>
    let shell: [String]
    let findings: [Finding]
  }

  /// One group of stages of the last lint: its stages' spans then, their environments, their
  /// findings relative to each span's start, and the outline they were found under.
  private struct GroupRecord {
    let spans: [Range<Int>]
    let environments: [StageEnvironment]
    let findings: [[Finding]]
    let outlineID: Int
  }

  /// The findings of one instruction text under one environment.
  private struct Entry {
    let bytes: [UInt8]
    let escapeCharacter: UInt8
    let shell: [String]
    /// Findings with offsets relative to the instruction's start.
    let findings: [Finding]
    var lastUsed: Int

    func matches(_ bytes: ArraySlice<UInt8>, _ escapeCharacter: UInt8, _ shell: [String]) -> Bool {
      self.escapeCharacter == escapeCharacter && self.shell == shell && LintCache.equal(self.bytes, bytes)
    }
  }

  /// How many instructions the last lint ran instruction-scoped rules over, for tests.
  public internal(set) var lastCheckedInstructionCount = 0
  /// Whether the last lint reused the model and the stage graph of the one before, for tests.
  public internal(set) var lastModelWasReused = false
  public internal(set) var lastGraphWasReused = false
  /// How many stages the last lint ran stage-scoped rules over in full, for tests.
  public internal(set) var lastCheckedStageCount = 0

  public init() {}

  /// The number of instruction texts and stage groups held, for tests.
  public var count: Int { entries.values.reduce(0) { $0 + $1.count } + groups.values.reduce(0) { $0 + $1.count } }

  /// Drops everything, for example after the configuration changed.
  public func removeAll() {
    configuration = nil
    dropFindings()
  }

  private func dropFindings() {
    entries = [:]
    outlines = []
    groups = [:]
    lastSource = []
    lastInstructions = []
    lastGroups = []
    lastModel = nil
  }

  /// Compares `source` with the text of the last lint, which becomes `previousSource`.
  func compare(_ source: [UInt8], escapeCharacter: UInt8) {
    unchanged = lastEscapeCharacter == escapeCharacter && !lastSource.isEmpty
      ? UnchangedBytes(old: lastSource, new: source)
      : UnchangedBytes(unrelatedTo: source)
    previousSource = lastSource
    lastSource = source
    lastEscapeCharacter = escapeCharacter
  }

  /// Starts looking up the instructions of the compared source, which has `instructionCount`
  /// instructions, in order.
  func startInstructions(instructionCount: Int) {
    instructionCursor = 0
    groupCursor = 0
    nextInstructions = Array(repeating: nil, count: instructionCount)
    nextGroups = []
  }

  /// Ends the lint: what it found becomes what the next lint finds by place.
  func finishLint() {
    previousSource = []
    lastInstructions = nextInstructions
    nextInstructions = []
    // Groups found are added in order, groups run again after them.
    lastGroups = nextGroups.sorted { $0.spans[0].lowerBound < $1.spans[0].lowerBound }
    nextGroups = []
  }

  /// Returns the findings the last lint had for an instruction now at `range` whose bytes did not
  /// change.
  private func findingsByPlace(for range: Range<Int>, shell: [String]) -> [Finding]? {
    guard let old = unchanged.oldRange(of: range) else { return nil }
    while instructionCursor < lastInstructions.count && (lastInstructions[instructionCursor]?.range.lowerBound ?? Int.min) < old.lowerBound {
      instructionCursor += 1
    }
    guard instructionCursor < lastInstructions.count, let record = lastInstructions[instructionCursor] else { return nil }
    return record.range == old && record.shell == shell ? record.findings : nil
  }

  /// Starts a lint under `configuration`. Entries that neither this lint nor the previous one
  /// used are dropped once they outnumber the live ones, and every entry is dropped when the
  /// configuration changed.
  func startGeneration(for configuration: LintConfiguration, instructionCount: Int) {
    // A lint looks up only the scripts of changed instructions, so a generation per lint would
    // drop the scripts of every unchanged RUN, and the next edit of a stage would parse all of
    // them again. A generation starts only once the scripts outnumber the instructions.
    if scripts.count > instructionCount + 64 {
      scripts.startGeneration()
    }
    if self.configuration != configuration {
      dropFindings()
      self.configuration = configuration
    }
    generation += 1
    if entries.count > 2 * liveCount + 64 {
      let oldest = generation - 2
      entries = LintCache.removing(from: entries) { $0.lastUsed < oldest }
    }
    liveCount = 0
  }

  /// Returns the stored findings for instruction `index`, at `range` of `source`, moved to that
  /// range, or nil when no recent lint saw the same text in the same environment. Instructions
  /// are looked up in order, after `startInstructions`.
  func findings(
    forInstruction index: Int, at range: Range<Int>, in source: [UInt8], escapeCharacter: UInt8, shell: [String]
  ) -> [Finding]? {
    liveCount += 1
    guard !LintCache.startsWithByteOrderMark(source, range) else { return nil }
    let stored: [Finding]
    if let placed = findingsByPlace(for: range, shell: shell) {
      stored = placed
    } else {
      let bytes = source[range]
      let hash = LintCache.hash(bytes, escapeCharacter: escapeCharacter, shell: shell)
      guard let list = entries[hash], let position = list.firstIndex(where: { $0.matches(bytes, escapeCharacter, shell) }) else {
        return nil
      }
      if list[position].lastUsed != generation {
        entries[hash]![position].lastUsed = generation
      }
      stored = list[position].findings
    }
    nextInstructions[index] = InstructionRecord(range: range, shell: shell, findings: stored)
    return stored.isEmpty ? stored : stored.map { $0.shifted(by: range.lowerBound) }
  }

  /// Stores `findings` (with document offsets) for instruction `index`, at `range` of `source`.
  func store(
    _ findings: [Finding], forInstruction index: Int, at range: Range<Int>, in source: [UInt8], escapeCharacter: UInt8, shell: [String]
  ) {
    guard !LintCache.startsWithByteOrderMark(source, range) else { return }
    let bytes = source[range]
    let hash = LintCache.hash(bytes, escapeCharacter: escapeCharacter, shell: shell)
    let relative = findings.map { $0.shifted(by: -range.lowerBound) }
    nextInstructions[index] = InstructionRecord(range: range, shell: shell, findings: relative)
    let entry = Entry(
      bytes: Array(bytes), escapeCharacter: escapeCharacter, shell: shell,
      findings: relative, lastUsed: generation)
    var list = entries[hash] ?? []
    list.removeAll { $0.matches(bytes, escapeCharacter, shell) }
    list.append(entry)
    entries[hash] = list
  }

  // MARK: Stage-scoped findings

  /// The bytes before the first FROM and every FROM instruction: stage-scoped findings depend on
  /// them, so each stored group belongs to one outline. A few recent outlines are kept, so that
  /// undoing an edit of a FROM line finds the findings from before it.
  private struct Outline {
    let bytes: [UInt8]
    let id: Int
    /// The stage-scoped findings before the first FROM under this outline.
    var preludeFindings: [Finding]?
    var lastUsed: Int
  }

  private static let keptOutlineCount = 3
  private var outlines: [Outline] = []
  /// The index in `outlines` of the current lint's outline.
  private var currentOutline = 0
  private var nextOutlineID = 0
  /// Stage-scoped findings of groups of stages linked by FROM, by the hash of their key.
  private var groups: [Int: [GroupEntry]] = [:]
  private var liveGroupCount = 0

  /// The inputs of a stage's stage-scoped findings besides its text and the outline: the shell in
  /// effect for each of its instructions, and its place in the stage graph.
  struct StageEnvironment: Hashable {
    var shells: [[String]]
    /// The stage's index, whether it ships, is copied whole or built on, and the stages it
    /// copies from.
    var graph: [Int]
  }

  /// The findings of one group of stages: its stages' text and environment, and each stage's
  /// findings relative to the stage's start.
  private struct GroupEntry {
    let outlineID: Int
    let spans: [[UInt8]]
    let environments: [StageEnvironment]
    let findings: [[Finding]]
    var lastUsed: Int

    func matches(_ outlineID: Int, _ spans: [ArraySlice<UInt8>], _ environments: [StageEnvironment]) -> Bool {
      guard self.outlineID == outlineID, self.spans.count == spans.count, self.environments == environments else { return false }
      return zip(self.spans, spans).allSatisfy { LintCache.equal($0, $1) }
    }
  }

  /// Starts the stage part of a lint whose outline is `outline`. Groups stored under an outline
  /// that is no longer among the recent ones are dropped.
  func useOutline(_ outline: [UInt8]) {
    if let index = outlines.firstIndex(where: { $0.bytes == outline }) {
      currentOutline = index
    } else {
      if outlines.count == LintCache.keptOutlineCount, let oldest = outlines.indices.min(by: { outlines[$0].lastUsed < outlines[$1].lastUsed }) {
        let droppedID = outlines[oldest].id
        outlines.remove(at: oldest)
        groups = LintCache.removing(from: groups) { $0.outlineID == droppedID }
      }
      outlines.append(Outline(bytes: outline, id: nextOutlineID, preludeFindings: nil, lastUsed: generation))
      nextOutlineID += 1
      currentOutline = outlines.count - 1
    }
    outlines[currentOutline].lastUsed = generation
    if groups.count > 2 * liveGroupCount + 64 {
      let oldest = generation - 2
      groups = LintCache.removing(from: groups) { $0.lastUsed < oldest }
    }
    liveGroupCount = 0
  }

  /// The stage-scoped findings before the first FROM under the current outline.
  var prelude: [Finding]? {
    get { outlines[currentOutline].preludeFindings }
    set { outlines[currentOutline].preludeFindings = newValue }
  }

  /// Returns the stored findings of the group whose stages have `spans` of `source` and
  /// `environments`, one array per stage moved to its span, or nil.
  func groupFindings(spans: [Range<Int>], in source: [UInt8], environments: [StageEnvironment]) -> [[Finding]]? {
    liveGroupCount += 1
    let outlineID = outlines[currentOutline].id
    let stored: [[Finding]]
    if let placed = groupFindingsByPlace(spans: spans, environments: environments, outlineID: outlineID) {
      stored = placed
    } else {
      let slices = spans.map { source[$0] }
      let hash = LintCache.hash(outlineID, slices, environments: environments)
      guard let list = groups[hash], let position = list.firstIndex(where: { $0.matches(outlineID, slices, environments) }) else {
        return nil
      }
      if list[position].lastUsed != generation {
        groups[hash]![position].lastUsed = generation
      }
      stored = list[position].findings
    }
    nextGroups.append(GroupRecord(spans: spans, environments: environments, findings: stored, outlineID: outlineID))
    return zip(stored, spans).map { findings, span in findings.isEmpty ? findings : findings.map { $0.shifted(by: span.lowerBound) } }
  }

  /// Returns the findings the last lint had for a group whose stages' bytes did not change.
  /// Groups are looked up in the order of their first stage.
  private func groupFindingsByPlace(spans: [Range<Int>], environments: [StageEnvironment], outlineID: Int) -> [[Finding]]? {
    guard let first = spans.first, let oldFirst = unchanged.oldRange(of: first) else { return nil }
    while groupCursor < lastGroups.count && lastGroups[groupCursor].spans[0].lowerBound < oldFirst.lowerBound {
      groupCursor += 1
    }
    guard groupCursor < lastGroups.count else { return nil }
    let record = lastGroups[groupCursor]
    guard record.outlineID == outlineID, record.spans.count == spans.count, record.environments == environments else { return nil }
    for (old, new) in zip(record.spans, spans) where unchanged.oldRange(of: new) != old {
      return nil
    }
    return record.findings
  }

  /// Stores the findings of a group, one array per stage with document offsets.
  func storeGroup(_ findings: [[Finding]], spans: [Range<Int>], in source: [UInt8], environments: [StageEnvironment]) {
    let slices = spans.map { source[$0] }
    let outlineID = outlines[currentOutline].id
    let hash = LintCache.hash(outlineID, slices, environments: environments)
    let relative = zip(findings, spans).map { stageFindings, span in stageFindings.map { $0.shifted(by: -span.lowerBound) } }
    nextGroups.append(GroupRecord(spans: spans, environments: environments, findings: relative, outlineID: outlineID))
    let entry = GroupEntry(
      outlineID: outlineID, spans: slices.map { Array($0) }, environments: environments,
      findings: relative, lastUsed: generation)
    var list = groups[hash] ?? []
    list.removeAll { $0.matches(outlineID, slices, environments) }
    list.append(entry)
    groups[hash] = list
  }

  /// Returns whether the instruction at `range` starts with a UTF-8 byte order mark. The parser
  /// skips one only at the start of the file, so the same bytes parse differently elsewhere and
  /// their findings are never reused.
  private static func startsWithByteOrderMark(_ source: [UInt8], _ range: Range<Int>) -> Bool {
    range.count >= 3 && source[range.lowerBound] == 0xEF && source[range.lowerBound + 1] == 0xBB && source[range.lowerBound + 2] == 0xBF
  }

  /// Returns `table` without the entries `isDropped` accepts, and without lists left empty.
  private static func removing<Entry>(from table: [Int: [Entry]], where isDropped: (Entry) -> Bool) -> [Int: [Entry]] {
    table.compactMapValues { list in
      let kept = list.filter { !isDropped($0) }
      return kept.isEmpty ? nil : kept
    }
  }

  /// Returns whether the stored bytes equal `bytes`, comparing raw buffers rather than
  /// going through the slice's indices.
  private static func equal(_ stored: [UInt8], _ bytes: ArraySlice<UInt8>) -> Bool {
    stored.count == bytes.count && stored.withUnsafeBytes { left in bytes.withUnsafeBytes { left.elementsEqual($0) } }
  }

  private static func hash(_ outlineID: Int, _ spans: [ArraySlice<UInt8>], environments: [StageEnvironment]) -> Int {
    var hasher = Hasher()
    hasher.combine(outlineID)
    for span in spans {
      hasher.combine(span.count)
      span.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
    hasher.combine(environments)
    return hasher.finalize()
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

  /// Returns whether the finding and every edit of its fixes lie within `range`.
  func lies(within range: Range<Int>) -> Bool {
    range.encloses(self.range) && fixes.allSatisfy { $0.edits.allSatisfy { range.encloses($0.range) } }
  }
}

extension Range where Bound == Int {
  /// Returns whether `other` lies within this range. An empty range may sit at either end.
  fileprivate func encloses(_ other: Range<Int>) -> Bool {
    lowerBound <= other.lowerBound && other.upperBound <= upperBound
  }
}
