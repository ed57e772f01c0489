import Analysis
import Foundation

/// Finds and reads `.hadolint.yaml` files for the command line and the server.
enum ConfigurationFiles {
  /// The file names that a project directory may hold, in the order they are tried.
  static let projectFileNames = [".hadolint.yaml", ".hadolint.yml"]

  /// Returns the places hadolint 2.15 looks for a configuration when none is given, in order:
  /// the current directory, the XDG configuration directory, `~/.hadolint/`, then the home directory.
  static func candidates(currentDirectory: String, environment: [String: String]) -> [String] {
    var paths = projectFileNames.map { join(currentDirectory, $0) }
    let home = environment["HOME"] ?? NSHomeDirectory()
    let xdg = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? join(home, ".config")
    paths += ["hadolint.yaml", "hadolint.yml"].map { join(xdg, $0) }
    paths += ["hadolint.yaml", "hadolint.yml", "config.yaml", "config.yml"].map { join(join(home, ".hadolint"), $0) }
    paths += projectFileNames.map { join(home, $0) }
    return paths
  }

  /// Returns the first candidate that exists, or nil.
  static func find(currentDirectory: String, environment: [String: String]) -> String? {
    candidates(currentDirectory: currentDirectory, environment: environment).first(where: isFile)
  }

  /// Returns the configuration nearest to `directory`: the first `.hadolint.yaml` or
  /// `.hadolint.yml` found walking up from it, stopping after `root`, or nil.
  static func nearest(from directory: String, upTo root: String) -> String? {
    var current = (directory as NSString).standardizingPath
    let stop = (root as NSString).standardizingPath
    while true {
      for name in projectFileNames where isFile(join(current, name)) { return join(current, name) }
      if current == stop || current == "/" || !current.hasPrefix(stop) { return nil }
      current = (current as NSString).deletingLastPathComponent
    }
  }

  /// Reads a configuration file; throws when it cannot be read.
  static func read(_ path: String) throws -> ConfigurationReader.Result {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return ConfigurationReader.read(yaml: String(decoding: data, as: UTF8.self))
  }

  static func isFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
  }

  private static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }
}
