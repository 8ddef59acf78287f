import Foundation
import Testing

/// The command line itself: help, version, and every way of calling it wrongly (exit code 2, a message on stderr,
/// nothing on stdout).
@Suite struct CommandLineTests {
  static let lintUsage = "Usage: orglint lint [<options>] [<path> ...]"

  /// A usage error: exit 2, nothing on stdout, `message` then lint's usage and a pointer to its help on stderr.
  static func expectUsageError(
    _ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let run = try OrglintProcess.run(arguments)
    #expect(run.status == 2, sourceLocation: sourceLocation)
    #expect(run.stdout == "", sourceLocation: sourceLocation)
    let lines = run.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first == "Error: \(message)", sourceLocation: sourceLocation)
    #expect(lines.contains(lintUsage), sourceLocation: sourceLocation)
    #expect(lines.last == "  See 'orglint lint --help' for more information.", sourceLocation: sourceLocation)
  }

  /// The version and the commit the binary was built from (a plain build does not record it; the release script
  /// does, see ReleaseTarballTests).
  @Test func version() throws {
    let run = try OrglintProcess.run(["--version"])
    #expect(run.status == 0)
    #expect(run.stdout.wholeMatch(of: /0\.1\.0 \((commit [0-9a-f]{40}|unknown commit)\)\n/) != nil, "\(run.stdout)")
    #expect(run.stderr == "")
    #expect(try OrglintProcess.run(["lint", "--version"]).stdout == run.stdout)
  }

  @Test func help() throws {
    let run = try OrglintProcess.run(["--help"])
    #expect(run.status == 0)
    #expect(run.stderr == "")
    #expect(run.lines.first == "OVERVIEW: Lint AWS Organizations root-user configuration written in YAML.")
    #expect(run.lines.contains("USAGE: orglint <subcommand>"))
    for command in ["lint", "rules", "eval", "import", "schema"] {
      #expect(run.lines.contains { $0.hasPrefix("  \(command) ") }, "\(command)")
    }
    // No subcommand prints the same help and succeeds.
    let bare = try OrglintProcess.run([])
    #expect(bare.status == 0)
    #expect(bare.stdout == run.stdout)
  }

  @Test func lintHelpListsEveryOptionAndTheExitCodes() throws {
    let run = try OrglintProcess.run(["lint", "--help"])
    #expect(run.status == 0)
    #expect(run.stderr == "")
    #expect(run.lines.first == "OVERVIEW: Lint the organization set under PATH (default: the current folder).")
    let text = run.stdout.replacing("\n", with: " ").split(separator: " ").joined(separator: " ")
    #expect(
      text.contains(
        "Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it, or coverage under "
          + "--min-coverage; 2 orglint could not do its job"))
    for option in [
      "--rules <dir>", "--format <format>", "--output <file>", "--fail-on <fail-on>", "--config <file>",
      "--baseline <file>", "--write-baseline <file>", "--now <time>", "--disable <ids>", "--only <ids>",
      "--color <color>", "--quiet", "--statistics", "--category <id>", "--min-coverage <percent>",
    ] {
      #expect(run.lines.contains { $0.hasPrefix("  \(option) ") || $0 == "  \(option)" }, "\(option)")
    }
    #expect(text.contains("(values: text, json, sarif, github, junit, gitlab, html; default: text)"))
    #expect(text.contains("(default: the config's failOn, else error). (values: error, warning, note, never)"))
    #expect(try OrglintProcess.run(["help", "lint"]).stdout == run.stdout)
  }

  @Test func unknownOption() throws {
    try Self.expectUsageError(["lint", "--bogus", "Examples/secure-org"], "Unknown option '--bogus'")
  }

  @Test func badFailOn() throws {
    try Self.expectUsageError(
      ["lint", "--fail-on", "critical", "Examples/secure-org"],
      "The value 'critical' is invalid for '--fail-on <fail-on>'. "
        + "Please provide one of 'error', 'warning', 'note' or 'never'.")
  }

  @Test func badFormat() throws {
    try Self.expectUsageError(
      ["lint", "--format", "xml", "Examples/secure-org"],
      "The value 'xml' is invalid for '--format <format>'. Please provide one of the following:")
  }

  @Test(arguments: ["yesterday", "2026-11-25", "2026-13-01T00:00:00Z", "2026-11-25T00:00:00", ""])
  func badNow(_ value: String) throws {
    try Self.expectUsageError(
      ["lint", "--now", value, "Examples/secure-org"],
      "--now '\(value)' is not an RFC 3339 timestamp such as 2026-11-25T00:00:00Z")
  }

  @Test func missingOptionValue() throws {
    try Self.expectUsageError(["lint", "Examples/secure-org", "--fail-on"], "Missing value for '--fail-on <fail-on>'")
  }

  @Test func unknownSubcommand() throws {
    let run = try OrglintProcess.run(["check", "Examples/secure-org"])
    #expect(run.status == 2)
    #expect(run.stdout == "")
    #expect(run.stderr.hasPrefix("Error: 2 unexpected arguments: 'check', 'Examples/secure-org'\n"))
  }

  @Test func nonexistentPath() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let missing = folder.path + "/no-such-folder"
    let run = try OrglintProcess.lint([missing])
    #expect(run.status == 2)
    #expect(run.stdout == "")
    #expect(
      run.stderr == """
        \(missing): error: cannot read: No such file or directory [IO001 unreadable-path]
        orglint could not lint: 1 problem (exit code 2)

        """)
  }

  @Test func pathThroughAFile() throws {
    let run = try OrglintProcess.lint(["Examples/secure-org/organization.yaml/accounts"])
    #expect(run.status == 2)
    #expect(run.stdout == "")
    #expect(
      run.stderr == """
        Examples/secure-org/organization.yaml/accounts: error: cannot read: Not a directory [IO001 unreadable-path]
        orglint could not lint: 1 problem (exit code 2)

        """)
  }

  @Test func oneUnreadablePathSpoilsTheRun() throws {
    // A typo in one of several paths must not pass silently with the others linted.
    let run = try OrglintProcess.lint(["Examples/secure-org", "Examples/secure-orgg"])
    #expect(run.status == 2)
    #expect(run.stdout == "")
    #expect(run.stderr.hasPrefix("Examples/secure-orgg: error: cannot read: No such file or directory [IO001 "))
  }

  @Test func unknownRuleInOnlyHasADidYouMean() throws {
    let run = try OrglintProcess.lint(["--only", "ROOT02", "Examples/insecure-org"])
    #expect(run.status == 2)
    #expect(run.stdout == "")
    #expect(
      run.stderr == """
        orglint: error: --only: no rule 'ROOT02'; did you mean 'ROOT002'? [CLI001 unknown-rule]
        orglint could not lint: 1 problem (exit code 2)

        """)
  }

  @Test func unknownRuleNameInDisableHasADidYouMean() throws {
    let run = try OrglintProcess.lint(["--disable", "ROOT001,no-root-access-key", "Examples/insecure-org"])
    #expect(run.status == 2)
    #expect(run.stdout == "")
    #expect(
      run.stderr == """
        orglint: error: --disable: no rule 'no-root-access-key'; did you mean 'no-root-access-keys'? \
        [CLI001 unknown-rule]
        orglint could not lint: 1 problem (exit code 2)

        """)
  }

  @Test func missingRuleFolder() throws {
    let run = try OrglintProcess.lint(["--rules", "Examples/no-such-rules", "Examples/secure-org"])
    #expect(run.status == 2)
    #expect(run.stdout == "")
    #expect(run.stderr.hasPrefix("Examples/no-such-rules: error: cannot read: No such file or directory [IO001 "))
  }

  @Test func outputIntoAMissingFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let target = folder.path + "/missing/report.sarif"
    let run = try OrglintProcess.lint(["--format", "sarif", "--output", target, "Examples/insecure-org"])
    #expect(run.status == 2)
    #expect(run.stdout == "")
    #expect(run.stderr == "orglint: error: \(target): cannot write: No such file or directory\n")
    #expect(try folder.contents() == [])
  }

  /// A `{{ }}` message part that fails reads `[value unavailable]`, with a RULE009 note naming the error, never CEL's
  /// internals inside the finding's text.
  @Test func aMessagePartThatFailsIsAPlaceholderAndANote() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      "rules/CORP009.yaml",
      """
      id: CORP009
      name: tag-shown
      title: Accounts show a tag
      severity: warning
      scope: account
      assert: "false"
      message: "account {{account.id}} has tag {{ account.tags['missing'] }}"
      location: account
      description: A rule whose message reads a map key that is not there.
      remediation: Read the key with has() first.

      """)
    try folder.write(
      "org/a.yaml", "apiVersion: orglint/v1\nkind: Account\nid: \"333333333333\"\nname: a\nemail: a@example.com\n")
    let run = try OrglintProcess.lint(["--only", "CORP009", "--rules", "rules", "org"], in: folder.path)
    #expect(run.status == 0)  // a warning and a note: under the default --fail-on error
    let finding = "org/a.yaml:1:1: warning: account 333333333333 has tag [value unavailable] [CORP009 tag-shown]"
    let note: String =
      "org/a.yaml:1:1: note: rule CORP009 (tag-shown) could not render {{ }} number 2 of its message for "
      + "account/333333333333: no such key: missing; the finding shows [value unavailable] there "
      + "[RULE009 rule-evaluation-error]"
    let located: [String] = run.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("org/") }
    #expect(located == [finding, note])
  }
}
