/// Reports a `FROM` image from a registry outside the configured trusted registries.
struct DL3026: Rule {
  static let id = "DL3026"
  static let title = "Use only trusted registries"
  static let defaultSeverity = Severity.error
  static let documentation = """
    ## Why
    Base images run with full access to everything the build and the container touch. An \
    organisation that mirrors or vets its images lists the registries it trusts \
    (`trustedRegistries` in `.hadolint.yaml`, or `--trusted-registry`), and this rule reports \
    every `FROM` that pulls from somewhere else. Without that setting the rule is silent.

    An image without a registry comes from Docker Hub, which `docker.io` (or `hub.docker.com`) \
    in the list allows. `scratch` and earlier stages (`FROM builder`) are not pulled and are \
    always fine. Global `ARG` defaults are substituted; a registry that comes from a variable \
    without a default is not checked.

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
    var trusted = Set(context.settings.trustedRegistries.map { $0.lowercased() })
    guard !trusted.isEmpty else { return }
    if !trusted.isDisjoint(with: Self.dockerHubNames) { trusted.formUnion(Self.dockerHubNames) }
    for image in context.fromImages() {
      guard let reference = image.reference else { continue }
      let firstComponent = image.resolved.split(separator: "/", omittingEmptySubsequences: false).first ?? ""
      guard !firstComponent.contains(FromImage.unknown) else { continue }
      let registry = reference.registry?.lowercased() ?? "docker.io"
      guard !trusted.contains(registry) else { continue }
      findings.append(finding(image.token.range, "Image `\(image.token.text)` comes from `\(registry)`, which is not a trusted registry"))
    }
  }
}
