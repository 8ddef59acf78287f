import Foundation
import Testing

/// `lint --format html` end to end without a browser: the organization the CLI hands the report (OU tree, accounts,
/// attachments, tasks), read back from the page's data block.
@Suite struct HTMLReportTests {
  static func data(_ html: String) throws -> [String: Any] {
    let open = try #require(html.range(of: "<script type=\"application/json\" id=\"orglint-data\">"))
    let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
    return try #require(
      try JSONSerialization.jsonObject(with: Data(html[open.upperBound..<close.lowerBound].utf8)) as? [String: Any])
  }

  @Test func insecureOrgOutline() throws {
    let run = try OrglintProcess.lint(["--format", "html", "Examples/insecure-org"])
    #expect(run.status == 1)
    #expect(run.stderr == "")
    #expect(run.stdout.hasPrefix("<!DOCTYPE html>"))
    let data = try Self.data(run.stdout)
    #expect(data["org"] as? String == "o-globex7h3k2m")
    #expect(data["now"] as? Int == 1_795_564_800)  // --now 2026-11-25T00:00:00Z
    #expect(data["rootPolicies"] as? [String] == ["deny-leave-organization"])
    let units = try #require(data["units"] as? [[Any]])
    #expect(units.map { $0[1] as! String } == ["Security", "Workloads", "Workloads/Prod", "Workloads/NonProd", "Sandbox"])
    #expect(units.map { $0[2] as! [String] } == [[], ["deny-root-user"], [], [], []])
    let accounts = try #require(data["accounts"] as? [[Any]])
    #expect(accounts.count == 13)
    let management = try #require(accounts.first { $0[0] as? String == "111111111111" })
    #expect(management[1] as? String == "globex-management")
    #expect(management[2] as? Int == -1)  // under Root
    #expect(management[3] as? Int == 1)
    #expect(management[5] as? Int == 2)  // an error
    let webProd = try #require(accounts.first { $0[0] as? String == "666666666666" })
    #expect(units[webProd[2] as! Int][1] as? String == "Workloads/Prod")
    let carol = try #require(accounts.first { $0[0] as? String == "101010101010" })
    #expect(carol[5] as? Int == -1)
    // Five tasks, one of them for an account the set does not describe; one recovery window, open.
    let tasks = try #require(data["tasks"] as? [[Any]])
    #expect(tasks.count == 5)
    #expect(tasks.map { $0[1] as! String } == ["666666666666", "111111111111", "123123123123", "555555555555", "444444444444"])
    #expect(tasks[2][0] as? Int == -1)
    #expect(tasks[0][2] as? String == "IAMCreateRootUserPassword")
    #expect(tasks[0][3] as? Int == 1_791_622_800)  // 2026-10-10T09:00:00Z
    let windows = try #require(data["windows"] as? [[Any]])
    #expect(windows.count == 1)
    #expect(windows[0][0] as? Int == 0)
    #expect(windows[0][3] is NSNull)
    #expect(run.stdout.contains("<strong data-count=\"open-recoveries\">1</strong> open password recovery"))
    #expect(run.stdout.contains("<strong data-count=\"active\">31</strong> active findings"))
  }

  @Test func checksNotJudgedAreCountedPerAccount() throws {
    let run = try OrglintProcess.lint(["--format", "html", "Examples/partial-audit"])
    #expect(run.status == 0)
    let data = try Self.data(run.stdout)
    let rules = try #require(data["rules"] as? [[Any]])
    let accounts = try #require(data["accounts"] as? [[Any]])
    let notJudged = accounts.map { a in
      "\(a[0] as! String) \(a[6] as! Int) " + (a[7] as! [Int]).map { rules[$0][0] as! String }.joined(separator: ",")
    }
    #expect(notJudged == [
      "101010101010 0 ", "202020202020 0 ", "303030303030 4 ACCT001,ROOT001,ROOT004,ROOT008",
      "404040404040 6 ROOT001,ROOT002,ROOT003,ROOT004,ROOT008,TASK001",
    ])
    #expect(run.stdout.contains("<strong data-count=\"not-judged\">10</strong> of 44 checks not judged (coverage 77.3%)"))
  }

  @Test func writtenAtomicallyLikeEveryReport() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let run = try OrglintProcess.lint(["--format", "html", "--output", folder.path + "/r.html", "Examples/secure-org"])
    #expect(run.status == 0)
    #expect(run.stdout == "")
    #expect(try folder.contents() == ["r.html"])
    let html = try String(contentsOfFile: folder.path + "/r.html", encoding: .utf8)
    #expect(html.contains("<strong data-count=\"active\">0</strong> active findings"))
  }
}
