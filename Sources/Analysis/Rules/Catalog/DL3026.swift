/// Reports a `FROM` image from a registry outside the configured trusted registries.
struct DL3026: Rule {
  static let id = "DL3026"
  static let title = "Use only trusted registries"
  static let defaultSeverity = Severity.error
  static let scope = RuleScope.stage
  static let exampleSettings = RuleSettings(trustedRegistries: ["registry.example.com"])
  static let documentation = """
    ## Why
    Base images run with full access to everything the build and the container touch. An \
    organisation that mirrors or vets its images lists the registries it trusts \
    (`trustedRegistries` in `.hadolint.yaml`, or `--trusted-registry`), and this rule reports \
    every `FROM` that pulls from somewhere else. Without that setting the rule is silent.

    An image without a registry comes from Docker Hub, which `docker.io` (or `hub.docker.com`) \
    in the list allows. A pattern may start or end with `*`: `*.example.com` allows every host \
    under `example.com`, and `*` allows all. Registry names are compared without regard to \
    case, as host names are. `scratch` and earlier stages (`FROM builder`) are not pulled and \
    are always fine. Global `ARG` defaults are substituted; a registry that comes from a \
    variable without a default is not checked. As in hadolint, the images that \
    `COPY --from=` and `RUN --mount=…,from=` read from are checked too.

    ## Example
    ```dockerfile
    # With trustedRegistries: [registry.example.com]
    FROM debian:12
    ```

    ## Use instead
    ```dockerfile
    # With trustedRegistries: [registry.example.com]
    FROM registry.example.com/debian:12
    ```
    """

  /// The names of Docker Hub that may appear in the settings or in an image.
  static let dockerHubNames: Set<String> = ["docker.io", "index.docker.io", "registry-1.docker.io", "hub.docker.com"]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let trusted = context.settings.trustedRegistries.map { $0.lowercased() }
    guard !trusted.isEmpty else { return }
    for image in context.fromImages() {
      guard let reference = image.reference else { continue }
      let firstComponent = image.resolved.split(separator: "/", omittingEmptySubsequences: false).first ?? ""
      guard !firstComponent.contains(FromImage.unknown) else { continue }
      report(reference, text: image.token.text, range: image.token.range, trusted: trusted, into: &findings)
    }

    // Images that `COPY --from` and `RUN --mount=…,from=` read files from.
    let stageNames = Set(context.model.stages.compactMap(\.name))
    for instruction in context.instructions {
      var sources: [(text: String, range: Range<Int>)] = []
      if instruction.kind == .copy, let flag = instruction.flag("from"), let value = flag.value {
        sources.append((value, flag.range))
      } else if instruction.kind == .run {
        for flag in instruction.flags where flag.name == "mount" {
          guard let value = flag.value, let from = Self.mountSource(value) else { continue }
          sources.append((from, flag.range))
        }
      }
      for source in sources {
        let lowered = source.text.lowercased()
        guard !source.text.contains("$"), !stageNames.contains(lowered), !lowered.allSatisfy({ $0.isASCII && $0.isNumber }),
              let reference = ImageReference(source.text) else { continue }
        report(reference, text: source.text, range: source.range, trusted: trusted, into: &findings)
      }
    }
  }

  /// Appends a finding when the registry of `reference` matches no trusted pattern.
  func report(_ reference: ImageReference, text: String, range: Range<Int>, trusted: [String], into findings: inout [Finding]) {
    let registry = reference.registry?.lowercased() ?? "docker.io"
    let candidates = Self.dockerHubNames.contains(registry) ? Array(Self.dockerHubNames) : [registry]
    guard !trusted.contains(where: { pattern in candidates.contains { Self.matches($0, pattern: pattern) } }) else { return }
    findings.append(finding(range, "Image `\(text)` comes from `\(registry)`, which is not a trusted registry"))
  }

  /// Returns whether `registry` fits `pattern`: `*` fits all, `*.example.com` fits by suffix,
  /// `registry.*` fits by prefix, and any other pattern fits exactly.
  static func matches(_ registry: String, pattern: String) -> Bool {
    if pattern == "*" { return true }
    if pattern.hasPrefix("*") { return registry.hasSuffix(pattern.dropFirst()) }
    if pattern.hasSuffix("*") { return registry.hasPrefix(pattern.dropLast()) }
    return registry == pattern
  }

  /// Returns the `from=` image of a bind or cache mount, or nil.
  static func mountSource(_ value: String) -> String? {
    var type = "bind"
    var from: String?
    for field in value.split(separator: ",") {
      let parts = field.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { continue }
      switch parts[0].lowercased() {
      case "type": type = parts[1].lowercased()
      case "from": from = parts[1]
      default: break
      }
    }
    return type == "bind" || type == "cache" ? from : nil
  }
}
