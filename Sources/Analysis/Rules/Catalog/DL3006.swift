/// Reports a `FROM` image without a tag or digest.
struct DL3006: Rule {
  static let id = "DL3006"
  static let title = "Tag the FROM image explicitly"
  static let defaultSeverity = Severity.warning
  static let scope = RuleScope.stage
  static let documentation = """
    ## Why
    An image without a tag means `:latest`, which points to a different image whenever the \
    publisher pushes a new one. The same Dockerfile then builds on another operating system \
    release or language version from one day to the next, and a build that worked can break \
    without any change in the repository. A tag such as `debian:12` (or a digest) fixes the base.

    `scratch` and the names of earlier stages (`FROM builder`) need no tag. A base built from \
    global `ARG`s is checked with their defaults: after `ARG BASE=debian:12`, `FROM $BASE` is \
    tagged, and after `ARG BASE=debian` it is not. When a variable without a default could \
    hold the tag (`FROM debian$SUFFIX`, or `FROM $BASE` after `ARG BASE`), the rule stays \
    quiet. hadolint does not read `ARG` defaults: it reports `FROM debian$SUFFIX` although \
    the tag may come from the variable, and ignores a base that starts with a variable. \
    Every stage is checked.

    ## Example
    ```dockerfile
    FROM debian
    ```

    ## Use instead
    ```dockerfile
    FROM debian:12
    ```
    """

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for image in context.fromImages() {
      guard let reference = image.reference, reference.tag == nil, reference.digest == nil else { continue }
      // A variable of unknown value in the last path component may carry the tag.
      let lastComponent = image.resolved.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
      guard !lastComponent.contains(FromImage.unknown) else { continue }
      findings.append(finding(image.token.range, "Image `\(image.token.text)` has no tag; pin a version explicitly"))
    }
  }
}
