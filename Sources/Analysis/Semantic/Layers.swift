/// What each layer-creating instruction adds to and deletes from the filesystem, as far as the
/// instruction text and the shell model show it.
///
/// RUN, COPY and ADD create layers; every other instruction only changes the image config. Paths
/// are absolute and normalised. A relative path is resolved against the WORKDIR in effect (and a
/// `cd` earlier in the same RUN) when that is known, and left out when it is not. A path whose
/// text has an expansion (`$VERSION`) is left out too, because its value is unknown.
public struct LayerModel: Sendable {
  /// One entry per layer-creating instruction, in instruction order.
  public let layers: [Layer]
  /// The index into `layers` for each instruction, nil for instructions that create no layer.
  public let layerIndexOfInstruction: [Int?]
  /// The WORKDIR in effect at each instruction, when it is a known literal path.
  public let workdirOfInstruction: [String?]

  /// Returns whether instructions of `kind` add a filesystem layer to the image.
  public static func createsLayer(_ kind: InstructionKind) -> Bool {
    kind == .run || kind == .copy || kind == .add
  }

  /// Built once per context: several rules read the same model.
  public init(context: RuleContext) {
    self = context.derived("LayerModel") { LayerModel(building: $0) }
  }

  private init(building context: RuleContext) {
    var layers: [Layer] = []
    var layerIndex: [Int?] = Array(repeating: nil, count: context.instructions.count)
    var workdirs: [String?] = Array(repeating: nil, count: context.instructions.count)
    var finalWorkdirOfStage: [String?] = []

    for stage in context.model.stages {
      // An external image may set its own WORKDIR, so only a stage built on a known stage or on
      // `scratch` starts with a known one.
      // NOTE: relative paths under an unknown WORKDIR are left out even where a COPY and a RUN
      // name the same file (`COPY a.tgz .` then `RUN tar xf a.tgz`).
      var workdir: String?
      if let base = stage.baseStageIndex {
        workdir = finalWorkdirOfStage[base]
      } else if stage.baseImageText.lowercased() == "scratch" {
        workdir = "/"
      }
      for index in stage.instructionIndices {
        let instruction = context.instructions[index]
        if instruction.kind == .workdir {
          workdir = LayerPaths.workdir(instruction.arguments.text, after: workdir)
        }
        workdirs[index] = workdir
        guard LayerModel.createsLayer(instruction.kind) else { continue }
        var layer = Layer(instructionIndex: index, stageIndex: stage.index)
        if instruction.kind == .run {
          LayerPaths.collectRun(instructionAt: index, workdir: workdir, context: context, into: &layer)
        } else {
          LayerPaths.collectCopy(instruction, workdir: workdir, into: &layer)
        }
        layerIndex[index] = layers.count
        layers.append(layer)
      }
      finalWorkdirOfStage.append(workdir)
    }
    self.layers = layers
    self.layerIndexOfInstruction = layerIndex
    self.workdirOfInstruction = workdirs
  }

  /// Returns the layer that `instructions[index]` creates, or nil.
  public func layer(ofInstructionAt index: Int) -> Layer? {
    layerIndexOfInstruction[index].map { layers[$0] }
  }
}

/// The filesystem effects of one RUN, COPY or ADD.
public struct Layer: Sendable {
  public let instructionIndex: Int
  public let stageIndex: Int
  /// Paths the layer writes: files, or directories whose contents it writes.
  public internal(set) var added: [LayerPath] = []
  /// Paths or patterns (`/var/lib/apt/lists/*`) the layer deletes.
  public internal(set) var deleted: [LayerPath] = []
  /// Archives the layer unpacks with `tar -x` or `unzip` (`-` for standard input).
  public internal(set) var extracted: [LayerPath] = []

  init(instructionIndex: Int, stageIndex: Int) {
    self.instructionIndex = instructionIndex
    self.stageIndex = stageIndex
  }
}

/// A path that a command of a layer adds, deletes or reads.
public struct LayerPath: Sendable, Hashable {
  /// How the path came to be in the layer.
  public enum Origin: String, Sendable {
    /// COPY or ADD destination.
    case copy
    /// curl or wget output file.
    case download
    /// `>`, `>>` and the like.
    case redirection
    /// The target directory of `tar -x` or `unzip`.
    case extraction
    case directory
    /// The working tree of `git clone`.
    case clone
    /// A package manager's index or download cache (`apt-get update`, `yum install`).
    case packageCache
    /// `rm`, `rmdir` or a package manager's cleaning command.
    case removal
    /// An archive read by `tar -x` or `unzip`.
    case archive
  }

  /// An absolute, normalised path; deletions may contain glob patterns.
  public var path: String
  public var origin: Origin
  /// The source range of the command (for COPY and ADD, of the instruction's arguments).
  public var range: Range<Int>
  /// For RUN, the range of the simple command in the script it belongs to (the arguments or a
  /// heredoc body).
  public var commandRange: Range<Int>?
  /// The context the command runs in, for RUN.
  public var context: ShellCommandContext = []
  /// Whether the path is a directory tree the layer wrote as a whole (a package cache, a cloned
  /// repository, a copied directory), so that deleting something inside it deletes its bytes.
  public var coversContents = false

