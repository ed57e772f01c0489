import Analysis
import Foundation

/// `docker-lsp parse --json FILE`: prints the instructions in the shape of BuildKit's parser.
enum ParseCommand {
  static func run(_ arguments: [String]) -> Int32 {
    // TODO: placeholder until the BuildKit projection lands.
    CommandLineTool.writeError("docker-lsp parse: not available yet\n")
    return 2
  }
}
