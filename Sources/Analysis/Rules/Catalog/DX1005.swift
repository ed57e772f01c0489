/// Reports compilers and development packages installed in the shipped image and never removed.
struct DX1005: Rule {
  static let id = "DX1005"
  static let title = "Keep build tools out of the final image"
  static let defaultSeverity = Severity.info
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    Compilers, build systems and header packages (`gcc`, `g++`, `clang`, `make`, `cmake`, \
    `build-essential`, `build-base`, `*-dev`, `*-devel`) are needed to build software, not to \
    run it. Left in the final image they add tens to hundreds of megabytes and give an \
    attacker a toolchain.

    Either build in a separate stage and copy only the result into the final stage \
    (multi-stage build), or install, use and remove them in one `RUN`; with apk, \
    `apk add --virtual .build-deps gcc musl-dev && … && apk del .build-deps` removes the \
    whole group by one name.

    The rule looks at the stages that ship (the final stage, the stages it is built on, and \
    those whose whole filesystem it copies). A package counts as removed when a `RUN` of the \
    same stage removes it, or removes the apk virtual package it was installed under, or when \
    its own `RUN` marks packages automatic with `apt-mark auto` and then runs \
    `apt-get purge --auto-remove` or `apt-get autoremove`. \
    Removing it in a later `RUN` is DX1004's concern.

    ## Example
    ```dockerfile
    FROM debian:bookworm-slim
    RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \\
        && rm -rf /var/lib/apt/lists/*
    ```

    ## Use instead
    ```dockerfile
    FROM debian:bookworm AS build
    RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev
    FROM debian:bookworm-slim
    COPY --from=build /usr/local/bin/tool /usr/local/bin/tool
    ```
    """

  static let buildTools: Set<String> = ["gcc", "g++", "gcc-c++", "clang", "make", "cmake", "build-essential",
                                        "build-base", "autoconf", "automake", "libtool"]

  static func isBuildOnly(_ name: String) -> Bool {
    buildTools.contains(name) || name.hasSuffix("-dev") || name.hasSuffix("-devel")
  }

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let graph = context.stageGraph
    for stageIndex in graph.shippedStages.sorted() {
      let packages = StagePackages(stage: context.model.stages[stageIndex], context: context)
      let removedNames = Set(packages.removed.map(\.name))
      for (index, entry) in packages.installed.enumerated() where Self.isBuildOnly(entry.name) {
        if removedNames.contains(entry.name) || packages.autoRemoved.contains(index) { continue }
        if let group = packages.virtualGroup[index], removedNames.contains(group) { continue }
        findings.append(finding(entry.wordRange, "The build tool `\(entry.name)` is installed in the shipped image and never removed"))
      }
    }
  }
}
