import XCTest
@testable import Analysis

/// Applies every fix of the package cleanup rules to a table of RUN shapes and checks that the
/// fixed text parses and no longer has the finding that the fix was for.
final class PackageCleanupFixTests: XCTestCase {
  static let inputs = [
    "FROM debian\nRUN apt-get update && apt-get install curl\n",
    "FROM debian\r\nRUN apt-get update \\\r\n    && apt-get install \\\r\n       curl git\r\n",
    "# escape=`\nFROM debian\nRUN apt-get update && `\n    apt install curl\n",
    "FROM debian\nRUN <<EOF\napt-get update && apt-get install curl\nEOF\n",
    "FROM debian\nONBUILD RUN sudo apt-get -o Debug::pkgProblemResolver=1 install curl\n",
    "FROM alpine\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n",
    "FROM alpine\nRUN apk update \\\n && apk add \\\n    curl \\\n && rm -rf /var/cache/apk/* \\\n && curl -V\n",
    "FROM centos:7\nRUN yum install httpd && yum group install Tools\n",
    "FROM fedora\nRUN dnf module install nodejs:20 && \\\n    microdnf install vim\n",
    "FROM opensuse/leap\nRUN zypper --quiet in curl && zypper rm vim\n",
    "FROM python:3.12\nRUN python3 -m pip install -r requirements.txt && pip3 install \\\n    flask\n",
    "FROM node:20\nRUN yarn install --frozen-lockfile \\\n  && yarn build\n",
  ]

  static let rules: [any Rule.Type] = [DL3009.self, DL3014.self, DL3015.self, DL3019.self, DL3027.self, DL3030.self,
                                       DL3032.self, DL3034.self, DL3036.self, DL3038.self, DL3040.self, DL3042.self, DL3060.self]

  func testEveryFixRemovesItsFinding() {
    var fixesApplied = 0
    for input in Self.inputs {
      for rule in Self.rules {
        let before = findings(of: rule, in: input)
        for finding in before {
          guard let fix = finding.fixes.first else { continue }
          let fixed = Document(text: input).source.applying(fix.edits).string
          XCTAssertTrue(Document(text: fixed).tree.instructions.allSatisfy { $0.errors.isEmpty }, "\(rule.id) broke:\n\(fixed)")
          let after = findings(of: rule, in: fixed)
          XCTAssertEqual(after.count, before.count - 1, "\(rule.id) fix \(fix.title) left its finding:\n\(fixed)")
          for instruction in Document(text: fixed).tree.instructions where instruction.kind == .run {
            XCTAssertTrue(ShellParser.parse(instruction.arguments.bytes).errors.isEmpty, "\(rule.id) broke the shell:\n\(fixed)")
          }
          fixesApplied += 1
        }
      }
    }
    XCTAssertEqual(fixesApplied, 27)
  }
}
