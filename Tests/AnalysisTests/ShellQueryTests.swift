import XCTest
@testable import Analysis

final class ShellQueryTests: XCTestCase {
  private func firstCommand(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> SimpleCommand {
    guard let command = ShellParser.parse(source).simpleCommands().first?.command else {
      XCTFail("no simple command in \(source)", file: file, line: line)
      return SimpleCommand(assignments: [], words: [], redirections: [], range: 0..<0)
    }
    return command
  }

  func testSimpleCommandsInExecutionOrderWithContext() {
    let source = "a $(b) | c && (d; e &) || { f; } ; if g; then h; else i; fi; for x in $(j); do k; done; "
      + "while l; do m; done; case y in z) n;; esac; fn() { o; }; p=$(q) &"
    let occurrences = ShellParser.parse(source).simpleCommands()
    let names = occurrences.map { $0.command.name ?? $0.command.assignments.first.map { $0.name + "=" } ?? "?" }
    XCTAssertEqual(names, ["b", "a", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "q", "p="])
    let contexts = Dictionary(uniqueKeysWithValues: zip(names, occurrences.map(\.context)))
    XCTAssertEqual(contexts["b"], [.commandSubstitution, .pipeline])
    XCTAssertEqual(contexts["a"], [.pipeline])
    XCTAssertEqual(contexts["c"], [.pipeline])
    XCTAssertEqual(contexts["d"], [.subshell, .afterAnd])
    XCTAssertEqual(contexts["e"], [.subshell, .afterAnd, .background])
    XCTAssertEqual(contexts["f"], [.group, .afterOr])
    XCTAssertEqual(contexts["g"], [.condition])
    XCTAssertEqual(contexts["h"], [.branch])
    XCTAssertEqual(contexts["i"], [.branch])
    XCTAssertEqual(contexts["j"], [.commandSubstitution])
    XCTAssertEqual(contexts["k"], [.loop])
    XCTAssertEqual(contexts["l"], [.loop, .condition])
    XCTAssertEqual(contexts["m"], [.loop])
    XCTAssertEqual(contexts["n"], [.branch])
    XCTAssertEqual(contexts["o"], [.group, .functionBody])
    XCTAssertEqual(contexts["q"], [.commandSubstitution, .background])
    XCTAssertEqual(contexts["p="], [.background])
  }

  func testPipelinesWithContext() {
    let source = "set -o pipefail && curl -fsSL url | sh -s -- -y; x=$(a | b) || (c | d | e)"
    let script = ShellParser.parse(source)
    let renderer = ShellTreeRenderer(source)
    let pipelines = script.pipelines()
    XCTAssertEqual(pipelines.map { renderer.render($0.pipeline) },
                   ["{set -o pipefail}", "{curl -fsSL url} | {sh -s -- -y}", "{x=$(a | b)}", "{a} | {b}",
                    "subshell({c} | {d} | {e})", "{c} | {d} | {e}"])
    XCTAssertEqual(pipelines.map(\.context), [[], .afterAnd, [], .commandSubstitution, .afterOr, [.afterOr, .subshell]])
    XCTAssertEqual(pipelines[1].pipeline.range, byteRange(of: "curl -fsSL url | sh -s -- -y", in: source))
    XCTAssertEqual(pipelines.filter { $0.pipeline.commands.count > 1 }.count, 3)
  }

  func testSetPipefailOptionSpellings() {
    let syntax = ShellOptionSyntax(short: "o")
    let cases: [(String, [String?])] = [
      ("set -o pipefail", ["pipefail"]),
      ("set -eux -o pipefail", ["pipefail"]),
      ("set -euxo pipefail", ["pipefail"]),
      ("set -opipefail", ["pipefail"]),
      ("set -e", []),
      ("set +o pipefail", []),
    ]
    for (source, expected) in cases {
      let invocation = ShellParser.parse(source).simpleCommands()[0].invocation
      XCTAssertEqual(invocation.optionValues(short: "o", syntax: syntax), expected, source)
    }
  }

  func testRunsInScriptShell() {
    XCTAssertTrue(ShellCommandContext([.group, .branch, .afterOr]).runsInScriptShell)
    XCTAssertFalse(ShellCommandContext([.group, .subshell]).runsInScriptShell)
    XCTAssertFalse(ShellCommandContext.pipeline.runsInScriptShell)
    XCTAssertFalse(ShellCommandContext.functionBody.runsInScriptShell)
  }

  func testSubstitutionsInsideParameterAndRedirection() {
    let source = "echo ${x:-$(a)} >\"$(b)\""
    let names = ShellParser.parse(source).simpleCommands().map { $0.command.name }
    XCTAssertEqual(names, ["a", "b", "echo"])
  }

  func testNameAndArguments() {
    let command = firstCommand("FOO=1 \"apt-get\" install -y 'curl' >/dev/null")
    XCTAssertEqual(command.name, "apt-get")
    XCTAssertEqual(command.nameWord?.range, 6..<15)
    XCTAssertEqual(command.arguments.map(\.literalValue), ["install", "-y", "curl"])
    XCTAssertNil(firstCommand("$CMD arg").name)
    XCTAssertNil(firstCommand("FOO=1").name)
    XCTAssertEqual(firstCommand("FOO=1").arguments, [])
  }

  func testUnwrappedInvocationTable() {
    let cases: [(String, String?, [String], [String])] = [
      // (source, name, arguments, wrappers)
      ("sudo -E -u root apt-get install x", "apt-get", ["install", "x"], ["sudo"]),
      ("sudo --user=root DEBIAN_FRONTEND=noninteractive apt-get -y", "apt-get", ["-y"], ["sudo"]),
      ("env -i A=1 B=2 /usr/bin/pip install x", "/usr/bin/pip", ["install", "x"], ["env"]),
      ("env - A=1 cmd", "cmd", [], ["env"]),
      ("nice -n 10 ionice -c2 -n7 make -j4", "make", ["-j4"], ["nice", "ionice"]),
      ("nohup time -p cmd a", "cmd", ["a"], ["nohup", "time"]),
      ("command -p cd /x", "cd", ["/x"], ["command"]),
      ("exec -a name server --port 80", "server", ["--port", "80"], ["exec"]),
      ("timeout -s KILL 30s curl -f url", "curl", ["-f", "url"], ["timeout"]),
      ("stdbuf -oL tail -f log", "tail", ["-f", "log"], ["stdbuf"]),
      ("gosu app:app node server.js", "node", ["server.js"], ["gosu"]),
      ("/sbin/tini -- nginx -g daemon", "nginx", ["-g", "daemon"], ["/sbin/tini"]),
      ("builtin cd /tmp", "cd", ["/tmp"], ["builtin"]),
      ("sudo -- rm -rf /x", "rm", ["-rf", "/x"], ["sudo"]),
      // Not unwrapped: no command follows, or the wrapper only looks the name up.
      ("sudo -i", "sudo", ["-i"], []),
      ("exec", "exec", [], []),
      ("command -v curl", "command", ["-v", "curl"], []),
      ("env -S 'a b'", "env", ["-S", "'a b'"], []),
      ("env", "env", [], []),
      ("apt-get install sudo", "apt-get", ["install", "sudo"], []),
    ]
    for (source, name, arguments, wrappers) in cases {
      let command = firstCommand(source)
      let invocation = command.unwrappedInvocation
      XCTAssertEqual(invocation.name, name, source)
      XCTAssertEqual(invocation.arguments.map { $0.literalValue ?? "" }, arguments.map { $0 == "'a b'" ? "a b" : $0 }, source)
      XCTAssertEqual(invocation.wrappers.map { $0.literalValue ?? "" }, wrappers, source)
    }
  }

  func testBaseName() {
    XCTAssertEqual(firstCommand("/usr/bin/apt-get update").invocation.baseName, "apt-get")
    XCTAssertEqual(firstCommand("apk add").invocation.baseName, "apk")
    XCTAssertNil(firstCommand("$X add").invocation.baseName)
  }

  private let aptGetSyntax = ShellOptionSyntax(short: "oct", long: ["option", "config-file", "target-release"])

  func testHasOptionTable() {
    let cases: [(String, Bool)] = [
      ("apt-get install -y curl", true),
      ("apt-get install -qy curl", true),
      ("apt-get -yq install curl", true),
      ("apt-get install --yes curl", true),
      ("apt-get install --assume-yes curl", true),
      ("apt-get install --assume-yes=true curl", true),
      ("apt-get install curl -y", true),
      ("apt-get install \"-y\" curl", true),
      ("apt-get install curl", false),
      ("apt-get install -o Dpkg::Options::=--force-confdef curl", false),
      ("apt-get install -oAPT::Get::Assume-Yes=true curl", false),
      ("apt-get install -o -y curl", false),
      ("apt-get install --option -y curl", false),
      ("apt-get install -- -y", false),
      ("apt-get install yes", false),
      ("apt-get install --yes-no curl", false),
      ("apt-get install $FLAGS curl", false),
    ]
    for (source, expected) in cases {
      let invocation = firstCommand(source).unwrappedInvocation
      XCTAssertEqual(invocation.hasOption(short: "y", long: ["yes", "assume-yes"], syntax: aptGetSyntax), expected, source)
    }
  }

  func testOptionValuesAndPositionalArguments() {
    let invocation = firstCommand("apt-get -o A=1 -oB=2 --option=C=3 --option D=4 install -q curl -- -weird").unwrappedInvocation
    XCTAssertEqual(invocation.optionValues(short: "o", long: ["option"], syntax: aptGetSyntax), ["A=1", "B=2", "C=3", "D=4"])
    XCTAssertEqual(invocation.positionalArguments(syntax: aptGetSyntax).map(\.literalValue), ["install", "curl", "-weird"])
    XCTAssertEqual(invocation.optionValues(short: "q", syntax: aptGetSyntax), [nil])
    let parsed = invocation.parsedArguments(syntax: aptGetSyntax)
    XCTAssertEqual(parsed.options.map(\.name), ["o", "o", "option", "option", "q"])
    XCTAssertEqual(parsed.options[0].valueWord?.literalValue, "A=1")
    XCTAssertEqual(parsed.options[1].valueWord, parsed.options[1].word)
    XCTAssertEqual(parsed.optionsEndIndex, 10)
  }

  func testOptionParsingStopsAtFirstPositionalWhenAsked() {
    let invocation = firstCommand("sh -e -c 'echo -x' arg0 -v").invocation
    let syntax = ShellOptionSyntax(short: "co", stopsAtFirstPositional: true)
    XCTAssertEqual(invocation.optionValues(short: "c", syntax: syntax), ["echo -x"])
    XCTAssertFalse(invocation.hasOption(short: "v", syntax: syntax))
    XCTAssertEqual(invocation.positionalArguments(syntax: syntax).map(\.literalValue), ["arg0", "-v"])
    XCTAssertTrue(invocation.hasOption(short: "v", syntax: ShellOptionSyntax(short: "co")))
  }

  func testOptionsInWordsWithExpansions() {
    let invocation = ShellParser.parse("make -j\"$(nproc)\" --prefix=\"$DIR\" -C$SRC --$NAME $TARGET -q").simpleCommands().last!.invocation
    let parsed = invocation.parsedArguments(syntax: ShellOptionSyntax(short: "C"))
    XCTAssertEqual(parsed.options.map(\.name), ["j", "prefix", "C", "q"])
    XCTAssertEqual(parsed.options.map(\.value), [nil, nil, nil, nil])
    XCTAssertEqual(parsed.options[2].valueWord, parsed.options[2].word)
    XCTAssertEqual(parsed.positionalArguments.map(\.literalPrefix), ["--", ""])
    XCTAssertTrue(invocation.hasOption(short: "j"))
    XCTAssertTrue(invocation.hasOption(long: ["prefix"]))
  }

  func testLiteralPrefix() {
    let command = ShellParser.parse("echo pre'q'\"d$x\"post ~u/$y plain").simpleCommands()[0].command
    XCTAssertEqual(command.words[1].literalPrefix, "preqd")
    XCTAssertEqual(command.words[2].literalPrefix, "~u/")
    XCTAssertEqual(command.words[3].literalPrefix, "plain")
  }

  func testSingleDashIsPositional() {
    let invocation = firstCommand("tar -xzf - -C /opt").invocation
    let syntax = ShellOptionSyntax(short: "fC")
    XCTAssertEqual(invocation.optionValues(short: "f", syntax: syntax), ["-"])
    XCTAssertEqual(invocation.optionValues(short: "C", syntax: syntax), ["/opt"])
    XCTAssertEqual(invocation.positionalArguments(syntax: syntax), [])
    XCTAssertEqual(firstCommand("cat -").invocation.positionalArguments().map(\.literalValue), ["-"])
  }
}

final class ShellLogicalTextTests: XCTestCase {
  func testRangesMapBackThroughLogicalText() {
    // `RUN apt-get update && \` + newline + `    apt-get install -y curl`, with the continuation
    // removed the way the Dockerfile parser joins instruction arguments.
    let source = "RUN apt-get update && \\\n    apt-get install -y curl\n"
    let firstLine = "apt-get update && "
    let secondLine = "apt-get install -y curl"
    let secondLineStart = byteRange(of: secondLine, in: source).lowerBound
    let logical = LogicalText(bytes: Array((firstLine + secondLine).utf8), pieces: [
      LogicalText.Piece(logicalStart: 0, sourceStart: 4),
      LogicalText.Piece(logicalStart: firstLine.utf8.count, sourceStart: secondLineStart),
    ])
    let script = ShellParser.parse(logical.bytes)
    let commands = script.simpleCommands()
    XCTAssertEqual(commands.count, 2)
    XCTAssertEqual(logical.sourceRange(commands[0].command.range), byteRange(of: "apt-get update", in: source))
    XCTAssertEqual(logical.sourceRange(commands[1].command.range), byteRange(of: secondLine, in: source))
    let yes = commands[1].invocation.parsedArguments().options[0].word
    XCTAssertEqual(logical.sourceRange(yes.range), byteRange(of: "-y", in: source))
  }
}

final class ShellCommandStringTests: XCTestCase {
  func testShellCommandStringTable() {
    let cases: [(String, String?)] = [
      ("sh -c 'cd /x && make'", "cd /x && make"),
      ("/bin/bash -ec \"apt-get update\"", "apt-get update"),
      ("bash -o pipefail -c 'a | b' name arg", "a | b"),
      ("sudo -u app sh -c 'echo hi'", "echo hi"),
      ("busybox sh -c 'ls'", "ls"),
      ("su app -c 'make install'", "make install"),
      ("su --command='id' app", "id"),
      ("sh script.sh", nil),
      ("sh -e script.sh", nil),
      ("bash", nil),
      ("echo -c 'x'", nil),
      ("busybox ls -c", nil),
    ]
    for (source, expected) in cases {
      let command = ShellParser.parse(source).simpleCommands()[0]
      XCTAssertEqual(command.invocation.shellCommandString, expected, source)
    }
  }

  func testShellCommandStringRangeInSingleQuotes() {
    let source = "sh -c 'cd /x && make'"
    let invocation = ShellParser.parse(source).simpleCommands()[0].invocation
    XCTAssertEqual(invocation.shellCommandStringWord?.range, byteRange(of: "'cd /x && make'", in: source))
    let inner = ShellParser.parse(invocation.shellCommandString ?? "")
    XCTAssertEqual(inner.shellStateChanges().map(\.name), ["cd"])
    XCTAssertEqual(inner.shellStateChanges().first?.range, 0..<5)
  }
}
