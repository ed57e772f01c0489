import Foundation

/// The `docker-lsp` executable that `swift build` put beside the test bundle.
enum BuiltBinary {
  /// On macOS the bundle URL is the `.xctest` directory inside the build directory; on Linux
  /// Foundation reports the directory of the `.xctest` executable, the build directory itself.
  static var url: URL {
    let bundle = Bundle(for: BundleMarker.self).bundleURL
    let buildDirectory = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    return buildDirectory.appendingPathComponent("docker-lsp")
  }

  private final class BundleMarker {}
}