  public init(path: String, origin: Origin, range: Range<Int>, commandRange: Range<Int>? = nil) {
    self.path = path
    self.origin = origin
    self.range = range
    self.commandRange = commandRange
  }

  /// Whether deleting this path (a deletion entry, possibly a pattern) removes `added`, a file
  /// or directory an earlier layer created: the pattern matches the path or one of its parent
  /// directories, or it names something inside a tree written as a whole.
  public func deletes(_ added: LayerPath) -> Bool {
    var candidate = added.path
    while true {
      if PathPattern.matches(path, candidate) { return true }
      guard candidate != "/", let parent = PathPattern.parent(of: candidate) else { break }
      candidate = parent
    }
    if added.coversContents, added.path != "/" {
      return path.hasPrefix(added.path + "/")
    }
    return false
  }
}

/// Glob matching of absolute paths, as the shell expands `*`, `?` and `[…]` component by component.
enum PathPattern {
  static func matches(_ pattern: String, _ path: String) -> Bool {
    let patternParts = pattern.split(separator: "/", omittingEmptySubsequences: true)
    let pathParts = path.split(separator: "/", omittingEmptySubsequences: true)
    guard patternParts.count == pathParts.count else { return false }
    return zip(patternParts, pathParts).allSatisfy { matchComponent(Array($0.utf8), Array($1.utf8)) }
  }

  /// Whether one path component matches one pattern component. A leading `.` must be matched
  /// literally, as the shell does.
  static func matchComponent(_ pattern: [UInt8], _ name: [UInt8]) -> Bool {
    if name.first == UInt8(ascii: "."), pattern.first != UInt8(ascii: ".") { return false }
    return match(pattern[...], name[...])
  }

  private static func match(_ pattern: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>) -> Bool {
    guard let first = pattern.first else { return name.isEmpty }
    switch first {
    case UInt8(ascii: "*"):
      var rest = name
      while true {
        if match(pattern.dropFirst(), rest) { return true }
        guard !rest.isEmpty else { return false }
        rest = rest.dropFirst()
      }
    case UInt8(ascii: "?"):
      return !name.isEmpty && match(pattern.dropFirst(), name.dropFirst())
    case UInt8(ascii: "["):
      guard let close = pattern.dropFirst(2).firstIndex(of: UInt8(ascii: "]")), let byte = name.first else {
        return name.first == first && match(pattern.dropFirst(), name.dropFirst())
      }
      var set = pattern[(pattern.startIndex + 1)..<close]
      let negated = set.first == UInt8(ascii: "!") || set.first == UInt8(ascii: "^")
      if negated { set = set.dropFirst() }
      var found = false
      var index = set.startIndex
      while index < set.endIndex {
        if index + 2 < set.endIndex, set[index + 1] == UInt8(ascii: "-") {
          if set[index] <= byte && byte <= set[index + 2] { found = true }
          index += 3
        } else {
          if set[index] == byte { found = true }
          index += 1
        }
      }
      return found != negated && match(pattern[(close + 1)...], name.dropFirst())
    default:
      return name.first == first && match(pattern.dropFirst(), name.dropFirst())
    }
  }

  /// Returns whether `path` has no empty, `.` or `..` component and no trailing slash (`/` itself
  /// is normalised), so that joining it to a normalised directory gives a normalised path.
  static func isNormalised(_ path: String) -> Bool {
    var componentLength = 0
    var componentIsDots = true
    var index = 0
    for byte in path.utf8 {
      if byte == UInt8(ascii: "/") {
        // An empty component is allowed only as the root of an absolute path.
        if index > 0 && (componentLength == 0 || (componentIsDots && componentLength <= 2)) { return false }
        componentLength = 0
        componentIsDots = true
      } else {
        componentLength += 1
        if byte != UInt8(ascii: ".") { componentIsDots = false }
      }
      index += 1
    }
    if path == "/" { return true }
    return componentLength > 0 && !(componentIsDots && componentLength <= 2)
  }

  /// The parent directory of an absolute normalised path, or nil for `/`.
  static func parent(of path: String) -> String? {
    guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// The last component of a path or URL path.
  static func baseName(_ path: String) -> String {
    let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
    return trimmed.split(separator: "/").last.map(String.init) ?? ""
  }

  /// Joins `path` to `directory` when it is relative and normalises `.`, `..` and repeated
  /// slashes. Returns nil for a relative path without a known directory.
  static func resolve(_ path: String, in directory: String?) -> String? {
    guard !path.isEmpty else { return nil }
    // Most paths need no normalising: skip the split and join, which cost more than the rest of
    // the layer model. `directory` is always a normalised absolute path.
    if isNormalised(path) {
      if path.utf8.first == UInt8(ascii: "/") { return path }
      if let directory { return directory == "/" ? "/" + path : directory + "/" + path }
      return nil
    }
    let full: String
    if path.hasPrefix("/") {
      full = path
    } else if let directory {
      full = directory + "/" + path
    } else {
      return nil
    }
    var parts: [Substring] = []
    for part in full.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." {
        _ = parts.popLast()
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }
}
