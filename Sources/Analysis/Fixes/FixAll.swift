/// Applies every safe fix of a document at once, as the editor's "Fix all" and `lint --fix` do.
///
/// One round takes the first quick fix of each finding, in finding order, and keeps it only when
/// none of its edits overlaps an edit already taken (refactorings are never applied). Fixes that
/// were skipped, and findings that a fix uncovers, are handled by linting the result again, up to
/// `maximumRounds` times, so that fixing the output again changes nothing.
public enum FixAll {
  /// The most rounds of fixing; each round after the first runs only when the previous one
  /// changed the text.
  public static let maximumRounds = 5

  /// Returns the edits of one round: each finding's first quick fix, unless one of its edits
  /// overlaps an edit already taken. Two edits that start at the same offset count as
  /// overlapping, because their order would decide the result, unless they are identical.
  /// The edits are sorted by offset.
  public static func edits(for findings: [Finding]) -> [TextEdit] {
    var accepted: [TextEdit] = []
    for finding in findings {
      guard let fix = finding.fixes.first(where: { $0.kind == .quickFix }) else { continue }
      // An edit identical to one already taken makes the same change, so it is no conflict.
      let newEdits = fix.edits.filter { !accepted.contains($0) }
      let overlaps = newEdits.contains { edit in
        accepted.contains { other in
          edit.range.lowerBound == other.range.lowerBound
            || (edit.range.lowerBound < other.range.upperBound && other.range.lowerBound < edit.range.upperBound)
        }
      }
      if !overlaps { accepted.append(contentsOf: newEdits) }
    }
    return accepted.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
  }

  /// Applies one round of fixes for `findings` to `source`.
  public static func apply(findings: [Finding], to source: SourceText) -> SourceText {
    source.applying(edits(for: findings))
  }

  /// The result of fixing a document until nothing changes.
  public struct Outcome: Sendable {
    /// The fixed text.
    public var bytes: [UInt8]
    /// The findings that remain in the fixed text.
    public var findings: [Finding]
    /// The edits of the first round, relative to the original text.
    public var firstRoundEdits: [TextEdit]
    /// How many rounds changed the text.
    public var rounds: Int
    /// Whether the fixed text differs from the original.
    public var isChanged: Bool
  }

  /// Fixes `document` round after round with the findings `lint` returns, until a round changes
  /// nothing or `maximumRounds` rounds have run. `findings`, when given, are the current
  /// findings of `document`, which saves the first lint.
  public static func fix(_ document: Document, findings: [Finding]? = nil, lint: (Document) -> [Finding]) -> Outcome {
    let original = document.source.bytes
    let skipsByteOrderMark = document.source.lineIndex.byteOrderMarkLength > 0
    var current = document
    var currentFindings = findings ?? lint(document)
    var firstRoundEdits: [TextEdit] = []
    var rounds = 0
    while rounds < maximumRounds {
      let roundEdits = edits(for: currentFindings)
      let bytes = TextEdit.apply(roundEdits, to: current.source.bytes)
      guard bytes != current.source.bytes else { break }
      if rounds == 0 { firstRoundEdits = roundEdits }
      rounds += 1
      current = Document(bytes: bytes, skipsByteOrderMark: skipsByteOrderMark)
      let previousFindings = currentFindings
      currentFindings = lint(current)
      // Exactly the same findings after a change mean fixes that do not resolve their findings:
      // applying them again would repeat the same edits without end.
      if currentFindings == previousFindings { break }
    }
    return Outcome(bytes: current.source.bytes, findings: currentFindings, firstRoundEdits: firstRoundEdits,
                   rounds: rounds, isChanged: current.source.bytes != original)
  }

  /// Returns one edit that turns `old` into `new`: the span between their common prefix and
  /// common suffix. The edit is empty (and applies as a no-op) when the texts are equal.
  public static func difference(from old: [UInt8], to new: [UInt8]) -> TextEdit {
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix, suffix < new.count - prefix,
          old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
    // Keep the edit on whole UTF-8 characters, so that an editor can convert its offsets.
    func isContinuation(_ bytes: [UInt8], _ index: Int) -> Bool { index < bytes.count && bytes[index] & 0xC0 == 0x80 }
    while prefix > 0, isContinuation(old, prefix) || isContinuation(new, prefix) { prefix -= 1 }
    while suffix > 0, isContinuation(old, old.count - suffix) { suffix -= 1 }
    let text = String(decoding: new[prefix..<(new.count - suffix)], as: UTF8.self)
    return TextEdit(range: prefix..<(old.count - suffix), newText: text)
  }
}
