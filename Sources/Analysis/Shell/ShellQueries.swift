/// The constructs around a simple command that decide whether and in which shell it runs.
public struct ShellCommandContext: OptionSet, Sendable, Hashable {
  public let rawValue: Int

  public init(rawValue: Int) {
    self.rawValue = rawValue
  }

  /// Inside `( … )`.
  public static let subshell = ShellCommandContext(rawValue: 1 << 0)
  /// Inside `$( … )`, `` `…` ``, `<( … )` or `>( … )`.
  public static let commandSubstitution = ShellCommandContext(rawValue: 1 << 1)
  /// One command of a pipeline of two or more commands, which runs in a subshell.
  public static let pipeline = ShellCommandContext(rawValue: 1 << 2)
  /// Inside `{ …; }`.
  public static let group = ShellCommandContext(rawValue: 1 << 3)
  /// In the condition of `if`, `elif`, `while` or `until`.
  public static let condition = ShellCommandContext(rawValue: 1 << 4)
  /// In a `then` or `else` body or a `case` item, which may not run.
  public static let branch = ShellCommandContext(rawValue: 1 << 5)
  /// In the body or condition of a `for`, `select`, `while` or `until` loop.
  public static let loop = ShellCommandContext(rawValue: 1 << 6)
  /// In a function body, which runs only when the function is called.
  public static let functionBody = ShellCommandContext(rawValue: 1 << 7)
  /// In a list item ended by `&`, which runs asynchronously in a subshell.
  public static let background = ShellCommandContext(rawValue: 1 << 8)
  /// In a pipeline after `&&`, which runs only when the pipeline before succeeded.
  public static let afterAnd = ShellCommandContext(rawValue: 1 << 9)
  /// In a pipeline after `||`, which runs only when the pipeline before failed.
  public static let afterOr = ShellCommandContext(rawValue: 1 << 10)

  /// Contexts whose commands cannot change the state of the shell that runs the script.
  public static let separateProcess: ShellCommandContext = [.subshell, .commandSubstitution, .pipeline, .background]

  /// Whether a command in this context runs in the script's own shell, so that a `cd` or
  /// `export` there affects the commands after it. Function bodies count as separate because
  /// they run only when called.
  public var runsInScriptShell: Bool {
    isDisjoint(with: ShellCommandContext.separateProcess.union(.functionBody))
  }
}

/// A simple command found by `ShellScript.simpleCommands()` with the context it runs in.
public struct ShellCommandOccurrence: Sendable, Hashable {
  public var command: SimpleCommand {
    didSet { invocation = command.unwrappedInvocation }
  }
  public var context: ShellCommandContext
  /// The command after skipping wrappers such as `sudo` and `env`, as
  /// `SimpleCommand.unwrappedInvocation` returns it. Computed once, because most rules ask for
  /// it for every command. Derived from `command`, so equality and hashing leave it out.
  public private(set) var invocation: ShellInvocation

  public init(command: SimpleCommand, context: ShellCommandContext) {
    self.command = command
    self.context = context
    self.invocation = command.unwrappedInvocation
  }

  public static func == (lhs: ShellCommandOccurrence, rhs: ShellCommandOccurrence) -> Bool {
    lhs.command == rhs.command && lhs.context == rhs.context
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(command)
    hasher.combine(context)
  }
}

extension ShellScript {
  /// Returns every simple command in execution order, with its context. Command
  /// substitutions in a command's words, redirections and here-document bodies come before the
  /// command, because they run first.
  /// Function bodies are included where they are defined, marked `.functionBody`.
  // NOTE: arithmetic expressions are not parsed, so a `$(…)` inside `$((…))` is not returned.
  public func simpleCommands() -> [ShellCommandOccurrence] {
    occurrences.commands
  }

  /// Returns every pipeline in execution order, with its context, including single commands
  /// and pipelines nested in compound commands and substitutions. A pipeline such as
  /// `curl … | sh` has `commands.count > 1`. Its context includes `.pipeline` only when an
  /// enclosing pipeline has two or more commands.
  public func pipelines() -> [ShellPipelineOccurrence] {
    occurrences.pipelines
  }
}

/// A pipeline found by `ShellScript.pipelines()` with the context it runs in.
public struct ShellPipelineOccurrence: Sendable, Hashable {
  public var pipeline: Pipeline
  public var context: ShellCommandContext

