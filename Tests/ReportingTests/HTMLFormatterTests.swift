import Diagnostics
import Foundation
import Testing

@testable import Reporting

/// `--format html`: the page's static parts (counts, escaping) and the data block its script draws from.
@Suite struct HTMLFormatterTests {
  static let hostile = "</script><script>document.title='pwned'</script><img src=x onerror=alert(1)>"

  /// The fixture report with an organization: Prod café in Workloads/Prod, a management account with a hostile
  /// name under Root, SCPs on Root, an OU and an account, and a task log with one closed and one open recovery.
  static var report: Report {
    var report = Fixture.report
    report.now = 1_764_028_800  // 2025-11-25T00:00:00Z
    report.organization = OrganizationOutline(
      id: "o-abc", rootPolicies: ["deny-leave"],
      units: [
        .init(name: "Workloads", path: "Workloads", policies: ["deny-root"], children: [
          .init(name: "Prod", path: "Workloads/Prod"),
          .init(name: hostile, path: "Workloads/" + hostile),
        ])
      ],
      accounts: [
        .init(id: "333333333333", name: "Prod café", unit: "Workloads/Prod", policies: ["pin-region"],
              path: "org/accounts.yaml", lines: 1...7),
        .init(id: "444444444444", name: hostile, isManagement: true, path: "org/management.yaml", lines: 1...3),
        .init(id: "555555555555", name: "lost", unit: "No/Such/OU", isDelegatedAdmin: true),
      ],
      tasks: [
        .init(account: "333333333333", kind: "IAMCreateRootUserPassword", startedAt: 1_000),
        .init(account: "333333333333", kind: "IAMDeleteRootUserCredentials", startedAt: 900),
        .init(account: "333333333333", kind: "IAMDeleteRootUserCredentials", startedAt: 2_000, completedAt: 2_100),
        .init(account: "333333333333", kind: "IAMCreateRootUserPassword", startedAt: 3_000, principal: hostile),
      ])
    return report
  }

