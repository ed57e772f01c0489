// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "DockerLSP",
  products: [
    .executable(name: "docker-lsp", targets: ["DockerLSP"]),
    .library(name: "Analysis", targets: ["Analysis"]),
  ],
  targets: [
    .target(name: "Analysis"),
    .executableTarget(name: "DockerLSP", dependencies: ["Analysis"]),
    .testTarget(name: "AnalysisTests", dependencies: ["Analysis"]),
    .testTarget(name: "DockerLSPTests", dependencies: ["DockerLSP", "Analysis"]),
  ]
)
