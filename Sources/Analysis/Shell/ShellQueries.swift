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
  public var command: SimpleCommand
  public var context: ShellCommandContext

  public init(command: SimpleCommand, context: ShellCommandContext) {
    self.command = command
    self.context = context
  }

  /// The command after skipping wrappers such as `sudo` and `env`, as
  /// `SimpleCommand.unwrappedInvocation` returns it.
  public var invocation: ShellInvocation { command.unwrappedInvocation }
}

extension ShellScript {
  /// Returns every simple command in execution order, with its context. Command
  /// substitutions in a command's words, redirections and here-document bodies come before the
  /// command, because they run first.
  /// Function bodies are included where they are defined, marked `.functionBody`.
  // NOTE: arithmetic expressions are not parsed, so a `$(…)` inside `$((…))` is not returned.
  public func simpleCommands() -> [ShellCommandOccurrence] {
    var result: [ShellCommandOccurrence] = []
    ShellCommandCollector.collect(body, context: [], into: &result)
    return result
  }
}

extension ShellList {
  /// Returns the simple commands of this list in execution order, each with `context` added
  /// to the context it has within the list.
  public func simpleCommands(context: ShellCommandContext = []) -> [ShellCommandOccurrence] {
    var result: [ShellCommandOccurrence] = []
    ShellCommandCollector.collect(self, context: context, into: &result)
    return result
  }
}

/// The recursive walk behind `simpleCommands()`.
enum ShellCommandCollector {
  static func collect(_ list: ShellList, context: ShellCommandContext, into result: inout [ShellCommandOccurrence]) {
    for item in list.items {
      var itemContext = context
      if item.separator == .background { itemContext.insert(.background) }
      collect(item.andOr.first, context: itemContext, into: &result)
      for link in item.andOr.rest {
        var linkContext = itemContext
        linkContext.insert(link.op == .and ? .afterAnd : .afterOr)
        collect(link.pipeline, context: linkContext, into: &result)
      }
    }
  }

  static func collect(_ pipeline: Pipeline, context: ShellCommandContext, into result: inout [ShellCommandOccurrence]) {
    var pipelineContext = context
    if pipeline.commands.count > 1 { pipelineContext.insert(.pipeline) }
    for command in pipeline.commands {
      collect(command, context: pipelineContext, into: &result)
    }
  }

  static func collect(_ command: ShellCommand, context: ShellCommandContext, into result: inout [ShellCommandOccurrence]) {
    switch command {
    case .simple(let simple):
      for assignment in simple.assignments {
        if let value = assignment.value { collect(value, context: context, into: &result) }
        for element in assignment.arrayElements ?? [] { collect(element, context: context, into: &result) }
      }
      for word in simple.words { collect(word, context: context, into: &result) }
      collect(simple.redirections, context: context, into: &result)
      result.append(ShellCommandOccurrence(command: simple, context: context))
    case .compound(let compound):
      collect(compound.kind, context: context, into: &result)
      collect(compound.redirections, context: context, into: &result)
    case .functionDefinition(let definition):
      collect(definition.body, context: context.union(.functionBody), into: &result)
    }
  }

  static func collect(_ kind: CompoundCommand.Kind, context: ShellCommandContext, into result: inout [ShellCommandOccurrence]) {
    switch kind {
    case .subshell(let list):
      collect(list, context: context.union(.subshell), into: &result)
    case .group(let list):
      collect(list, context: context.union(.group), into: &result)
    case .ifClause(let clause):
      for branch in clause.branches {
        collect(branch.condition, context: context.union(.condition), into: &result)
        collect(branch.body, context: context.union(.branch), into: &result)
      }
      if let elseBody = clause.elseBody {
        collect(elseBody, context: context.union(.branch), into: &result)
      }
    case .forLoop(let loop):
      for word in loop.words ?? [] { collect(word, context: context, into: &result) }
      collect(loop.body, context: context.union(.loop), into: &result)
    case .whileLoop(let loop):
      collect(loop.condition, context: context.union([.loop, .condition]), into: &result)
      collect(loop.body, context: context.union(.loop), into: &result)
    case .caseClause(let clause):
      collect(clause.subject, context: context, into: &result)
      for item in clause.items {
        for pattern in item.patterns { collect(pattern, context: context, into: &result) }
        collect(item.body, context: context.union(.branch), into: &result)
      }
    case .arithmetic:
      break
    }
  }

  static func collect(_ redirections: [ShellRedirection], context: ShellCommandContext, into result: inout [ShellCommandOccurrence]) {
    for redirection in redirections {
      if let target = redirection.target { collect(target, context: context, into: &result) }
      for part in redirection.hereDocument?.bodyParts ?? [] { collect(part, context: context, into: &result) }
    }
  }

  static func collect(_ word: ShellWord, context: ShellCommandContext, into result: inout [ShellCommandOccurrence]) {
    for part in word.parts { collect(part, context: context, into: &result) }
  }

  static func collect(_ part: ShellWordPart, context: ShellCommandContext, into result: inout [ShellCommandOccurrence]) {
    switch part {
    case .doubleQuoted(let parts, _):
      for inner in parts { collect(inner, context: context, into: &result) }
    case .parameterExpansion(let expansion):
      if let argument = expansion.argument { collect(argument, context: context, into: &result) }
    case .commandSubstitution(let substitution):
      collect(substitution.list, context: context.union(.commandSubstitution), into: &result)
    case .literal, .singleQuoted, .ansiCQuoted, .arithmeticExpansion, .tilde, .glob:
      break
    }
  }
}
