/// Reports a stage name that an earlier stage already uses.
struct DL3024: Rule {
  static let id = "DL3024"
  static let title = "Give each stage a unique name"
  static let defaultSeverity = Severity.error
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    `COPY --from=<name>` and `FROM <name>` pick a stage by its name. BuildKit rejects a file \
    in which two stages share a name, and a reader cannot tell which stage such a reference \
    means.

    Stage names are compared without regard to case, as BuildKit compares them: `Build` and \
    `build` are the same name. hadolint 2.15.1 compares them with case, so it misses that pair.

    ## Example
    ```dockerfile
    FROM golang:1.22 AS build
    RUN go build -o /app .
    FROM node:20 AS build
    RUN npm run build
    ```

    ## Use instead
    ```dockerfile
    FROM golang:1.22 AS build-server
    RUN go build -o /app .
    FROM node:20 AS build-web
    RUN npm run build
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    var seen: Set<String> = []
    for stage in context.model.stages {
      guard let name = stage.name else { continue }
      if !seen.insert(name).inserted {
        let from = context.instructions[stage.fromInstructionIndex]
        let range = StageReferences.nameRange(of: from) ?? StageReferences.headerRange(of: from)
        findings.append(finding(range, "The stage name `\(name)` is already used by an earlier stage"))
      }
    }
  }
}