  public init(pipeline: Pipeline, context: ShellCommandContext) {
    self.pipeline = pipeline
    self.context = context
  }
}

extension ShellList {
  /// Returns the simple commands of this list in execution order, each with `context` added
  /// to the context it has within the list.
  public func simpleCommands(context: ShellCommandContext = []) -> [ShellCommandOccurrence] {
    var walker = ShellCommandCollector()
    walker.collect(self, context: context)
    return walker.commands
  }
}

/// The recursive walk behind `simpleCommands()` and `pipelines()`.
struct ShellCommandCollector {
  var commands: [ShellCommandOccurrence] = []
  var pipelines: [ShellPipelineOccurrence] = []

  mutating func collect(_ list: ShellList, context: ShellCommandContext) {
    for item in list.items {
      var itemContext = context
      if item.separator == .background { itemContext.insert(.background) }
      collect(item.andOr.first, context: itemContext)
      for link in item.andOr.rest {
        var linkContext = itemContext
        linkContext.insert(link.op == .and ? .afterAnd : .afterOr)
        collect(link.pipeline, context: linkContext)
      }
    }
  }

  mutating func collect(_ pipeline: Pipeline, context: ShellCommandContext) {
    pipelines.append(ShellPipelineOccurrence(pipeline: pipeline, context: context))
    var pipelineContext = context
    if pipeline.commands.count > 1 { pipelineContext.insert(.pipeline) }
    for command in pipeline.commands {
      collect(command, context: pipelineContext)
    }
  }

  mutating func collect(_ command: ShellCommand, context: ShellCommandContext) {
    switch command {
    case .simple(let simple):
      for assignment in simple.assignments {
        if let value = assignment.value { collect(value, context: context) }
        for element in assignment.arrayElements ?? [] { collect(element, context: context) }
      }
      for word in simple.words { collect(word, context: context) }
      collect(simple.redirections, context: context)
      commands.append(ShellCommandOccurrence(command: simple, context: context))
    case .compound(let compound):
      collect(compound.kind, context: context)
      collect(compound.redirections, context: context)
    case .functionDefinition(let definition):
      collect(definition.body, context: context.union(.functionBody))
    }
  }

  mutating func collect(_ kind: CompoundCommand.Kind, context: ShellCommandContext) {
    switch kind {
    case .subshell(let list):
      collect(list, context: context.union(.subshell))
    case .group(let list):
      collect(list, context: context.union(.group))
    case .ifClause(let clause):
      for branch in clause.branches {
        collect(branch.condition, context: context.union(.condition))
        collect(branch.body, context: context.union(.branch))
      }
      if let elseBody = clause.elseBody {
        collect(elseBody, context: context.union(.branch))
      }
    case .forLoop(let loop):
      for word in loop.words ?? [] { collect(word, context: context) }
      collect(loop.body, context: context.union(.loop))
    case .whileLoop(let loop):
      collect(loop.condition, context: context.union([.loop, .condition]))
      collect(loop.body, context: context.union(.loop))
    case .caseClause(let clause):
      collect(clause.subject, context: context)
      for item in clause.items {
        for pattern in item.patterns { collect(pattern, context: context) }
        collect(item.body, context: context.union(.branch))
      }
    case .arithmetic:
      break
    }
  }

  mutating func collect(_ redirections: [ShellRedirection], context: ShellCommandContext) {
    for redirection in redirections {
      if let target = redirection.target { collect(target, context: context) }
      for part in redirection.hereDocument?.bodyParts ?? [] { collect(part, context: context) }
    }
  }

  mutating func collect(_ word: ShellWord, context: ShellCommandContext) {
    for part in word.parts { collect(part, context: context) }
  }

  mutating func collect(_ part: ShellWordPart, context: ShellCommandContext) {
    switch part {
    case .doubleQuoted(let parts, _):
      for inner in parts { collect(inner, context: context) }
    case .parameterExpansion(let expansion):
      if let argument = expansion.argument { collect(argument, context: context) }
    case .commandSubstitution(let substitution):
      collect(substitution.list, context: context.union(.commandSubstitution))
    case .literal, .singleQuoted, .ansiCQuoted, .arithmeticExpansion, .tilde, .glob:
      break
    }
  }
}
