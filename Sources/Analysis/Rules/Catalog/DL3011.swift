/// Reports `EXPOSE` ports outside 0–65535.
struct DL3011: Rule {
  static let id = "DL3011"
  static let title = "Expose only valid ports"
  static let defaultSeverity = Severity.error
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    TCP and UDP ports are 16-bit numbers, from 0 to 65535. A larger number in `EXPOSE` is a \
    typo, often a missing separator or an extra digit, and the port the service really listens \
    on is then not documented.

    Each port is checked, with or without a `/tcp`, `/udp` or `/sctp` suffix, and both ends of \
    a range such as `8000-8010`. Ports given by variables (`$PORT`) are not checked, since \
    their value is known only at build time. Every stage is checked.

    ## Example
    ```dockerfile
    FROM nginx:1.27
    EXPOSE 80800
    ```

    ## Use instead
    ```dockerfile
    FROM nginx:1.27
    EXPOSE 8080
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for instruction in context.instructions where instruction.kind == .expose {
      for token in instruction.argumentTokens {
        let port = token.unquoted
        guard !port.contains("$") else { continue }
        let numbers = (port.split(separator: "/", maxSplits: 1).first ?? "").split(separator: "-", omittingEmptySubsequences: false)
        // Only plain digits are ports; anything else is a syntax problem that BuildKit reports.
        guard numbers.count <= 2, numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              numbers.contains(where: { $0.count > 5 || Int($0)! > 65535 })
        else { continue }
        findings.append(finding(token.range, "Port `\(port)` is outside the valid range 0 to 65535"))
      }
    }
  }
}
