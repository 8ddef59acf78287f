import Diagnostics
import LocatedYAML
import Testing

@testable import Adoption

private func parse(_ text: String) -> (suppressions: [SuppressionDirective], findings: [String]) {
  let (s, f) = InlineSuppressions.parse(YAMLReader.read(source("org/a.yaml", text)))
  return (s, f.map(described))
}

/// `rules @line:col -> lines | reason | expires`, one line per suppression.
private func summary(_ d: SuppressionDirective) -> String {
  guard case .lines(let path, let lines) = d.target else { return "not inline" }
  return "\(d.rules.joined(separator: ",")) @\(d.range.start) \(path):\(lines.lowerBound)-\(lines.upperBound) "
    + "| \(d.reason) | \(d.expires?.description ?? "-")"
}

@Suite struct InlineSuppressionsTests {
  @Test func directivesAndTheirLines() {
    let (suppressions, findings) = parse(
      """
      apiVersion: orglint/v1
      kind: Account
      # orglint-disable-next-line ROOT001 -- break-glass, SEC-1
      id: "333333333333"
      root:
        # orglint-disable-next-line ROOT001,recovery-window  ROOT008 -- two rules expires=2027-01-01

        # another comment
        password: true
        mfa: false # orglint-disable-next-line ROOT007 -- trailing
      # orglint-disable ROOT001 -- rest of the document
      tags: {a: b}
      ---
      kind: Account
      # orglint-disable root-access-keys-absent expires=2026-12-31 --   spaced    reason
      id: "444444444444"
      # orglint-disable ROOT001
      # not a directive: orglint-disable ROOT001
      """)
    #expect(findings == [])
    #expect(suppressions.map(summary) == [
      "ROOT001 @3:1 org/a.yaml:4-4 | break-glass, SEC-1 | -",
      "ROOT001,recovery-window,ROOT008 @6:3 org/a.yaml:9-9 | two rules | 2027-01-01",
      "ROOT007 @10:14 org/a.yaml:10-10 | trailing | -",
      "ROOT001 @11:1 org/a.yaml:11-12 | rest of the document | -",
      "root-access-keys-absent @15:1 org/a.yaml:15-16 | spaced reason | 2026-12-31",
      "ROOT001 @17:1 org/a.yaml:17-18 |  | -",
    ])
    #expect(suppressions.allSatisfy { $0.kind == .inSource })
  }

  @Test func malformedDirectives() {
    let (suppressions, findings) = parse(
      """
      a: 1
      # orglint-disable-nextline ROOT001 -- typo
      # orglint-enable ROOT001
      # orglint-disable-next-line -- names nothing
        # orglint-disable ROOT001 -- bad date expires=2027-13-01
      b: 2 # orglint-disable expires=2027-01-01 -- still nothing
      # orglint-friendly formatting below (prose, not a directive)
      # orglint-disable-everything ROOT001 -- x
      """)
    #expect(suppressions.isEmpty)
    #expect(findings == [
      "SUP005 2:1 unknown suppression directive 'orglint-disable-nextline'; did you mean 'orglint-disable-next-line'?",
      "SUP005 3:1 unknown suppression directive 'orglint-enable'; did you mean 'orglint-disable'?",
      "SUP005 4:1 orglint-disable-next-line names no rule; write '# orglint-disable-next-line ID -- reason'",
      "SUP005 5:3 expires=2027-13-01 is not a date (YYYY-MM-DD)",
      "SUP005 6:6 orglint-disable names no rule; write '# orglint-disable ID -- reason'",
      "SUP005 8:1 unknown suppression directive 'orglint-disable-everything'",
    ])
  }

  @Test func nextLineAtTheEndCoversNothing() {
    let (suppressions, _) = parse("a: 1\n# orglint-disable-next-line ROOT001 -- last\n")
    // The line after the last one: no finding starts there.
    #expect(suppressions.map(summary) == ["ROOT001 @2:1 org/a.yaml:4-4 | last | -"])
  }

  @Test func multiByteTextBeforeTrailingComment() {
    let (suppressions, _) = parse("name: \"Zoë 🚀\" # orglint-disable-next-line ROOT001 -- emoji\n")
    #expect(suppressions.map(summary) == ["ROOT001 @1:15 org/a.yaml:1-1 | emoji | -"])
    #expect(suppressions.first?.range.start.offset == 18)
  }

  @Test func manyStackedCommentsStayLinear() {
    let text = String(repeating: "# orglint-disable-next-line ROOT001 -- r\n", count: 20_000) + "a: 1\n"
    let clock = ContinuousClock()
    var count = 0
    let elapsed = clock.measure { count = parse(text).suppressions.count }
    #expect(count == 20_000)
    #expect(elapsed < .seconds(5))
  }
}
