import Diagnostics
import Testing

@testable import Adoption

/// Large inputs stay fast: the suppressor and the baseline are linear (plus a sort), never quadratic. The bounds are
/// loose (debug builds on a shared, loaded machine); a quadratic step would take minutes at these sizes.
@Suite struct AdoptionScaleTests {
  static let count = 50_000

  static let findings: [Finding] = (0..<count).map { i in
    finding("ROOT001", path: "org/f\(i % 100).yaml", line: i / 100 + 2, entity: "account/\(i)/root.password")
  }

  @Test func suppressingManyFindings() {
    // 5 000 next-line comments, 5 000 document-wide ones (each covering 2 lines) and 50 central accounts.
    let inline = (0..<10_000).map { i in
      let line = i / 100 + 2
      let lines = i < 5_000 ? line...line : (line + 100)...(line + 101)
      return SuppressionDirective(
        rules: ["ROOT001", "ROOT008"], reason: "r", expires: nil, target: .lines(path: "org/f\(i % 100).yaml", lines),
        path: "org/f\(i % 100).yaml", range: SourceRange(at: SourceLocation(line: line - 1, column: 1, offset: 0)))
    }
    let central = (0..<50).map { i in
      SuppressionDirective(
        rules: ["ROOT001"], reason: "r", expires: nil, target: .account("\(i * 100 + 40_000)"), path: ".orglint.yaml",
        range: SourceRange(at: SourceLocation(line: i + 1, column: 1, offset: 0)))
    }
    let suppressor = Suppressor(
      lookup: RuleLookup(rules: testRules), today: CivilDate(fullDate: "2026-11-25")!,
      subject: { f in (f.fingerprint.map { String($0.split(separator: "/")[1]) }, nil) })
    let clock = ContinuousClock()
    var suppressed = 0
    var problems = 0
    let elapsed = clock.measure {
      let (out, p) = suppressor.apply(Self.findings, inline: inline, central: central)
      suppressed = out.count { $0.suppression != nil }
      problems = p.count
    }
    // Per file: lines 2-51 by next-line comments (50), 152-202 by overlapping scopes (51); 50 central accounts.
    #expect(suppressed == 100 * (50 + 51) + 50)
    #expect(problems == 10_000)  // ROOT008 matches nothing (and is central-only)
    #expect(elapsed < .seconds(60), "\(elapsed)")
  }

  @Test func baselineOfManyFindings() throws {
    let clock = ContinuousClock()
    var text = ""
    var states: [BaselineState?] = []
    let elapsed = try clock.measure {
      text = Baseline.render(Self.findings)
      let baseline = try Baseline.parse(text, path: "b.json")
      states = baseline.apply(to: Self.findings.reversed()).findings.map(\.baselineState)
    }
    #expect(text.utf8.count > 5_000_000)
    #expect(states.allSatisfy { $0 == .unchanged })
    #expect(elapsed < .seconds(60), "\(elapsed)")
  }
}
