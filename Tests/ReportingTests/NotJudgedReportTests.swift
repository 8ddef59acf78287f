import Diagnostics
import Foundation
import RuleEngine
import Testing

@testable import Reporting

/// Checks that read unknown facts, in each format that shows them: the text summary line, the JSON list and summary
/// counts, and SARIF `open` results that validate.
@Suite struct NotJudgedReportTests {
  static let password = "account/333333333333 root.password: iam get-login-profile: AccessDenied (a.json)"
  static let policies = "organization/o-abc policies: list-policies: AccessDenied"

  static func check(_ rule: String, _ line: Int, _ causes: [String]) -> NotJudged {
    NotJudged(
      ruleId: rule, ruleName: rule == "ROOT001" ? "member-root-password-removed" : "no-root-access-keys",
      entity: "account/333333333333", path: "org/accounts.yaml", range: Fixture.range(line, 1, 9), causes: causes)
  }

  static let report: Report = {
    var r = Fixture.report
    r.notJudged = [
      check("ROOT002", 1, [policies]), check("ROOT001", 1, [password, policies]),
      check("ROOT001", 3, [password]),
    ]
    r.checks = 8
    return r
  }()

  @Test func textEndsWithTheNotJudgedLine() {
    let lines = TextFormatter().render(Self.report).split(separator: "\n").suffix(2)
    #expect(
      Array(lines) == [
        "2 errors, 3 warnings and 1 note in 3 files (1 suppressed, 1 in baseline)",
        "3 checks not judged (unknown: \(Self.password) ×2, \(Self.policies) ×2)",
      ])
    // Nothing when every check was judged.
    #expect(!TextFormatter().render(Fixture.report).contains("not judged"))
  }

  @Test func notJudgedLineNamesTheTopThreeCauses() {
    let many = ["d", "c", "b", "a", "b", "c", "c"].enumerated().map { i, cause in
      NotJudged(
        ruleId: "R\(i)", ruleName: "r", entity: "e", path: "p", range: Fixture.range(1, 1, 1), causes: [cause])
    }
    #expect(ReportSummary.notJudgedText(many) == "7 checks not judged (unknown: c ×3, b ×2, a ×1, 1 more)")
    #expect(ReportSummary.notJudgedText(Array(many.prefix(1))) == "1 check not judged (unknown: d ×1)")
    #expect(ReportSummary.notJudgedText([]) == nil)
  }

  @Test func jsonListsThemAndCountsCoverage() throws {
    let text = JSONFormatter().render(Self.report)
    let decoded = try JSONDecoder().decode(JSONReport.self, from: Data(text.utf8))
    #expect(
      decoded.notJudged.map { "\($0.rule) \($0.entity) \($0.path):\($0.line):\($0.column) \($0.causes)" } == [
        "ROOT001 account/333333333333 org/accounts.yaml:1:1 [\"\(Self.password)\", \"\(Self.policies)\"]",
        "ROOT002 account/333333333333 org/accounts.yaml:1:1 [\"\(Self.policies)\"]",
        "ROOT001 account/333333333333 org/accounts.yaml:3:1 [\"\(Self.password)\"]",
      ])
    #expect(decoded.summary.checks == 8)
    #expect(decoded.summary.notJudged == 3)
    #expect(decoded.summary.coverage == 0.625)
    #expect(text.contains("\"coverage\" : 0.625,"))
  }

  @Test func sarifOpenResultsValidate() throws {
    let sarif = SARIFFormatter().render(Self.report)
    #expect(SARIFValidator.schemaErrors(sarif) == [])
    #expect(SARIFValidator.codeScanningProblems(sarif) == [])
    let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
    let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
    let open = results.filter { $0["kind"] as? String == "open" }
    #expect(open.count == 3)
    #expect(results.count == Fixture.report.findings.count + 3)
    #expect(open.allSatisfy { $0["level"] as? String == "none" })
    let first = try #require(open.first)
    #expect(first["ruleId"] as? String == "ROOT001")
    #expect(
      (first["message"] as? [String: Any])?["text"] as? String
        == "ROOT001 (member-root-password-removed) could not be judged for account/333333333333: it reads unknown "
        + "facts: \(Self.password); \(Self.policies)")
    // Findings keep no kind (SARIF's default, `fail`).
    #expect(results.filter { $0["kind"] == nil }.count == Fixture.report.findings.count)
    // The result limit counts open results too.
    let limited = SARIFFormatter(maxResults: Fixture.report.findings.count + 1).render(Self.report)
    #expect(SARIFValidator.schemaErrors(limited) == [])
    #expect(limited.contains("2 of \(Fixture.report.findings.count + 3) results were left out"))
  }
}
