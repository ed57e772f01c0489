/// Reports a shipped stage built on a large general-purpose image that has a smaller variant.
struct DX1001: Rule {
  static let id = "DX1001"
  static let title = "Use a smaller variant of the base image"
  static let defaultSeverity = Severity.info
  static let documentation = """
    ## Why
    Full distribution images (`ubuntu`, `debian`, `centos`, `fedora`) and the default tags of \
    language images (`python:3.12`, `node:20`, `golang:1.22`, `ruby`, `php`, `openjdk`) \
    include compilers, headers and tools that a running application seldom needs: they \
    weigh hundreds of megabytes more than their `-slim` or `-alpine` variants, and every \
    extra package is more to patch. Build on the full image in a builder stage if you need \
    its tools, and ship the small variant.

    Only the image that ships is checked: the base of the final stage, following `FROM` \
    through earlier stages to the external image, and the stages whose whole filesystem the \
    final stage copies. Builder stages may use any image. Images from registries other than \
    Docker Hub are not checked.

    ## Example
    ```dockerfile
    FROM python:3.12
    COPY app.py /app/
    CMD ["python", "/app/app.py"]
    ```

    ## Use instead
    ```dockerfile
    FROM python:3.12-slim
    COPY app.py /app/
    CMD ["python", "/app/app.py"]
    ```

    ## Fix
    "Switch to `<image>`" is a refactoring, never applied by fix-all: the small variant may \
    lack a library or tool the image relies on (alpine uses musl instead of glibc). It is \
    offered where the variant's name is certain: `python`, `ruby` and `debian` get `-slim`, \
    `node` and `golang` get `-alpine`, for a plain version tag, a Debian codename or no tag. \
    Other images get the advice only.
    """

  /// Images whose every tag is a full distribution.
  static let distributionImages: Set<String> = ["ubuntu", "centos", "fedora", "debian", "rockylinux", "almalinux",
                                                "amazonlinux", "oraclelinux"]
  /// Language images whose default tags are built on a full distribution.
  static let languageImages: Set<String> = ["python", "node", "golang", "ruby", "php", "openjdk", "perl", "rust",
                                            "gradle", "maven", "elixir", "erlang", "haskell", "buildpack-deps"]
  /// The suffix of the small variant, where its name follows the tag with certainty.
  static let smallSuffix: [String: String] = ["python": "-slim", "ruby": "-slim", "node": "-alpine",
                                              "golang": "-alpine", "debian": "-slim"]
  /// Words in a tag that already mean a small variant.
  static let smallMarkers = ["slim", "alpine", "minimal", "distroless", "micro", "busybox", "ubi-minimal", "nanoserver"]
  static let debianCodenames: Set<String> = ["buster", "bullseye", "bookworm", "trixie", "stable", "oldstable"]

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let graph = StageGraph(model: context.model, instructions: context.instructions)
    for stageIndex in graph.shippedStages.sorted() {
      let stage = context.model.stages[stageIndex]
      guard let image = stage.baseImage, !stage.baseImageText.contains("$") else { continue }
      guard image.registry == nil || image.registry == "docker.io" || image.registry == "index.docker.io" else { continue }
      let name = image.repository.lowercased().hasPrefix("library/") ? String(image.repository.dropFirst(8)) : image.repository.lowercased()
      let tag = image.tag?.lowercased()
      guard Self.distributionImages.contains(name) || Self.languageImages.contains(name) else { continue }
      if let tag, Self.smallMarkers.contains(where: { tag.contains($0) }) { continue }

      let instruction = context.instructions[stage.fromInstructionIndex]
      guard let wordRange = instruction.firstArgumentWordRange else { continue }
      let range = instruction.arguments.sourceRange(wordRange)
      var fixes: [Fix] = []
      if let replacement = Self.smallVariant(name: name, tag: tag, image: image, written: stage.baseImageText) {
        fixes.append(Fix(title: "Switch to `\(replacement)`", edits: [TextEdit(range: range, newText: replacement)],
                         kind: .refactor, isPreferred: false))
      }
      findings.append(finding(range, "The image ships on `\(stage.baseImageText)`, a large image with a smaller variant", fixes: fixes))
    }
  }

  /// Returns the image text with the small variant's tag, or nil when its name is not certain.
  static func smallVariant(name: String, tag: String?, image: ImageReference, written: String) -> String? {
    guard image.digest == nil, let suffix = smallSuffix[name] else { return nil }
    let newTag: String
    if let tag, tag != "latest" {
      let isVersion = tag.allSatisfy { $0.isNumber || $0 == "." } && tag.first?.isNumber == true
      let isCodename = name == "debian" && debianCodenames.contains(tag)
      guard isVersion || isCodename else { return nil }
      // The distribution images have no `-slim` for a version with a minor part (`debian:12.5`).
      if name == "debian" && isVersion && tag.contains(".") { return nil }
      newTag = tag + suffix
    } else {
      newTag = String(suffix.dropFirst())
    }
    let base = image.tag == nil ? written : String(written.dropLast(image.tag!.count + 1))
    return base + ":" + newTag
  }
}
