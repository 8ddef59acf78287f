import CEL
import Diagnostics
import Testing

@testable import Adoption

/// Examples/adopted-repo is documentation: it must lint clean, with its exceptions visible and marked.
@Suite struct AdoptedRepoExampleTests {
  @Test func lintsCleanWithSuppressionsAndBaselineMarked() throws {
    let repo = String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
    let cwd = "/" + repo + "/Examples/adopted-repo"
    let request = LintRequest(paths: [cwd + "/org"], now: CELTimestamp.parse("2026-11-25T00:00:00Z")!, cwd: cwd)
    let result = Linter.lint(request)
    #expect(result.problems.map(described) == [])
    #expect(result.findings.filter(\.isActive).map(described) == [])
    let marked = result.findings.map { f in
      "\(f.ruleId) \(f.suppression?.kind.rawValue ?? "-") \(f.baselineState?.rawValue ?? "-")"
    }
    #expect(
      marked.sorted() == [
        "ACCT001 inSource new", "CORP010 - unchanged", "ROOT001 - unchanged", "ROOT002 external new",
        "ROOT004 - unchanged", "ROOT008 - unchanged",
      ])
    // The archive is excluded by the config file, so its account is not in the set at all.
    #expect(result.set?.accounts.contains { $0.id == "999999999999" } == false)
    #expect(result.overrides.map(\.ruleId) == ["ROOT007", "ROOT008"])
  }
}
