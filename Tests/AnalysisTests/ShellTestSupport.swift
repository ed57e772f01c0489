@testable import Analysis

/// Renders shell syntax trees as compact text, so structure tests compare one string.
///
/// A simple command becomes `{…}` with the source text of its assignments, words and
/// redirections. Compound commands become `kind(…)`, and list separators `;`, `&` and `⏎`.
struct ShellTreeRenderer {
  let bytes: [UInt8]

  init(_ source: String) {
    self.bytes = Array(source.utf8)
  }

  func raw(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  func render(_ list: ShellList) -> String {
    list.items.map { item in
      var text = render(item.andOr)
      switch item.separator {
      case .semicolon?: text += " ;"
      case .background?: text += " &"
      case .newline?: text += " ⏎"
      case nil: break
      }
      return text
    }.joined(separator: " ")
  }

  func render(_ andOr: AndOrList) -> String {
    var text = render(andOr.first)
    for link in andOr.rest {
      text += " \(link.op.rawValue) " + render(link.pipeline)
    }
    return text
  }

  func render(_ pipeline: Pipeline) -> String {
    (pipeline.isNegated ? "! " : "") + pipeline.commands.map(render).joined(separator: " | ")
  }

  func render(_ command: ShellCommand) -> String {
    switch command {
    case .simple(let simple):
      let elements = simple.assignments.map { raw($0.range) } + simple.words.map { raw($0.range) }
        + simple.redirections.map { raw($0.range) }
      return "{" + elements.joined(separator: " ") + "}"
    case .compound(let compound):
      let redirections = compound.redirections.map { " " + raw($0.range) }.joined()
      return render(compound.kind) + redirections
    case .functionDefinition(let definition):
      return "function \(definition.name)(" + render(definition.body) + ")"
    }
  }

  func render(_ kind: CompoundCommand.Kind) -> String {
    switch kind {
    case .subshell(let list):
      return "subshell(" + render(list) + ")"
    case .group(let list):
      return "group(" + render(list) + ")"
    case .ifClause(let clause):
      var parts = clause.branches.map { "if " + render($0.condition) + " then " + render($0.body) }
      if let elseBody = clause.elseBody { parts.append("else " + render(elseBody)) }
      return "if(" + parts.joined(separator: " ") + ")"
    case .forLoop(let loop):
      let header = loop.arithmeticHeader.map { "((" + raw($0) + "))" }
        ?? loop.variable + (loop.words.map { " in " + $0.map { raw($0.range) }.joined(separator: " ") } ?? "")
      return "\(loop.keyword)(" + header + " do " + render(loop.body) + ")"
    case .whileLoop(let loop):
      return (loop.isUntil ? "until(" : "while(") + render(loop.condition) + " do " + render(loop.body) + ")"
    case .caseClause(let clause):
      let items = clause.items.map { item in
        item.patterns.map { raw($0.range) }.joined(separator: "|") + ") " + render(item.body) + (item.terminator.map { " " + $0 } ?? "")
      }
      return "case(" + raw(clause.subject.range) + " in " + items.joined(separator: " ") + ")"
    case .arithmetic(let expression):
      return "arith(" + raw(expression) + ")"
    }
  }
}

/// Returns the byte range of the `occurrence`-th (from 0) appearance of `needle` in `haystack`.
func byteRange(of needle: String, in haystack: String, occurrence: Int = 0) -> Range<Int> {
  let source = Array(haystack.utf8)
  let target = Array(needle.utf8)
  var found = 0
  var index = 0
  while index + target.count <= source.count {
    if Array(source[index..<index + target.count]) == target {
      if found == occurrence { return index..<index + target.count }
      found += 1
    }
    index += 1
  }
  preconditionFailure("'\(needle)' occurs fewer than \(occurrence + 1) times in '\(haystack)'")
}

/// Collects every range in a script's tree, for checks that ranges stay inside the input.
enum ShellRangeCollector {
  static func ranges(in script: ShellScript) -> [Range<Int>] {
    var result = script.comments + script.errors.map(\.range) + [script.body.range]
    collect(script.body, into: &result)
    return result
  }

  static func collect(_ list: ShellList, into result: inout [Range<Int>]) {
    result.append(list.range)
    for item in list.items {
      if let separatorRange = item.separatorRange { result.append(separatorRange) }
      result.append(item.andOr.range)
      for pipeline in item.andOr.pipelines {
        result.append(pipeline.range)
        for command in pipeline.commands { collect(command, into: &result) }
      }
      for link in item.andOr.rest { result.append(link.opRange) }
    }
  }

  static func collect(_ command: ShellCommand, into result: inout [Range<Int>]) {
    result.append(command.range)
    switch command {
    case .simple(let simple):
      for assignment in simple.assignments {
        result += [assignment.range, assignment.nameRange]
        if let value = assignment.value { collect(value, into: &result) }
        for element in assignment.arrayElements ?? [] { collect(element, into: &result) }
      }
      for word in simple.words { collect(word, into: &result) }
      collect(simple.redirections, into: &result)
    case .compound(let compound):
      collect(compound.redirections, into: &result)
      switch compound.kind {
      case .subshell(let list), .group(let list):
        collect(list, into: &result)
      case .ifClause(let clause):
        for branch in clause.branches {
          collect(branch.condition, into: &result)
          collect(branch.body, into: &result)
        }
        if let elseBody = clause.elseBody { collect(elseBody, into: &result) }
      case .forLoop(let loop):
        result.append(loop.variableRange)
        if let header = loop.arithmeticHeader { result.append(header) }
        for word in loop.words ?? [] { collect(word, into: &result) }
        collect(loop.body, into: &result)
      case .whileLoop(let loop):
        collect(loop.condition, into: &result)
        collect(loop.body, into: &result)
      case .caseClause(let clause):
        collect(clause.subject, into: &result)
        for item in clause.items {
          result.append(item.range)
          for pattern in item.patterns { collect(pattern, into: &result) }
          collect(item.body, into: &result)
        }
      case .arithmetic(let expression):
        result.append(expression)
      }
    case .functionDefinition(let definition):
      result.append(definition.nameRange)
      collect(definition.body, into: &result)
    }
  }

  static func collect(_ redirections: [ShellRedirection], into result: inout [Range<Int>]) {
    for redirection in redirections {
      result += [redirection.range, redirection.opRange]
      if let target = redirection.target { collect(target, into: &result) }
      if let body = redirection.hereDocument?.bodyRange { result.append(body) }
      if let line = redirection.hereDocument?.delimiterLineRange { result.append(line) }
      for part in redirection.hereDocument?.bodyParts ?? [] { collect(part, into: &result) }
    }
  }

  static func collect(_ word: ShellWord, into result: inout [Range<Int>]) {
    result.append(word.range)
    for part in word.parts { collect(part, into: &result) }
  }

  static func collect(_ part: ShellWordPart, into result: inout [Range<Int>]) {
    result.append(part.range)
    switch part {
    case .doubleQuoted(let parts, _):
      for inner in parts { collect(inner, into: &result) }
    case .parameterExpansion(let expansion):
      result.append(expansion.nameRange)
      if let opRange = expansion.opRange { result.append(opRange) }
      if let argument = expansion.argument { collect(argument, into: &result) }
    case .commandSubstitution(let substitution):
      collect(substitution.list, into: &result)
    case .arithmeticExpansion(let expression, _):
      result.append(expression)
    case .literal, .singleQuoted, .ansiCQuoted, .tilde, .glob:
      break
    }
  }
}
