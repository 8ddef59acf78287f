import Foundation
import Testing

/// `--color` and `NO_COLOR` as the binary applies them, with standard output a pipe and a real pseudo-terminal.
@Suite struct ColorTests {
  static let arguments = ["lint", "--only", "ORG002", "Examples/insecure-org-legacy", "--now", OrglintProcess.now]

  static let plain = """
    Examples/insecure-org-legacy/organization.yaml:15:3: warning: organization o-initech4n8w2p does not have \
    privileged root actions (RootSessions) enabled: locked S3 bucket and SQS queue policies cannot be removed \
    centrally, and member root password recovery cannot be allowed [ORG002 root-sessions-enabled]
      rootSessions: false                    # ORG002
      ^~~~~~~~~~~~~~~~~~~
    1 warning in 3 files

    """

  static let colored = """
    \u{1B}[1mExamples/insecure-org-legacy/organization.yaml:15:3:\u{1B}[0m \u{1B}[1;35mwarning:\u{1B}[0m \
    \u{1B}[1morganization o-initech4n8w2p does not have privileged root actions (RootSessions) enabled: locked S3 \
    bucket and SQS queue policies cannot be removed centrally, and member root password recovery cannot be \
    allowed\u{1B}[0m [ORG002 root-sessions-enabled]
      rootSessions: false                    # ORG002
    \u{1B}[1;32m  ^~~~~~~~~~~~~~~~~~~\u{1B}[0m
    1 warning in 3 files

    """

  @Test func pipeIsPlainByDefault() throws {
    let run = try OrglintProcess.run(Self.arguments)
    #expect(run.stdout == Self.plain)
  }

  @Test func alwaysColorsAPipe() throws {
    let run = try OrglintProcess.run(Self.arguments + ["--color", "always"])
    #expect(run.stdout == Self.colored)
    // --color always wins over NO_COLOR: the user asked for it explicitly.
    let withNoColor = try OrglintProcess.run(Self.arguments + ["--color", "always"], environment: ["NO_COLOR": "1"])
    #expect(withNoColor.stdout == Self.colored)
  }

  @Test func terminalIsColoredByDefault() throws {
    let run = try OrglintProcess.run(Self.arguments, terminal: true)
    #expect(run.status == 0)
    #expect(run.stdout == Self.colored)
  }

  @Test(arguments: [
    ["NO_COLOR": "1"], ["NO_COLOR": "yes"], ["TERM": "dumb"],
  ])
  func terminalWithoutColor(_ environment: [String: String]) throws {
    let run = try OrglintProcess.run(Self.arguments, environment: environment, terminal: true)
    #expect(run.stdout == Self.plain)
  }

  @Test func emptyNoColorIsUnset() throws {
    // no-color.org: NO_COLOR disables colour when it is present and not empty.
    let run = try OrglintProcess.run(Self.arguments, environment: ["NO_COLOR": ""], terminal: true)
    #expect(run.stdout == Self.colored)
  }

  @Test func neverOnATerminal() throws {
    let run = try OrglintProcess.run(Self.arguments + ["--color", "never"], terminal: true)
    #expect(run.stdout == Self.plain)
  }

  @Test func outputFileIsNeverColoredInAuto() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let target = folder.path + "/report.txt"
    let run = try OrglintProcess.run(Self.arguments + ["--output", target], terminal: true)
    #expect(run.stdout == "")
    #expect(try String(contentsOfFile: target, encoding: .utf8) == Self.plain)
  }

  @Test func machineFormatsIgnoreColor() throws {
    let plain = try OrglintProcess.run(Self.arguments + ["--format", "json"])
    let always = try OrglintProcess.run(Self.arguments + ["--format", "json", "--color", "always"])
    #expect(always.stdoutData == plain.stdoutData)
    #expect(!always.stdout.contains("\u{1B}"))
  }
}
