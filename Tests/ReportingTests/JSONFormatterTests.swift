import Diagnostics
import Foundation
import Testing

@testable import Reporting

@Suite struct JSONFormatterTests {
  @Test func fixtureMatchesGolden() {
    TestSupport.expectGolden(JSONFormatter().render(Fixture.report), "fixture.json")
  }

  @Test func roundTrips() throws {
    let text = JSONFormatter().render(Fixture.report)
    let decoded = try JSONDecoder().decode(JSONReport.self, from: Data(text.utf8))
    #expect(decoded == JSONReport(Fixture.report))
    #expect(decoded.version == 1)
    #expect(
      decoded.findings.map(\.ruleId) == ["ORG004", "ROOT008", "ROOT007", "ROOT001", "ROOT002", "ORG002", "YAML001"])
    let root002 = try #require(decoded.findings.first { $0.ruleId == "ROOT002" })
    #expect(root002.suppressed)
    #expect(
      root002.suppression
        == JSONFinding.SuppressionInfo(kind: "inSource", justification: "break-glass key, rotated by SEC-42"))
    let root001 = try #require(decoded.findings.first { $0.ruleId == "ROOT001" })
    #expect([root001.line, root001.column, root001.endLine, root001.endColumn] == [6, 3, 6, 17])
    #expect(decoded.summary.errors == 2)
    #expect(decoded.summary.suppressed == 1)
    #expect(decoded.summary.baselined == 1)
    #expect(decoded.invocation.configurationProblems.map(\.ruleId) == ["CONFIG003"])
  }

  @Test func findingsIsTheFirstTopLevelList() throws {
    // shared/bench/orglint_counts.py takes the first list value of the top-level object as the findings; keys are
    // sorted, so `findings` comes before `notJudged`.
    let text = JSONFormatter().render(Fixture.report)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(Set(object.filter { $0.value is [Any] }.map(\.key)) == ["findings", "notJudged"])
    #expect(Set(object.keys) == ["findings", "invocation", "notJudged", "summary", "version"])
    #expect(text.range(of: "\"findings\"")!.lowerBound < text.range(of: "\"notJudged\"")!.lowerBound)
    let counted = try TestSupport.python(
      """
      import json, sys, collections
      doc = json.loads(sys.stdin.read())
      findings = doc if isinstance(doc, list) else next(v for v in doc.values() if isinstance(v, list))
      print(sorted(collections.Counter(f.get("ruleId") for f in findings).items()))
      """, input: text)
    #expect(
      counted.stdout == "[('ORG002', 1), ('ORG004', 1), ('ROOT001', 1), ('ROOT002', 1), ('ROOT007', 1), "
        + "('ROOT008', 1), ('YAML001', 1)]\n")
  }

  @Test func outputIsDeterministic() {
    var shuffled = Fixture.report
    shuffled.findings = Fixture.findings
    #expect(JSONFormatter().render(shuffled) == JSONFormatter().render(Fixture.report))
  }
}
