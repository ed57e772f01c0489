import XCTest
@testable import Analysis

final class LayersTests: XCTestCase {
  private func model(_ text: String) -> (RuleContext, LayerModel) {
    let context = RuleContext(document: Document(text: text))
    return (context, LayerModel(context: context))
  }

  private func added(_ text: String, instruction: Int) -> [String] {
    model(text).1.layer(ofInstructionAt: instruction)?.added.map(\.path) ?? []
  }

  private func deleted(_ text: String, instruction: Int) -> [String] {
    model(text).1.layer(ofInstructionAt: instruction)?.deleted.map(\.path) ?? []
  }

  func testOnlyRunCopyAndAddCreateLayers() {
    let (_, layers) = model("FROM alpine\nENV A=1\nRUN true\nCOPY a /a\nADD b /b\nWORKDIR /x\nCMD [\"sh\"]\n")
    XCTAssertEqual(layers.layerIndexOfInstruction, [nil, nil, 0, 1, 2, nil, nil])
    XCTAssertEqual(layers.layers.map(\.instructionIndex), [2, 3, 4])
  }

  func testCopyDestinations() {
    XCTAssertEqual(added("FROM alpine\nCOPY app.tar.gz /tmp/\n", instruction: 1), ["/tmp/app.tar.gz"])
    XCTAssertEqual(added("FROM alpine\nCOPY a.txt /srv/b.txt\n", instruction: 1), ["/srv/b.txt"])
    XCTAssertEqual(added("FROM alpine\nCOPY a b /dst\n", instruction: 1), ["/dst/a", "/dst/b"])
    XCTAssertEqual(added("FROM alpine\nWORKDIR /app\nCOPY [\"x.zip\", \"./\"]\n", instruction: 2), ["/app/x.zip"])
    XCTAssertEqual(added("FROM alpine\nCOPY a $DEST\n", instruction: 1), [])
  }

  func testWorkdirResolution() {
    let text = "FROM scratch AS a\nWORKDIR /opt\nWORKDIR app\nFROM a\nRUN mkdir -p data\nFROM alpine\nRUN mkdir data\n"
    let (_, layers) = model(text)
    XCTAssertEqual(layers.workdirOfInstruction[2], "/opt/app")
    XCTAssertEqual(layers.layer(ofInstructionAt: 4)?.added.map(\.path), ["/opt/app/data"])
    // The WORKDIR of an external image is unknown, so a relative path is left out.
    XCTAssertEqual(layers.layer(ofInstructionAt: 6)?.added.map(\.path), [])
  }

  func testDownloads() {
    let run = "FROM alpine\nWORKDIR /tmp\nRUN "
    XCTAssertEqual(added(run + "curl -fsSL -o /tmp/a.tgz https://x.example/a.tgz\n", instruction: 2), ["/tmp/a.tgz"])
    XCTAssertEqual(added(run + "curl --output=b.tgz https://x.example/b.tgz\n", instruction: 2), ["/tmp/b.tgz"])
    XCTAssertEqual(added(run + "curl -LO https://x.example/dir/c.tar.gz?x=1\n", instruction: 2), ["/tmp/c.tar.gz"])
    XCTAssertEqual(added(run + "wget https://x.example/d.zip\n", instruction: 2), ["/tmp/d.zip"])
    XCTAssertEqual(added(run + "wget -qO /opt/e.zip https://x.example/d.zip\n", instruction: 2), ["/opt/e.zip"])
    XCTAssertEqual(added(run + "wget --output-document=f https://x.example/d.zip\n", instruction: 2), ["/tmp/f"])
    XCTAssertEqual(added(run + "wget -qO- https://x.example/d.zip | tar -xz -C /opt\n", instruction: 2), ["/opt"])
    XCTAssertEqual(added(run + "curl -H 'X: -o' https://x.example/a > out.json\n", instruction: 2), ["/tmp/out.json"])
  }

  func testExtractionCloneAndDirectories() {
    let (_, layers) = model("FROM alpine\nRUN cd /src && tar xzf /tmp/a.tgz && unzip -q b.zip -d /opt/b && git clone https://x.example/r.git && mkdir -p -m 755 /data\n")
    let layer = layers.layer(ofInstructionAt: 1)
    XCTAssertEqual(layer?.added.map(\.path), ["/src", "/opt/b", "/src/r", "/data"])
    XCTAssertEqual(layer?.added.map(\.origin), [.extraction, .extraction, .clone, .directory])
    XCTAssertEqual(layer?.extracted.map(\.path), ["/tmp/a.tgz", "/src/b.zip"])
  }

  func testDeletionsAndPackageCaches() {
    let text = "FROM debian\nRUN apt-get update && apt-get clean && rm -rf /var/lib/apt/lists/* /tmp/*.tgz\n"
    let (_, layers) = model(text)
    let layer = layers.layer(ofInstructionAt: 1)
    XCTAssertEqual(layer?.added.map(\.path), ["/var/lib/apt/lists"])
    XCTAssertEqual(layer?.deleted.map(\.path), ["/var/cache/apt/archives/*", "/var/lib/apt/lists/*", "/tmp/*.tgz"])
    XCTAssertEqual(deleted("FROM fedora\nRUN yum clean all && dnf clean all\n", instruction: 1), ["/var/cache/yum/*", "/var/cache/dnf/*"])
  }

