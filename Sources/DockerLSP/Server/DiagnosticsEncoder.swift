import Analysis

/// Writes a `textDocument/publishDiagnostics` notification straight to JSON bytes.
///
/// A file can have thousands of findings, and building a `JSONValue` tree for each on every
/// keystroke costs more than the linting, so this writes the same JSON as
/// `LSPConverter.diagnostic` without the tree. A test keeps the two outputs equal.
struct DiagnosticsEncoder {
  let converter: LSPConverter

  /// Returns the notification's body. With a memo of the document's last notification, the
  /// diagnostics that an edit did not change or move are copied from it instead of converted
  /// again, and the memo is updated.
  func notificationBody(uri: String, version: Int?, findings: [Finding], reusing memo: DiagnosticsMemo? = nil) -> [UInt8] {
    // About 200 bytes of fixed text per diagnostic plus its message, so the buffer rarely grows.
    let capacity = findings.reduce(128 + uri.utf8.count) { $0 + 224 + $1.message.utf8.count }
    var writer = JSONSerializer(reservingCapacity: capacity)
    writer.append(#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"#)
    writer.writeString(uri)
    if let version {
      writer.append(#","version":"#)
      writer.writeInt(version)
    }
    writer.append(#","diagnostics":["#)
    if let memo {
      writeDiagnostics(findings, reusing: memo, to: &writer)
    } else {
      for (index, finding) in findings.enumerated() {
        if index > 0 { writer.append(",") }
        writer.append(#"{"range":"#)
        converter.writeRange(finding.range, to: &writer)
        writeDetails(of: finding, to: &writer)
      }
    }
    writer.append("]}}")
    memo?.contents.body = writer.bytes
    return writer.bytes
  }

  private func writeDiagnostics(_ findings: [Finding], reusing memo: DiagnosticsMemo, to writer: inout JSONSerializer) {
    let source = converter.source
    let previous = memo.contents
    let isComparable = previous.encoding == converter.encoding
    let unchanged = isComparable ? UnchangedBytes(old: previous.source, new: source.bytes) : UnchangedBytes(unrelatedTo: source.bytes)
    let lineDelta = source.lineIndex.lineCount - previous.lineCount
    // Lines after this one start inside the unchanged end, so their columns did not change.
    let lastLineWithNewColumns = source.lineIndex.line(containing: unchanged.count - unchanged.suffix)
    var next = DiagnosticsMemo.Contents(source: source.bytes, lineCount: source.lineIndex.lineCount, encoding: converter.encoding)
    next.reserve(findings.count)
    var copied = 0
    // Diagnostics copied whole and unmoved, one after another, are copied as one run of bytes:
    // the previous diagnostics from `run.lowerBound` to `run.upperBound`, commas between them.
    var run: Range<Int>?
    var runFirstOutput = 0
    func flushRun(_ writer: inout JSONSerializer) {
      guard let copiedRun = run else { return }
      let start = writer.bytes.count
      writer.appendEncoded(previous.body[previous.spans[copiedRun.lowerBound].lowerBound..<previous.spans[copiedRun.upperBound - 1].upperBound])
      // The copies sit where they sat before, moved by the run's new start.
      let shift = start - previous.spans[copiedRun.lowerBound].lowerBound
      for (offset, old) in copiedRun.enumerated() {
        next.spans[runFirstOutput + offset] = previous.spans[old].shifted(by: shift)
        next.detailStarts[runFirstOutput + offset] = previous.detailStarts[old] + shift
      }
      run = nil
    }

    let matches = isComparable ? DiagnosticsEncoder.matches(of: findings, in: previous.findings, unchanged: unchanged) : []
    for index in findings.indices {
      let match = isComparable ? matches[index] : nil
      var range: PositionRange
      // Strictly inside the unchanged beginning: an offset right at its end moves to another
      // line when the edit puts a `\n` after a `\r`.
      if let match, findings[index].range.upperBound < unchanged.prefix {
        range = previous.ranges[match]
      } else if let match, previous.ranges[match].start.line + lineDelta > lastLineWithNewColumns {
        range = previous.ranges[match]
        range.start.line += lineDelta
        range.end.line += lineDelta
      } else {
        range = source.positionRange(of: findings[index].range, encoding: converter.encoding)
      }
      next.ranges.append(range)
      if match != nil { copied += 1 }

      if let match, range == previous.ranges[match] {
        if let current = run, current.upperBound == match {
          run = current.lowerBound..<(match + 1)
        } else {
          flushRun(&writer)
          if index > 0 { writer.append(",") }
          run = match..<(match + 1)
          runFirstOutput = index
        }
        // Filled in when the run is written.
        next.spans.append(0..<0)
        next.detailStarts.append(0)
        continue
      }
      flushRun(&writer)
      if index > 0 { writer.append(",") }
      let start = writer.bytes.count
      writer.append(#"{"range":"#)
      DiagnosticsEncoder.write(range, to: &writer)
      let detailStart = writer.bytes.count
      if let match {
        writer.appendEncoded(previous.body[previous.detailStarts[match]..<previous.spans[match].upperBound])
      } else {
        writeDetails(of: findings[index], to: &writer)
      }
      next.spans.append(start..<writer.bytes.count)
      next.detailStarts.append(detailStart)
    }
    flushRun(&writer)
    next.findings = findings
    memo.contents = next
    memo.lastCopiedCount = copied
  }

  /// Returns, for each finding, the index of the same diagnostic among `previous`: same rule,
  /// severity, message and bytes. Both lists are in document order.
  private static func matches(of findings: [Finding], in previous: [Finding], unchanged: UnchangedBytes) -> [Int?] {
    var result: [Int?] = []
    result.reserveCapacity(findings.count)
    var cursor = 0
    // Buffers let the loop compare findings field by field without copying them.
    findings.withUnsafeBufferPointer { findings in
      previous.withUnsafeBufferPointer { previous in
        for finding in findings.indices {
          guard let old = unchanged.oldRange(of: findings[finding].range) else {
            result.append(nil)
            continue
          }
          while cursor < previous.count && previous[cursor].range.lowerBound < old.lowerBound { cursor += 1 }
          var candidate = cursor
          var match: Int?
          while candidate < previous.count && previous[candidate].range.lowerBound == old.lowerBound {
            if previous[candidate].range == old && previous[candidate].severity == findings[finding].severity
              && previous[candidate].ruleID == findings[finding].ruleID && previous[candidate].message == findings[finding].message {
              match = candidate
              break
            }
            candidate += 1
          }
          result.append(match)
        }
      }
    }
    return result
  }

  private static func write(_ range: PositionRange, to writer: inout JSONSerializer) {
    writer.append(#"{"start":{"line":"#)
    writer.writeInt(range.start.line)
    writer.append(#","character":"#)
    writer.writeInt(range.start.character)
    writer.append(#"},"end":{"line":"#)
    writer.writeInt(range.end.line)
    writer.append(#","character":"#)
    writer.writeInt(range.end.character)
    writer.append("}}")
  }

  /// Writes the members after the range, and the closing brace.
  private func writeDetails(of finding: Finding, to writer: inout JSONSerializer) {
    writer.append(#","severity":"#)
    writer.writeInt(LSPConverter.severity(finding.severity))
    writer.append(#","code":"#)
    writer.writeString(finding.ruleID)
    if finding.ruleID.hasPrefix("DL") {
      writer.append(#","codeDescription":{"href":"#)
      writer.writeString(LSPConverter.ruleDocumentationURL(finding.ruleID))
      writer.append("}")
    }
    writer.append(#","source":"docker-lsp","message":"#)
    writer.writeString(finding.message)
    writer.append("}")
  }
}

/// The contents of one document's last diagnostics notification: its body, and for each
/// diagnostic the finding, its positions and where its JSON sits in the body, with the text they
/// were computed for.
final class DiagnosticsMemo: @unchecked Sendable {
  struct Contents {
    var source: [UInt8]
    var lineCount: Int
    var encoding: PositionEncoding?
    var findings: [Finding] = []
    var ranges: [PositionRange] = []
    var body: [UInt8] = []
    /// Each diagnostic's JSON object in `body`, and where the members after its range start.
    var spans: [Range<Int>] = []
    var detailStarts: [Int] = []

    mutating func reserve(_ count: Int) {
      ranges.reserveCapacity(count)
      spans.reserveCapacity(count)
      detailStarts.reserveCapacity(count)
    }
  }

  fileprivate var contents = Contents(source: [], lineCount: 0, encoding: nil)
  /// How many diagnostics the last notification copied from the one before, for tests.
  fileprivate(set) var lastCopiedCount = 0
}
