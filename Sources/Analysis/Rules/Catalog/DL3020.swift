/// Reports `ADD` of plain local files and offers to use `COPY`.
struct DL3020: Rule {
  static let id = "DL3020"
  static let title = "Use COPY instead of ADD for files and folders"
  static let defaultSeverity = Severity.error
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `ADD` does more than copy: it downloads URLs, clones git repositories and unpacks local \
    tar archives. For a plain file or folder it behaves like `COPY`, but a reader cannot tell \
    which of these was meant, and a source that later turns into an archive is silently \
    unpacked. `COPY` says exactly what happens; keep `ADD` for the cases that need it.

    The rule fires when a source is a local path without a tar archive extension (`.tar`, \
    `.tgz`, `.gz`, `.bz2`, `.xz`, `.zst` and the like, in any letter case) and is not a URL \
    or git address. A `.zip` is not unpacked by `ADD`, so it is reported too. Sources that \
    come from variables are not judged, since they may hold a URL. hadolint judges those as \
    plain paths, compares extensions with their case, reports `.zst` archives and `git@` \
    addresses, and has no fix. Every stage is checked.

    ## Example
    ```dockerfile
    FROM debian:12
    ADD app.conf /etc/app/
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    COPY app.conf /etc/app/
    ADD https://example.com/tool.tar.gz /opt/
    ```

    ## Fix
    "Replace `ADD` with `COPY`" rewrites the keyword. It is offered only when every source is \
    such a local path without wildcards (a pattern could match an archive) and without an \
    archive extension such as `.zip`, and no flag that only `ADD` understands (`--checksum`, \
    `--keep-git-dir`, `--unpack`) is present. `ADD` recognises a tar archive by its content, \
    so the fix trusts that a file without an archive extension is not one.
    """

  /// Names of tar archives, plain or compressed, that `ADD` may unpack: hadolint's list, plus
  /// zstd, which BuildKit also unpacks.
  static let archiveExtensions = [
    ".tar", ".gz", ".tgz", ".bz2", ".tbz", ".tbz2", ".tb2", ".xz", ".txz", ".lz", ".tlz", ".lzma", ".z", ".tz", ".tpz",
    ".zst", ".tzst",
  ]

  /// Names of other archives, which `ADD` copies as they are; the fix is withheld for them so
  /// that the change stays obvious to review.
  static let otherArchiveExtensions = [".zip", ".7z", ".rar"]

  /// Flags that `COPY` accepts too, so the keyword can change without touching them.
  static let sharedFlags: Set<String> = ["chown", "chmod", "link", "exclude", "parents"]

  /// The kinds of `ADD` source.
  enum SourceKind {
    case plain, otherArchive, archive, remote, variable, heredoc
  }

  /// Returns what `source`, without quotes, refers to.
  static func kind(of source: String) -> SourceKind {
    if source.hasPrefix("<<") { return .heredoc }
    if source.contains("$") { return .variable }
    let lowered = source.lowercased()
    if lowered.contains("://") || lowered.hasPrefix("git@") { return .remote }
    if archiveExtensions.contains(where: { lowered.hasSuffix($0) }) { return .archive }
    if otherArchiveExtensions.contains(where: { lowered.hasSuffix($0) }) { return .otherArchive }
    return .plain
  }

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for instruction in context.instructions where instruction.kind == .add {
      let tokens = instruction.argumentTokens
      guard tokens.count >= 2 else { continue }
      let sources = tokens.dropLast()
      let kinds = sources.map { Self.kind(of: $0.unquoted) }
      guard kinds.contains(where: { $0 == .plain || $0 == .otherArchive }) else { continue }
      var fixes: [Fix] = []
      if kinds.allSatisfy({ $0 == .plain }), !sources.contains(where: { Self.hasWildcard($0.unquoted) }),
         instruction.flags.allSatisfy({ Self.sharedFlags.contains($0.name) }) {
        let keyword = instruction.keyword == instruction.keyword.lowercased() ? "copy" : "COPY"
        fixes.append(Fix(title: "Replace `ADD` with `COPY`", edits: [TextEdit(range: instruction.keywordRange, newText: keyword)]))
      }
      findings.append(finding(instruction.keywordRange, "Use `COPY` instead of `ADD` for local files and folders", fixes: fixes))
    }
  }

  /// Returns whether `path` contains a wildcard that the builder expands.
  static func hasWildcard(_ path: String) -> Bool {
    path.contains { $0 == "*" || $0 == "?" || $0 == "[" }
  }
}
