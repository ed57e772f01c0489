/// The inputs of the rules for one document: the source, the syntax tree, the semantic model and
/// the shell model of each shell-form instruction, built once and shared by all rules.
public final class RuleContext {
  public let document: Document
  public let instructions: [Instruction]
  public let model: SemanticModel
  public let settings: RuleSettings
  private var shellScripts: [Int: ShellScript] = [:]
  /// Scripts by their bytes: shared across lints when the caller passes a cache.
  private let scriptCache: ShellScriptCache
  /// `runScripts(ofInstructionAt:includingOnbuild:)` by index, without and with ONBUILD.
  var runScriptsByIndex: [[RunScript]?]
  var runScriptsWithOnbuildByIndex: [[RunScript]?]
  /// `PackageManagerCommands.commands(ofInstructionAt:in:)` by index.
  var packageCommandsByIndex: [[PackageManagerCommand]?]
  /// In a window of a document (see `Linter.lint(_:reusing:)`), the stages whose findings the
  /// lint keeps. The window contains every FROM, and shared values may skip the work of the other
  /// stages. Nil when every stage counts.
  var keptStages: Set<Int>?
  /// Values that several rules derive from the whole document, by key; see `derived(_:_:)`.
  private var derivedValues: [String: Any] = [:]

  /// `cache` keeps parsed shell scripts across contexts (the server passes one per document);
  /// without it, each context parses its scripts once.
  public init(document: Document, settings: RuleSettings = RuleSettings(), cache: ShellScriptCache? = nil) {
    self.document = document
    self.settings = settings
    self.scriptCache = cache ?? ShellScriptCache()
    self.instructions = document.tree.instructions
    self.model = SemanticModel(tree: document.tree, instructions: instructions)
    self.runScriptsByIndex = Array(repeating: nil, count: instructions.count)
    self.runScriptsWithOnbuildByIndex = Array(repeating: nil, count: instructions.count)
    self.packageCommandsByIndex = Array(repeating: nil, count: instructions.count)
  }

  /// Creates a context over some of the document's instructions, for rules that read only each
  /// instruction and its shell. `model` gives the shells of exactly these instructions.
  init(document: Document, instructions: [Instruction], model: SemanticModel, settings: RuleSettings, cache: ShellScriptCache) {
    self.document = document
    self.settings = settings
    self.scriptCache = cache
    self.instructions = instructions
    self.model = model
    self.runScriptsByIndex = Array(repeating: nil, count: instructions.count)
    self.runScriptsWithOnbuildByIndex = Array(repeating: nil, count: instructions.count)
    self.packageCommandsByIndex = Array(repeating: nil, count: instructions.count)
  }

  /// Returns the value that `compute` derives from this context, computing it once per context.
  /// Several rules that need the same document-wide facts (the package-manager commands of
  /// every RUN, the layer model) share them through this. `key` names the value and must always
  /// come with the same type.
  public func derived<Value>(_ key: String, _ compute: (RuleContext) -> Value) -> Value {
    if let value = derivedValues[key] as? Value { return value }
    let value = compute(self)
    derivedValues[key] = value
    return value
  }

  public var source: SourceText { document.source }
  public var tree: SyntaxTree { document.tree }

  /// Returns the shell script of the shell-form arguments of `instructions[index]`, parsed on first use.
  /// Offsets in the script are offsets into `instruction.arguments.bytes`.
  public func shellScript(ofInstructionAt index: Int) -> ShellScript {
    if let cached = shellScripts[index] { return cached }
    let script = scriptCache.script(for: instructions[index].arguments.bytes)
    shellScripts[index] = script
    return script
  }

  /// Returns the shell script of `bytes`, parsed once per context (or per cache generation).
  public func shellScript(parsing bytes: [UInt8]) -> ShellScript {
    scriptCache.script(for: bytes)
  }

  /// Sets the shared value of `type`, for a window of a document in which the whole document's
  /// value is still valid.
  func seedShared<Value>(_ type: Value.Type, _ value: Value) {
    derivedValues[String(reflecting: type)] = value
  }

  /// Returns the shared value of `type` if a rule has built it, without building it.
  func existingShared<Value>(_ type: Value.Type) -> Value? {
    derivedValues[String(reflecting: type)] as? Value
  }

  /// Returns the value of `type` that several rules derive from the document (such as the layer
  /// model), built by `build` on first use and then shared; see `derived(_:_:)`.
  public func shared<Value>(_ type: Value.Type, build: (RuleContext) -> Value) -> Value {
    derived(String(reflecting: type), build)
  }
}
