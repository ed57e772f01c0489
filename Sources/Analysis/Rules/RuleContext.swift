/// The inputs of the rules for one document: the source, the syntax tree, the semantic model and
/// the shell model of each shell-form instruction, built once and shared by all rules.
public final class RuleContext {
  public let document: Document
  public let instructions: [Instruction]
  public let model: SemanticModel
  public let settings: RuleSettings
  private var shellScripts: [Int: ShellScript] = [:]
  private var sharedValues: [ObjectIdentifier: Any] = [:]

  public init(document: Document, settings: RuleSettings = RuleSettings()) {
    self.document = document
    self.settings = settings
    self.instructions = document.tree.instructions
    self.model = SemanticModel(tree: document.tree, instructions: instructions)
  }

  public var source: SourceText { document.source }
  public var tree: SyntaxTree { document.tree }

  /// Returns the shell script of the shell-form arguments of `instructions[index]`, parsed on first use.
  /// Offsets in the script are offsets into `instruction.arguments.bytes`.
  public func shellScript(ofInstructionAt index: Int) -> ShellScript {
    if let cached = shellScripts[index] { return cached }
    let script = ShellParser.parse(instructions[index].arguments.bytes)
    shellScripts[index] = script
    return script
  }

  /// Returns the value of `type` that several rules derive from the document (such as the layer
  /// model), built by `build` on first use and then shared.
  public func shared<Value>(_ type: Value.Type, build: (RuleContext) -> Value) -> Value {
    if let cached = sharedValues[ObjectIdentifier(type)] as? Value { return cached }
    let value = build(self)
    sharedValues[ObjectIdentifier(type)] = value
    return value
  }
}
