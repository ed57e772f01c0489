/// A top-level command that changes the state of the shell running the script, so a later
/// command run by another shell (the next `RUN` instruction) would not see its effect.
public struct ShellStateChange: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// A builtin such as `cd`, `export` or `set`; `name` is the builtin.
    case builtin
    /// An assignment with no command word, such as `FOO=bar`; `name` is the variable.
    case assignment
    /// A function definition; `name` is the function.
    case functionDefinition
  }

  public var kind: Kind
  public var name: String
  /// The simple command for a builtin, the assignment for an assignment, or the whole function
  /// definition.
  public var range: Range<Int>

  public init(kind: Kind, name: String, range: Range<Int>) {
    self.kind = kind
    self.name = name
    self.range = range
  }

  /// Builtins whose effect lasts for the rest of the shell: the working directory, variables,
  /// options, limits, traps, aliases, functions and file descriptors.
  public static let stateChangingBuiltins: Set<String> = [
    "cd", "pushd", "popd", "export", "unset", "set", "shopt", "umask", "source", ".", "alias", "unalias",
    "trap", "ulimit", "exec", "eval", "readonly", "declare", "typeset", "local", "hash",
    "read", "mapfile", "readarray", "getopts", "shift", "let",
  ]
}

extension ShellScript {
  /// Returns the commands whose effect on the shell would be lost if the script were split
  /// into separate shells after them, in source order.
  ///
  /// Only commands that run in the script's own shell count. Those in `{ …; }` and in `if`,
  /// loop and `case` bodies and conditions do. Those in `( … )`, command substitutions,
  /// pipelines of two or more commands, items ended by `&` and function bodies do not. A
  /// builtin is found after `command` and `builtin` prefixes.
  // NOTE: arithmetic commands such as `((i++))` and `for` loop variables also set variables
  // but are not returned.
  public func shellStateChanges() -> [ShellStateChange] {
    var result: [ShellStateChange] = []
    ShellStateChangeCollector.collect(body, into: &result)
    return result
  }
}

/// The recursive walk behind `shellStateChanges()`.
enum ShellStateChangeCollector {
  static func collect(_ list: ShellList, into result: inout [ShellStateChange]) {
    for item in list.items where item.separator != .background {
      for pipeline in item.andOr.pipelines where pipeline.commands.count == 1 {
        collect(pipeline.commands[0], into: &result)
      }
    }
  }

  static func collect(_ command: ShellCommand, into result: inout [ShellStateChange]) {
    switch command {
    case .simple(let simple):
      if simple.words.isEmpty {
        for assignment in simple.assignments {
          result.append(ShellStateChange(kind: .assignment, name: assignment.name, range: assignment.range))
        }
      } else if let name = builtinName(simple), ShellStateChange.stateChangingBuiltins.contains(name) {
        result.append(ShellStateChange(kind: .builtin, name: name, range: simple.range))
      }
    case .compound(let compound):
      collect(compound.kind, into: &result)
    case .functionDefinition(let definition):
      result.append(ShellStateChange(kind: .functionDefinition, name: definition.name, range: definition.range))
    }
  }

  static func collect(_ kind: CompoundCommand.Kind, into result: inout [ShellStateChange]) {
    switch kind {
    case .group(let list):
      collect(list, into: &result)
    case .ifClause(let clause):
      for branch in clause.branches {
        collect(branch.condition, into: &result)
        collect(branch.body, into: &result)
      }
      if let elseBody = clause.elseBody { collect(elseBody, into: &result) }
    case .forLoop(let loop):
      collect(loop.body, into: &result)
    case .whileLoop(let loop):
      collect(loop.condition, into: &result)
      collect(loop.body, into: &result)
    case .caseClause(let clause):
      for item in clause.items { collect(item.body, into: &result) }
    case .subshell, .arithmetic:
      break
    }
  }

  /// Returns the command name after `command` and `builtin` prefixes and their `-p` flag.
  /// `command -v` and `command -V` only look a name up, so they return `command`.
  static func builtinName(_ simple: SimpleCommand) -> String? {
    var index = 0
    while index < simple.words.count, let name = simple.words[index].literalValue {
      guard name == "command" || name == "builtin" else { return name }
      var next = index + 1
      while next < simple.words.count, let flag = simple.words[next].literalValue, flag.hasPrefix("-"), flag != "--" {
        if flag.utf8.contains(UInt8(ascii: "v")) || flag.utf8.contains(UInt8(ascii: "V")) { return name }
        next += 1
      }
      if next < simple.words.count && simple.words[next].literalValue == "--" { next += 1 }
      guard next < simple.words.count else { return name }
      index = next
    }
    return nil
  }
}
