/// Reports `FROM --platform=` with a fixed platform. DL3065 reports `--platform=$TARGETPLATFORM`.
struct DL3029: Rule {
  static let id = "DL3029"
  static let title = "Do not use --platform with FROM"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.instruction
  static let documentation = """
    ## Why
    `--platform` on `FROM` overrides the platform that the build was asked for. With a fixed \
    value such as `linux/amd64`, `docker build --platform linux/arm64` still produces an amd64 \
    stage, which then runs under emulation or fails on the target machine. The platform \
    belongs on the command line or in the build configuration.

    This rule leaves out values built from BuildKit's automatic platform arguments \
    (`$BUILDPLATFORM`, `$TARGETOS`, `$TARGETARCH` and the like), because \
    `FROM --platform=$BUILDPLATFORM` is the usual way to run a cross-compiling stage natively \
    and `linux/$TARGETARCH` still follows the requested architecture. hadolint 2.15.1 leaves \
    out only values that use `$BUILDPLATFORM` or `$TARGETPLATFORM`; BuildKit's own check accepts any variable. A variable of your \
    own (`--platform=$PLATFORM`) is still reported here, as it usually holds a fixed value. \
    A value of exactly `$TARGETPLATFORM` or `${TARGETPLATFORM}` only repeats the default; \
    DL3065 reports it and offers to remove it, as in hadolint. Each stage's `FROM` is checked.

    ## Example
    ```dockerfile
    FROM --platform=linux/amd64 debian:12
    ```

    ## Use instead
    ```dockerfile
    FROM --platform=$BUILDPLATFORM golang:1.22 AS build
    FROM debian:12
    ```

    There is no fix: which platform the build should target is for you to decide.
    """

  /// The platform arguments that BuildKit sets for every build.
  static let automaticArguments: Set<String> = [
    "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
  ]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for instruction in context.instructions where instruction.kind == .from {
      for flag in instruction.flags where flag.name == "platform" {
        guard let value = flag.value, !value.isEmpty else { continue }
        // DL3065 reports this exact value as redundant, so one finding is enough.
        if value == "$TARGETPLATFORM" || value == "${TARGETPLATFORM}" { continue }
        let variables = Set(FromImage.variableNames(in: value))
        guard variables.isDisjoint(with: Self.automaticArguments) else { continue }
        findings.append(finding(flag.range, "Do not pin the platform of `FROM` with `--platform=\(value)`"))
      }
    }
  }
}
