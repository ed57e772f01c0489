import Analysis
import Foundation

/// `lint --fix` and `lint --diff`: applies fix-all to each file, then writes the fixed files in
/// place or prints a unified diff of them.
enum FixWriter {
  /// One file after fixing.
  struct FixedFile {
    var result: LintCommand.FileResult
    /// The fixed text, when it differs from the file's.
    var fixedBytes: [UInt8]?
  }

  /// Fixes each readable file's text, replacing its findings with those that remain.
  static func fix(_ results: [LintCommand.FileResult], linter: Linter) -> [FixedFile] {
    results.map { result in
      guard let source = result.source else { return FixedFile(result: result, fixedBytes: nil) }
      let document = Document(bytes: source.bytes, skipsByteOrderMark: true)
      let outcome = FixAll.fix(document, findings: result.findings) { linter.lint($0) }
      guard outcome.isChanged else { return FixedFile(result: result, fixedBytes: nil) }
      var fixed = result
      fixed.source = SourceText(bytes: outcome.bytes, skipsByteOrderMark: true)
      fixed.findings = outcome.findings
      return FixedFile(result: fixed, fixedBytes: outcome.bytes)
    }
  }

  /// An error that explains why a fixed file could not be written.
  struct WriteError: Error, CustomStringConvertible {
    let description: String
  }

  /// Replaces the file at `path` with `bytes` atomically: the bytes go to a temporary file in the
  /// same directory, which takes the original's permissions and is then renamed over it, so a
  /// failure leaves the original untouched. A symbolic link is followed and stays a link. A file
  /// without any write permission bit is refused, even for root, as a write-protected file.
  static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    var status = stat()
    guard stat(target, &status) == 0 else { throw WriteError(description: "cannot write '\(path)': \(String(cString: strerror(errno)))") }
    guard status.st_mode & 0o222 != 0, access(target, W_OK) == 0 else {
      throw WriteError(description: "cannot write '\(path)': the file is read-only; make it writable or use --diff")
    }

    let directory = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    var template = Array("\(directory.isEmpty ? "." : directory)/.\(name).docker-lsp-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw WriteError(description: "cannot write '\(path)': cannot create a temporary file in '\(directory)': \(String(cString: strerror(errno)))")
    }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var failure: String?
    let written = bytes.withUnsafeBytes { buffer -> Bool in
      var offset = 0
      while offset < buffer.count {
        let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if count < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += count
      }
      return true
    }
    if !written {
      failure = String(cString: strerror(errno))
    } else if fchmod(descriptor, status.st_mode & 0o7777) != 0 || fsync(descriptor) != 0 {
      failure = String(cString: strerror(errno))
    }
    close(descriptor)
    if failure == nil, rename(temporary, target) != 0 {
      failure = String(cString: strerror(errno))
    }
    if let failure {
      unlink(temporary)
      throw WriteError(description: "cannot write '\(path)': \(failure)")
    }
  }

  /// Returns a unified diff (three lines of context, as `diff -u` prints it) from `old` to `new`,
  /// with `path` as both file names; empty when the texts are equal.
  static func unifiedDiff(old: [UInt8], new: [UInt8], path: String) -> String {
    let oldLines = lines(old)
    let newLines = lines(new)
    let operations = LineDiff.operations(oldLines, newLines)
    guard operations.contains(where: { $0.kind != .same }) else { return "" }

    var output = "--- \(path)\n+++ \(path)\n"
    let context = 3
    var index = 0
    while index < operations.count {
      guard operations[index].kind != .same else {
        index += 1
        continue
      }
      // A hunk runs from `context` lines before the first change to `context` lines after the
      // last change that is at most 2 × `context` unchanged lines from the next.
      var start = index
      var backed = 0
      while start > 0, backed < context, operations[start - 1].kind == .same {
        start -= 1
        backed += 1
      }
      var end = index
      var sameRun = 0
      var scan = index
      while scan < operations.count {
        if operations[scan].kind == .same {
          sameRun += 1
          if sameRun > 2 * context { break }
        } else {
          sameRun = 0
          end = scan
        }
        scan += 1
      }
      let stop = min(operations.count, end + 1 + context)
      let hunk = operations[start..<stop]
      let oldStart = hunk.first.map(\.oldIndex) ?? 0
      let newStart = hunk.first.map(\.newIndex) ?? 0
      let oldCount = hunk.filter { $0.kind != .insert }.count
      let newCount = hunk.filter { $0.kind != .delete }.count
      output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
      for operation in hunk {
        switch operation.kind {
        case .same: output += " " + line(oldLines[operation.oldIndex])
        case .delete: output += "-" + line(oldLines[operation.oldIndex])
        case .insert: output += "+" + line(newLines[operation.newIndex])
        }
      }
      index = stop
    }
    return output
  }

  /// Splits text into lines that keep their `\n`.
  private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var result: [ArraySlice<UInt8>] = []
    var start = 0
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      result.append(bytes[start...offset])
      start = offset + 1
    }
    if start < bytes.count { result.append(bytes[start...]) }
    return result
  }

  private static func line(_ bytes: ArraySlice<UInt8>) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    return bytes.last == UInt8(ascii: "\n") ? text : text + "\n\\ No newline at end of file\n"
  }

  /// The `start,count` of a hunk header, 1-based; `diff -u` omits a count of 1 and gives the line
  /// before an empty range.
  private static func range(_ start: Int, _ count: Int) -> String {
    if count == 0 { return "\(start),0" }
    return count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
  }
}

