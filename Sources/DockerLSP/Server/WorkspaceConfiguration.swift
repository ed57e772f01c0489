import Analysis
import Foundation

/// The lint configuration of each open document. Three layers, in increasing precedence: the
/// nearest `.hadolint.yaml` or `.hadolint.yml` walking up from the document to its workspace
/// folder, the `HADOLINT_*` environment variables, and the editor's `docker-lsp` settings.
struct WorkspaceConfiguration {
  /// The file system paths of the workspace folders.
  var roots: [String] = []
  var environment = LintOptions()
  var settings = LintOptions()
  /// The configuration file found for each directory, or nil when there is none.
  private var configPathByDirectory: [String: String?] = [:]
  private var fileOptions: [String: LintOptions] = [:]
  /// Linters by configuration file path ("" for none), built once per configuration.
  private var linters: [String: Linter] = [:]

  /// Returns the linter for the document at `uri`. `report` receives each configuration file
  /// when it is read, with its problems.
  mutating func linter(forDocument uri: String, report: (String, ConfigurationReader.Result) -> Void) -> Linter {
    let path = configurationPath(forDocument: uri)
    let key = path ?? ""
    if let linter = linters[key] { return linter }
    var fileLayer = LintOptions()
    if let path {
      if let cached = fileOptions[path] {
        fileLayer = cached
      } else {
        let result: ConfigurationReader.Result
        do {
          result = try ConfigurationFiles.read(path)
        } catch {
          let issue = ConfigurationIssue(kind: .error, line: nil, message: "cannot be read: \(error.localizedDescription)")
          result = ConfigurationReader.Result(options: LintOptions(), warnings: [], errors: [issue])
        }
        report(path, result)
        fileLayer = result.options
        fileOptions[path] = fileLayer
      }
    }
    let linter = Linter(configuration: fileLayer.overriding(environment).overriding(settings).lintConfiguration)
    linters[key] = linter
    return linter
  }

  /// Returns the configuration file for a `file:` URI, or nil for other schemes and for
  /// documents without one.
  mutating func configurationPath(forDocument uri: String) -> String? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    let directory = url.deletingLastPathComponent().path
    if let cached = configPathByDirectory[directory] { return cached }
    // The deepest workspace folder that contains the document bounds the search; outside every
    // folder, only the document's own directory is searched.
    let root = roots.filter { directory == $0 || directory.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
      .max { $0.count < $1.count } ?? directory
    let path = ConfigurationFiles.nearest(from: directory, upTo: root)
    configPathByDirectory[directory] = path
    return path
  }

  /// Forgets every file lookup and linter, so the next lint reads the files again.
  mutating func reload() {
    configPathByDirectory = [:]
    fileOptions = [:]
    linters = [:]
  }

  /// Replaces the editor settings; linters are rebuilt on next use.
  mutating func setSettings(_ options: LintOptions) {
    settings = options
    linters = [:]
  }

  /// Returns the file system path of a `file:` URI, or nil.
  static func path(ofURI uri: String) -> String? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    return url.standardizedFileURL.path
  }
}
