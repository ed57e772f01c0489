import Analysis
import Foundation

/// `docker-lsp explain RULE` and `docker-lsp rules`.
enum ExplainCommand {
  static func run(_ arguments: [String]) -> Int32 {
    guard arguments.count == 1 else {
      CommandLineTool.writeError("docker-lsp explain: expected one rule id, such as DL3059\n")
      return 2
    }
    guard let info = RuleRegistry.info(id: arguments[0]) else {
      CommandLineTool.writeError("docker-lsp explain: unknown rule '\(arguments[0])'; run 'docker-lsp rules' to list them\n")
      return 2
    }
    var text = "# \(info.id): \(info.title)\n\nDefault severity: \(info.defaultSeverity.rawValue)"
    if !info.isEnabledByDefault { text += " (off by default)" }
    text += "\n\n\(info.documentation)\n"
    if let url = info.documentationURL { text += "\nSee also: \(url)\n" }
    FileHandle.standardOutput.write(Data(text.utf8))
    return 0
  }

  static func listRules() -> Int32 {
    var text = ""
    for rule in RuleRegistry.all {
      let severity = rule.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
      let note = rule.isEnabledByDefault ? "" : " (off by default)"
      text += "\(rule.id)  \(severity)  \(rule.title)\(note)\n"
    }
    FileHandle.standardOutput.write(Data(text.utf8))
    return 0
  }
}