  /// The JSON data block of a page, parsed.
  static func data(_ html: String) throws -> [String: Any] {
    let open = try #require(html.range(of: "<script type=\"application/json\" id=\"orglint-data\">"))
    let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
    let json = String(html[open.upperBound..<close.lowerBound])
    return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  @Test func hostileValuesStayText() throws {
    var report = Self.report
    report.organization!.id = "<b>o-abc</b>"
    let html = HTMLFormatter().render(report)
    // Nothing from the configuration can open or close an element: no raw `<script`, `<img` or `</script>` beyond
    // the page's own two script elements.
    #expect(html.components(separatedBy: "<script").count - 1 == 2)
    #expect(html.components(separatedBy: "</script>").count - 1 == 2)
    #expect(!html.contains("<img"))
    #expect(!html.contains("<b>o-abc"))
    #expect(html.contains("<title>orglint report — &lt;b&gt;o-abc&lt;/b&gt;</title>"))
    #expect(html.contains("\\u003C/script\\u003E\\u003Cscript\\u003Edocument.title='pwned'"))
    // …and the data block still reads back as the exact text.
    let data = try Self.data(html)
    let accounts = try #require(data["accounts"] as? [[Any]])
    #expect(accounts[1][1] as? String == Self.hostile)
    let tasks = try #require(data["tasks"] as? [[Any]])
    #expect(tasks[3][7] as? String == Self.hostile)
    // The script draws with textContent only.
    #expect(!HTMLAssets.script.contains("innerHTML"))
    #expect(!HTMLAssets.script.contains("insertAdjacentHTML"))
    #expect(!HTMLAssets.script.contains("document.write"))
  }

  @Test func countsSeverityAndRuleApartFromSuppressedAndBaselined() throws {
    let html = HTMLFormatter().render(Self.report)
    // Active: ROOT001, YAML001 (errors); ROOT008, ORG002 (baseline state new), CONFIG003 (warnings); ORG004 (note).
    #expect(html.contains("<strong data-count=\"active\">6</strong> active findings"))
    #expect(html.contains("<strong data-count=\"suppressed\">1</strong> suppressed"))
    #expect(html.contains("<strong data-count=\"baselined\">1</strong> in the baseline"))
    #expect(html.contains("<desc id=\"chart-severity-desc\">Active findings per severity: error: 2, warning: 3, note: 1</desc>"))
    #expect(html.contains(
      "<desc id=\"chart-rule-desc\">Active findings per rule: CONFIG003: 1, ORG002: 1, ORG004: 1, ROOT001: 1, ROOT008: 1, YAML001: 1</desc>"))
    #expect(html.contains("<strong data-count=\"open-recoveries\">1</strong> open password recovery"))
    #expect(html.contains("4 tasks on 1 account"))
  }

  @Test func dataTiesFindingsToAccountsAndUnits() throws {
    let data = try Self.data(HTMLFormatter().render(Self.report))
    #expect(data["now"] as? Int == 1_764_028_800)
    #expect(data["rootPolicies"] as? [String] == ["deny-leave"])
    let units = try #require(data["units"] as? [[Any]])
    #expect(units.map { $0[1] as? String } == ["Workloads", "Workloads/Prod", "Workloads/" + Self.hostile])
    #expect(units.map { $0[3] as? Int } == [-1, 0, 0])
    let accounts = try #require(data["accounts"] as? [[Any]])
    // [id, name, unit, flags, policies, worst, not judged]: Prod café has an active error (ROOT001); the management
    // account has no finding; an unknown OU hangs the account under Root.
    #expect(accounts[0][0] as? String == "333333333333")
    #expect(accounts[0][2] as? Int == 1)
    #expect(accounts[0][4] as? [String] == ["pin-region"])
    #expect(accounts[0][5] as? Int == 2)
    #expect(accounts[1][3] as? Int == 1)
    #expect(accounts[1][5] as? Int == -1)
    #expect(accounts[2][2] as? Int == -1)
    #expect(accounts[2][3] as? Int == 2)
    let rules = try #require(data["rules"] as? [[Any]])
    let findings = try #require(data["findings"] as? [[Any]])
    func finding(_ rule: String) throws -> [Any] {
      try #require(findings.first { rules[$0[0] as! Int][0] as? String == rule })
    }
    // By entity (logicalLocation, fingerprint), by the lines an account spans (ROOT008 has neither), or none.
    #expect(try finding("ROOT001")[6] as? Int == 0)
    #expect(try finding("ROOT002")[6] as? Int == 0)
    #expect(try finding("ROOT008")[6] as? Int == 0)
    #expect(try finding("ROOT008")[7] as? Int == 1)
    #expect(try finding("ORG004")[6] as? Int == -1)
    #expect(try finding("ROOT002")[8] as? Int == 1)
    #expect(try finding("ROOT007")[8] as? Int == 2)
    #expect(try finding("ROOT002")[12] as? String == "suppressed (in source): break-glass key, rotated by SEC-42")
    // Source lines, the rule's documentation, the related location.
    let root001 = try finding("ROOT001")
    #expect(root001[10] as? Int == 6)
    #expect(root001[11] as? [String] == ["  password: true"])
    #expect(root001[13] as? [String] == ["org/organization.yaml:5 RootCredentialsManagement is on here"])
    let rule = rules[root001[0] as! Int]
    #expect(rule[4] as? String == "A root password is a standing credential.\n")
    #expect(rule[6] as? String == "https://example.com/orglint/Docs/rules/ROOT001.md")
  }

  @Test func anchorsAreStableAndUnique() throws {
    let first = try #require(try Self.data(HTMLFormatter().render(Self.report))["findings"] as? [[Any]])
    var shuffled = Self.report
    shuffled.findings.reverse()
    let second = try #require(try Self.data(HTMLFormatter().render(shuffled))["findings"] as? [[Any]])
    let anchors = first.map { $0[9] as! String }
    #expect(Set(anchors).count == anchors.count)
    #expect(anchors.allSatisfy { $0.hasPrefix("f-") && $0.count >= 14 })
    #expect(Set(anchors) == Set(second.map { $0[9] as! String }))
    // The same fingerprint gives the same anchor in another report.
    #expect(anchors.contains("f-" + HTMLReportData.hash("ROOT001:account/333333333333/root.password")))
  }

  @Test func recoveryWindowsCloseAtTheFirstLaterDelete() {
    let windows = RecoveryWindow.windows(in: Self.report.organization!.tasks)
    #expect(windows == [
      RecoveryWindow(account: "333333333333", createTask: 0, deleteTask: 2, start: 1_000, end: 2_100),
      RecoveryWindow(account: "333333333333", createTask: 3, deleteTask: nil, start: 3_000, end: nil),
    ])
  }

  @Test func withoutAnOrganizationThePageStillListsFindings() throws {
    let html = HTMLFormatter().render(Fixture.clean)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.contains("<strong data-count=\"active\">0</strong> active findings"))
    let data = try Self.data(html)
    #expect((data["accounts"] as? [Any])?.isEmpty == true)
    #expect(data["now"] is NSNull)
  }

  @Test func noNetwork() {
    let html = HTMLFormatter().render(Self.report)
    #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\""))
    #expect(!html.contains("src=\"http"))
    #expect(!html.contains("<link"))
  }
}