  func testCommandRangesMapToSource() {
    let text = "FROM alpine\nRUN true \\\n  && rm -f /a\n"
    let (_, layers) = model(text)
    let range = layers.layer(ofInstructionAt: 1)!.deleted[0].range
    let bytes = Array(text.utf8)
    XCTAssertEqual(String(decoding: bytes[range], as: UTF8.self), "rm -f /a")
  }

  func testDeletionMatching() {
    func deletes(_ pattern: String, _ path: String, _ origin: LayerPath.Origin = .download) -> Bool {
      var added = LayerPath(path: path, origin: origin, range: 0..<0)
      added.coversContents = origin == .packageCache
      return LayerPath(path: pattern, origin: .removal, range: 0..<0).deletes(added)
    }
    XCTAssertTrue(deletes("/tmp/a.tgz", "/tmp/a.tgz"))
    XCTAssertTrue(deletes("/tmp", "/tmp/a.tgz"))
    XCTAssertTrue(deletes("/tmp/*.tgz", "/tmp/a.tgz"))
    XCTAssertTrue(deletes("/tmp/[ab].tgz", "/tmp/a.tgz"))
    XCTAssertFalse(deletes("/tmp/*.zip", "/tmp/a.tgz"))
    XCTAssertFalse(deletes("/tmp/*", "/tmp/.hidden"))
    XCTAssertTrue(deletes("/var/lib/apt/lists/*", "/var/lib/apt/lists", .packageCache))
    XCTAssertFalse(deletes("/opt/b/x", "/opt/b", .extraction))
  }

  func testStageGraph() {
    let text = """
      FROM golang AS build
      RUN go build -o /app
      FROM alpine AS rootfs
      RUN apk add curl
      FROM build AS tested
      RUN --mount=from=build,target=/x true
      FROM scratch
      COPY --from=rootfs / /
      COPY --from=build /app /app
      """
    let context = RuleContext(document: Document(text: text))
    let graph = StageGraph(model: context.model, instructions: context.instructions)
    XCTAssertEqual(graph.finalStageIndex, 3)
    XCTAssertEqual(graph.copiesFrom, [[], [], [0], [0, 1]])
    XCTAssertEqual(graph.isCopiedWhole, [false, true, false, false])
    XCTAssertEqual(graph.isBase, [true, false, false, false])
    XCTAssertEqual(graph.shippedStages, [1, 3])
  }

  func testFinalStageBuiltOnEarlierStageShipsIt() {
    let context = RuleContext(document: Document(text: "FROM debian AS base\nFROM base\n"))
    let graph = StageGraph(model: context.model, instructions: context.instructions)
    XCTAssertEqual(graph.shippedStages, [0, 1])
  }
}

extension LayersTests {
  func testHeredocBodyRangesMapToSource() {
    let text = "FROM alpine\nRUN <<EOF\nmkdir /data\nrm -rf /tmp/x\nEOF\n"
    let (_, layers) = model(text)
    let layer = layers.layer(ofInstructionAt: 1)
    XCTAssertEqual(layer?.added.map(\.path), ["/data"])
    let range = layer!.deleted[0].range
    XCTAssertEqual(String(decoding: Array(text.utf8)[range], as: UTF8.self), "rm -rf /tmp/x")
  }

  func testCdInsideRunResolvesLaterPaths() {
    XCTAssertEqual(added("FROM alpine\nRUN cd /opt && mkdir a ../b\n", instruction: 1), ["/opt/a", "/b"])
    // A `cd` in a subshell or a branch makes the directory unknown rather than guessed.
    XCTAssertEqual(added("FROM alpine\nRUN cd /opt && mkdir a && (cd /x) && mkdir b\n", instruction: 1), ["/opt/a"])
    XCTAssertEqual(added("FROM alpine\nRUN if true; then cd /opt; fi && mkdir /abs c\n", instruction: 1), ["/abs"])
  }

  func testResolveNormalisesPaths() {
    let cases: [(path: String, directory: String?, expected: String?)] = [
      ("/usr/bin", nil, "/usr/bin"), ("/", nil, "/"), ("bin", "/usr", "/usr/bin"), ("bin", "/", "/bin"),
      ("bin", nil, nil), ("", "/usr", nil), ("/a//b/", nil, "/a/b"), ("./x", "/w", "/w/x"), ("../x", "/w/v", "/w/x"),
      ("/a/./b/../c", nil, "/a/c"), ("...", "/w", "/w/..."), (".hidden/..a", "/", "/.hidden/..a"), ("x/", "/w", "/w/x"),
      ("/..", nil, "/"), ("a/..", "/w", "/w"),
    ]
    for (path, directory, expected) in cases {
      XCTAssertEqual(PathPattern.resolve(path, in: directory), expected, "\(path) in \(directory ?? "nil")")
    }
  }
}
