/// Reports a `FROM` image tagged `latest`.
struct DL3007: Rule {
  static let id = "DL3007"
  static let title = "Do not use the latest tag"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    `latest` is not a version: the publisher moves it to every new release, so the image under \
    it changes without notice and two builds of the same Dockerfile can differ. Naming a \
    release tag such as `debian:12` or `python:3.12-slim` keeps builds repeatable and makes an \
    upgrade a visible change in the file.

    An image that also carries a digest (`debian:latest@sha256:…`) is pinned by the digest and \
    is not reported. Each stage's `FROM` is checked.

    ## Example
    ```dockerfile
    FROM debian:latest
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for image in context.fromImages() {
      guard let reference = image.stage.baseImage, reference.tag == "latest", reference.digest == nil else { continue }
      findings.append(finding(tagRange(image.token), "Image `\(image.token.text)` uses the `latest` tag; pin a release tag"))
    }
  }

  /// Returns the range of `:latest` when the word has no line continuation inside, else the whole word.
  func tagRange(_ token: ArgumentToken) -> Range<Int> {
    let utf8 = Array(token.text.utf8)
    let suffix = Array(":latest".utf8)
    guard utf8.count == token.range.count, utf8.count >= suffix.count, Array(utf8.suffix(suffix.count)) == suffix else {
      return token.range
    }
    return (token.range.upperBound - suffix.count)..<token.range.upperBound
  }
}
