import Foundation

@main
struct EntryPoint {
  static func main() {
    FileHandle.standardError.write(Data("docker-lsp: not implemented yet\n".utf8))
    exit(2)
  }
}
