import XCTest
@testable import Analysis

final class DX1002Tests: XCTestCase {
  let goBuild = "FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\n"

  func testBinaryOnDebian() {
    let text = goBuild + "RUN go build -o /out/app .\nFROM 1️⃣debian:bookworm2️⃣\nCOPY --from=build /out/app /usr/local/bin/\nUSER 65534\nENTRYPOINT [\"/usr/local/bin/app\"]\n"
    assertFindings(DX1002.self, text, [FindingSpec("1️⃣", "2️⃣", message: "The final stage only runs a copied binary, so `debian:bookworm` can be replaced by `scratch` or a distroless image")])
    assertNoFix(DX1002.self, extractMarkers(text).text)
  }

  func testStaticGoBuildGetsScratchFix() {
    let tail = "FROM alpine:3.20\nWORKDIR /app\nCOPY --from=build /out/app app\nCMD [\"./app\"]\n"
    for build in ["RUN CGO_ENABLED=0 go build -o /out/app .\n", "ENV CGO_ENABLED=0\nRUN go build -o /out/app .\n",
                  "RUN export CGO_ENABLED=0 && go build -o /out/app .\n", "RUN env CGO_ENABLED=0 go build -o /out/app .\n"] {
      assertFix(DX1002.self, before: goBuild + build + tail,
                after: goBuild + build + tail.replacingOccurrences(of: "alpine:3.20", with: "scratch"), title: "Switch to `scratch`")
    }
  }

  func testStagesThatNeedTheOSAreQuiet() {
    let head = goBuild + "RUN go build -o /out/app .\nFROM debian\nCOPY --from=build /out/app /app\n"
    assertNoFindings(DX1002.self, head + "RUN chmod +x /app\nENTRYPOINT [\"/app\"]\n")
    assertNoFindings(DX1002.self, head + "ENTRYPOINT /app\n")
    assertNoFindings(DX1002.self, head + "USER nobody\nENTRYPOINT [\"/app\"]\n")
    assertNoFindings(DX1002.self, head + "ENTRYPOINT [\"/bin/sh\", \"-c\", \"/app\"]\n")
    assertNoFindings(DX1002.self, head.replacingOccurrences(of: "FROM debian", with: "FROM gcr.io/distroless/static") + "ENTRYPOINT [\"/app\"]\n")
    assertNoFindings(DX1002.self, head.replacingOccurrences(of: "FROM debian", with: "FROM scratch") + "ENTRYPOINT [\"/app\"]\n")
  }
}
