import Analysis
import Foundation

/// `docker-lsp parse --json FILE`: prints the instructions in the shape that BuildKit's parser
/// reports them (the fields of the `dockerfile` Python package), or `{"error": …}` with exit
/// status 1 when BuildKit would reject the file.
enum ParseCommand {
  static func run(_ arguments: [String]) -> Int32 {
    let paths = arguments.filter { $0 != "--json" }
    guard arguments.contains("--json"), paths.count == 1 else {
      CommandLineTool.writeError("docker-lsp parse: usage: docker-lsp parse --json FILE\n")
      return 2
    }
    let bytes: [UInt8]
    do {
      bytes = try CommandLineTool.readInput(paths[0])
    } catch {
      CommandLineTool.writeError("docker-lsp parse: cannot read '\(paths[0])': \((error as NSError).localizedDescription)\n")
      return 2
    }

    let document = Document(bytes: bytes, skipsByteOrderMark: true)
    let output: JSONValue
    let status: Int32
    switch BuildKitProjection.project(document.tree, source: document.source) {
    case .success(let instructions):
      output = .array(instructions.map(json))
      status = 0
    case .failure(let error):
      output = ["error": .string(error.message)]
      status = 1
    }
    FileHandle.standardOutput.write(Data(JSONSerializer.serialize(output) + [UInt8(ascii: "\n")]))
    return status
  }

  static func json(_ instruction: BuildKitInstruction) -> JSONValue {
    [
      "cmd": .string(instruction.cmd),
      "sub_cmd": instruction.subCmd.map(JSONValue.string) ?? .null,
      "json": .bool(instruction.json),
      "original": .string(instruction.original),
      "start_line": .int(instruction.startLine),
      "end_line": .int(instruction.endLine),
      "flags": .array(instruction.flags.map(JSONValue.string)),
      "value": .array(instruction.value.map(JSONValue.string)),
      "heredocs": .array(instruction.heredocs.map { heredoc in
        ["name": .string(heredoc.name), "file_descriptor": .int(heredoc.fileDescriptor), "content": .string(heredoc.content)]
      }),
    ]
  }
}
