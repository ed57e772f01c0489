extension ShellScript {
  /// Returns every pipeline of two or more commands, wherever it runs (subshells, command
  /// substitutions, compound commands and function bodies included), outer ones first.
  func multiCommandPipelines() -> [Pipeline] {
    var result: [Pipeline] = []
    PipelineCollector.collect(body, into: &result)
    return result
  }
}

/// The recursive walk behind `multiCommandPipelines()`.
private enum PipelineCollector {
  static func collect(_ list: ShellList, into result: inout [Pipeline]) {
    for item in list.items {
      for pipeline in item.andOr.pipelines {
        if pipeline.commands.count > 1 { result.append(pipeline) }
        for command in pipeline.commands { collect(command, into: &result) }
      }
    }
  }

  static func collect(_ command: ShellCommand, into result: inout [Pipeline]) {
    switch command {
    case .simple(let simple):
      for assignment in simple.assignments {
        if let value = assignment.value { collect(value, into: &result) }
        for element in assignment.arrayElements ?? [] { collect(element, into: &result) }
      }
      for word in simple.words { collect(word, into: &result) }
      collect(simple.redirections, into: &result)
    case .compound(let compound):
      collect(compound.kind, into: &result)
      collect(compound.redirections, into: &result)
    case .functionDefinition(let definition):
      collect(definition.body, into: &result)
    }
  }

  static func collect(_ kind: CompoundCommand.Kind, into result: inout [Pipeline]) {
    switch kind {
    case .subshell(let list), .group(let list):
      collect(list, into: &result)
    case .ifClause(let clause):
      for branch in clause.branches {
        collect(branch.condition, into: &result)
        collect(branch.body, into: &result)
      }
      if let elseBody = clause.elseBody { collect(elseBody, into: &result) }
    case .forLoop(let loop):
      for word in loop.words ?? [] { collect(word, into: &result) }
      collect(loop.body, into: &result)
    case .whileLoop(let loop):
      collect(loop.condition, into: &result)
      collect(loop.body, into: &result)
    case .caseClause(let clause):
      collect(clause.subject, into: &result)
      for item in clause.items {
        for pattern in item.patterns { collect(pattern, into: &result) }
        collect(item.body, into: &result)
      }
    case .arithmetic:
      break
    }
  }

  static func collect(_ redirections: [ShellRedirection], into result: inout [Pipeline]) {
    for redirection in redirections {
      if let target = redirection.target { collect(target, into: &result) }
      for part in redirection.hereDocument?.bodyParts ?? [] { collect(part, into: &result) }
    }
  }

  static func collect(_ word: ShellWord, into result: inout [Pipeline]) {
    for part in word.parts { collect(part, into: &result) }
  }

  static func collect(_ part: ShellWordPart, into result: inout [Pipeline]) {
    switch part {
    case .doubleQuoted(let parts, _):
      for inner in parts { collect(inner, into: &result) }
    case .parameterExpansion(let expansion):
      if let argument = expansion.argument { collect(argument, into: &result) }
    case .commandSubstitution(let substitution):
      collect(substitution.list, into: &result)
    case .literal, .singleQuoted, .ansiCQuoted, .arithmeticExpansion, .tilde, .glob:
      break
    }
  }
}