/// A line-by-line difference as a sequence of kept, deleted and inserted lines.
enum LineDiff {
  struct Operation {
    enum Kind { case same, delete, insert }
    var kind: Kind
    /// The line's index in the old text, or for an insert the index of the next old line.
    var oldIndex: Int
    /// The line's index in the new text, or for a delete the index of the next new line.
    var newIndex: Int
  }

  /// Returns the operations of a longest common subsequence of the lines. The common prefix and
  /// suffix are matched first, so the quadratic table covers only the changed middle.
  static func operations(_ old: [ArraySlice<UInt8>], _ new: [ArraySlice<UInt8>]) -> [Operation] {
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix, suffix < new.count - prefix,
          old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
    let oldMiddle = Array(old[prefix..<(old.count - suffix)])
    let newMiddle = Array(new[prefix..<(new.count - suffix)])

    // lengths[i][j]: the longest common subsequence of oldMiddle[i...] and newMiddle[j...].
    let width = newMiddle.count + 1
    var lengths = Array(repeating: 0, count: (oldMiddle.count + 1) * width)
    for i in stride(from: oldMiddle.count - 1, through: 0, by: -1) {
      for j in stride(from: newMiddle.count - 1, through: 0, by: -1) {
        lengths[i * width + j] = oldMiddle[i] == newMiddle[j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
      }
    }

    var result: [Operation] = (0..<prefix).map { Operation(kind: .same, oldIndex: $0, newIndex: $0) }
    var i = 0
    var j = 0
    while i < oldMiddle.count || j < newMiddle.count {
      if i < oldMiddle.count, j < newMiddle.count, oldMiddle[i] == newMiddle[j] {
        result.append(Operation(kind: .same, oldIndex: prefix + i, newIndex: prefix + j))
        i += 1
        j += 1
      } else if i < oldMiddle.count, j == newMiddle.count || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
        // Deleted lines come before inserted ones, as `diff -u` prints them.
        result.append(Operation(kind: .delete, oldIndex: prefix + i, newIndex: prefix + j))
        i += 1
      } else {
        result.append(Operation(kind: .insert, oldIndex: prefix + i, newIndex: prefix + j))
        j += 1
      }
    }
    for offset in 0..<suffix {
      result.append(Operation(kind: .same, oldIndex: old.count - suffix + offset, newIndex: new.count - suffix + offset))
    }
    return result
  }
}

extension FixWriter {
  /// Prints, for `lint --diff`, the unified diff of what `--fix` would change in each file, and
  /// returns the exit status: 1 when a file would change, 2 when one cannot be read, else 0.
  static func printDiff(_ results: [LintCommand.FileResult], linter: Linter) -> Int32 {
    var exitCode: Int32 = 0
    for result in results where result.readError != nil {
      CommandLineTool.writeError("docker-lsp lint: \(result.readError!)\n")
      exitCode = 2
    }
    var output = ""
    for file in fix(results, linter: linter) {
      guard let bytes = file.fixedBytes, let original = results.first(where: { $0.path == file.result.path })?.source else { continue }
      output += unifiedDiff(old: original.bytes, new: bytes, path: file.result.path)
    }
    FileHandle.standardOutput.write(Data(output.utf8))
    if exitCode != 0 { return exitCode }
    return output.isEmpty ? 0 : 1
  }

  /// Writes, for `lint --fix`, each file whose text the fixes change, and replaces its result
  /// with the findings that remain. Returns false when a file could not be written.
  static func writeFixes(_ results: inout [LintCommand.FileResult], linter: Linter) -> Bool {
    var succeeded = true
    for (index, file) in fix(results, linter: linter).enumerated() {
      guard let bytes = file.fixedBytes else { continue }
      do {
        try writeAtomically(bytes, to: file.result.path)
        results[index] = file.result
      } catch {
        CommandLineTool.writeError("docker-lsp lint: \(error)\n")
        succeeded = false
      }
    }
    return succeeded
  }
}
