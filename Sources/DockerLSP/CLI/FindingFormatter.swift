import Analysis
import Foundation

/// The output formats of `docker-lsp lint`: hadolint's, plus GitHub workflow annotations.
enum OutputFormat: String, CaseIterable {
  case tty, json, checkstyle, codeclimate
  case gitlabCodeclimate = "gitlab_codeclimate"
  case gnu, codacy, sonarqube, sarif, junit, github
}

/// The input of every format: the linted files in input order, under the paths to report.
struct LintReport {
  /// One linted file: the path to show, its source and its findings.
  struct File {
    var path: String
    var source: SourceText
    var findings: [Finding]
  }

  var files: [File]
  /// When the run started, for the JUnit format's suite name.
  var date = Date()

  /// The findings of every file in order, with their file.
  var entries: [(file: File, finding: Finding)] {
    files.flatMap { file in file.findings.map { (file, $0) } }
  }
}

/// Renders lint results in an output format.
enum FindingFormatter {
  static func format(_ report: LintReport, as format: OutputFormat, color: Bool) -> String {
    switch format {
    case .tty: return TTYFormat.render(report, color: color)
    case .json: return JSONFormat.render(report)
    case .checkstyle: return CheckstyleFormat.render(report)
    case .codeclimate: return CodeClimateFormat.render(report)
    case .gitlabCodeclimate: return CodeClimateFormat.renderGitLab(report)
    case .gnu: return GNUFormat.render(report)
    case .codacy: return CodacyFormat.render(report)
    case .sonarqube: return SonarQubeFormat.render(report)
    case .sarif: return SARIFFormat.render(report)
    case .junit: return JUnitFormat.render(report)
    case .github: return GitHubFormat.render(report)
    }
  }

  /// A range's 1-based line and column (columns count Unicode scalars) and its end.
  struct Location {
    var line, column, endLine, endColumn: Int

    init(_ range: Range<Int>, in source: SourceText) {
      let positions = source.positionRange(of: range, encoding: .utf32)
      line = positions.start.line + 1
      column = positions.start.character + 1
      endLine = positions.end.line + 1
      endColumn = positions.end.character + 1
    }

    init(_ finding: Finding, in source: SourceText) {
      self.init(finding.range, in: source)
    }
  }

  /// Escapes text for an XML attribute value or element content.
  static func xmlEscaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      default: result.append(character)
      }
    }
    return result
  }

  static func jsonText(_ value: JSONValue) -> String {
    String(decoding: JSONSerializer.serialize(value), as: UTF8.self)
  }
}
