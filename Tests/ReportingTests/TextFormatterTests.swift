import Diagnostics
import Testing

@testable import Reporting

@Suite struct TextFormatterTests {
  @Test func rendersFixtureLikeClang() {
    let expected = """
      .orglint.yaml:3:9: warning: 'failOn: warnings' is deprecated; use 'failOn: warning' [CONFIG003 deprecated-config]
      orglint: note: no IAM delegated administrator is registered [ORG004 iam-delegated-administrator]
      org/accounts.yaml:4:7: warning: root of "Prod café" was used 3 days ago, 100% <too> recent \
      [ROOT008 root-not-used-recently]
      name: Prod café
            ^~~~~~~~~
      org/accounts.yaml:6:3: error: account Prod café (333333333333) still has a root password \
      [ROOT001 member-root-password-removed]
        password: true
        ^~~~~~~~~~~~~~
      org/organization.yaml:5:3: note: RootCredentialsManagement is on here
        rootCredentialsManagement: true
        ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
      org/organization.yaml:4:1: warning: RootSessions is off, so the management account cannot run privileged tasks \
      [ORG002 root-sessions-enabled]
      rootAccess:
      ^~~~~~~~~~
      org/with space#1.yaml: error: the file is empty [YAML001 yaml-syntax]
      2 errors, 3 warnings and 1 note in 3 files (1 suppressed, 1 in baseline)

      """
    #expect(TextFormatter().render(Fixture.report) == expected)
    #expect(OutputFormat.text.render(Fixture.report) == expected)
  }

  @Test func cleanReportSaysSo() {
    #expect(TextFormatter().render(Fixture.clean) == "no problems found in 1 file\n")
  }

  @Test func summaryPlurals() {
    var report = Fixture.clean
    report.filesScanned = 12
    let error = Finding(Fixture.rules[0], "m", path: "a.yaml", range: nil)
    let warning = Finding(Fixture.rules[4], "m", path: "a.yaml", range: nil)
    let note = Finding(Fixture.rules[2], "m", path: "a.yaml", range: nil)
    report.findings = [error, error, error, warning, note, note]
    #expect(ReportSummary(report).text == "3 errors, 1 warning and 2 notes in 12 files")
    report.findings = [error, note]
    #expect(ReportSummary(report).text == "1 error and 1 note in 12 files")
    var suppressed = warning
    suppressed.suppression = Suppression(kind: .external, justification: "accepted risk")
    var baselined = error
    baselined.baselineState = .unchanged
    report.findings = [suppressed, suppressed, baselined]
    #expect(ReportSummary(report).text == "no problems found in 12 files (2 suppressed, 1 in baseline)")
  }

  @Test func caretUsesCodePointsTabsAndClampsRanges() {
    let text = TextFormatter()
    // A tab before the column stays a tab, so the caret lines up in any terminal.
    #expect(text.caret(under: "\tkey: é", range: Fixture.range(1, 7, 8)) == "\t     ^")
    // Past the end of the line, the caret sits just after the last character.
    #expect(text.caret(under: "ab", range: Fixture.range(1, 9, 12)) == "  ^")
    // A range that continues on later lines is marked to the end of its first line.
    let multiLine = SourceRange(
      start: SourceLocation(line: 1, column: 2, offset: 1), end: SourceLocation(line: 3, column: 1, offset: 9))
    #expect(text.caret(under: "abcd", range: multiLine) == " ^~~")
    // ... but not under a trailing comment or spaces.
    #expect(text.caret(under: "  keys:   # note", range: multiLine) == " ^~~~~~")
    #expect(text.caret(under: "  url: a#b  ", range: multiLine) == " ^~~~~~~~~")
    // Columns count code points: a two-byte 'é' and a four-byte emoji are one column each.
    #expect(text.caret(under: "é: x", range: Fixture.range(1, 4, 5)) == "   ^")
    #expect(text.caret(under: "😀 é xyz", range: Fixture.range(1, 5, 8)) == "    ^~~")
    // An empty range is a lone caret.
    #expect(text.caret(under: "abcd", range: Fixture.range(1, 3, 3)) == "  ^")
  }

  @Test func findingWithoutSourceHasNoSnippet() {
    var report = Fixture.clean
    report.findings = [Finding(Fixture.rules[0], "gone", path: "missing.yaml", range: Fixture.range(2, 1, 3))]
    #expect(
      TextFormatter().render(report)
        == "missing.yaml:2:1: error: gone [ROOT001 member-root-password-removed]\n1 error in 1 file\n")
  }

  @Test func colourOnlyWhenAsked() {
    var report = Fixture.clean
    report.sources = [Fixture.accounts.path: Fixture.accounts]
    report.findings = [Finding(Fixture.rules[0], "bad", path: "org/accounts.yaml", range: Fixture.range(2, 1, 5))]
    let e = "\u{1B}["
    #expect(
      TextFormatter(color: true).render(report)
        == "\(e)1morg/accounts.yaml:2:1:\(e)0m \(e)1;31merror:\(e)0m \(e)1mbad\(e)0m "
        + "[ROOT001 member-root-password-removed]\nkind: Account\n\(e)1;32m^~~~\(e)0m\n1 error in 1 file\n")
    #expect(!TextFormatter(color: false).render(report).contains("\u{1B}"))
  }

  @Test func statisticsTable() {
    var report = Fixture.report
    report.findings.append(report.findings.first { $0.ruleId == "ROOT001" }!)
    #expect(
      StatisticsFormatter.render(report) == """
        2  ROOT001    member-root-password-removed
        1  CONFIG003  deprecated-config
        1  ORG002     root-sessions-enabled
        1  ORG004     iam-delegated-administrator
        1  ROOT008    root-not-used-recently
        1  YAML001    yaml-syntax

        """)
    #expect(StatisticsFormatter.render(Fixture.clean) == "")
  }
}

@Suite struct TerminalTextTests {
  @Test func controlCharactersBecomeControlPicturesOneColumnEach() {
    #expect(TerminalText.safe("a\u{1B}[2Kb") == "a␛[2Kb")
    #expect(TerminalText.safe("\u{0}\u{7F}\u{85}") == "␀␡\u{FFFD}")
    #expect(TerminalText.safe("a\tb") == "a␉b")
    #expect(TerminalText.safe("a\tb", keepTabs: true) == "a\tb")
    #expect(TerminalText.safe("plain é") == "plain é")
    #expect(GitHubFormatter.escapeData("50%\n\u{1B}x") == "50%25%0A␛x")
  }
}
