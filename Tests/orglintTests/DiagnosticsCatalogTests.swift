import Foundation
import Testing

/// Every id a user can see is listed by `orglint rules list`, explained by `rules explain`, and linked from SARIF
/// to a page or section that exists (issue 16).
@Suite struct DiagnosticsCatalogTests {
  static let root = OrglintProcess.packageRoot

  /// `rules list --format json`, as (id, name, scope).
  static func listed() throws -> [(id: String, name: String, scope: String)] {
    let run = try OrglintProcess.run(["rules", "list", "--format", "json"])
    #expect(run.status == 0)
    let items = try #require(try JSONSerialization.jsonObject(with: run.stdoutData) as? [[String: Any]])
    return items.map { ($0["id"] as! String, $0["name"] as! String, $0["scope"] as! String) }
  }

  /// The GitHub anchors of the Markdown headings in `file`.
  static func anchors(in file: String) throws -> Set<String> {
    let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
    return Set(
      text.split(separator: "\n").filter { $0.hasPrefix("#") }.map { heading in
        let title = heading.drop { $0 == "#" }.drop { $0 == " " }.lowercased()
        return String(title.compactMap { c -> Character? in
          c == " " ? "-" : (c.isLetter || c.isNumber || c == "-" || c == "_") ? c : nil
        })
      })
  }

  @Test func everyDiagnosticIdIsListedAndHasASection() throws {
    let listed = try Self.listed()
    let diagnostics = listed.filter { $0.scope == "diagnostic" }.map(\.id)
    for id in [
      "YAML001", "SCHEMA001", "MODEL001", "REF001", "IO001", "IO002", "CLI001", "SUP003", "BASE000", "BASE001",
      "CONFIG001", "IMPORT001", "COVERAGE001", "RULE005", "RULE009", "RULE010",
    ] {
      #expect(diagnostics.contains(id), "\(id) is not listed")
    }
    let sections = try Self.anchors(in: "Docs/diagnostics.md")
    for d in listed where d.scope == "diagnostic" {
      #expect(sections.contains("\(d.id.lowercased())-\(d.name)"), "Docs/diagnostics.md has no '## \(d.id) \(d.name)'")
    }
    for r in listed where r.scope != "diagnostic" {
      #expect(FileManager.default.fileExists(atPath: Self.root + "/Docs/rules/\(r.id).md"), "no Docs/rules/\(r.id).md")
    }
  }

  @Test func everyDiagnosticIdIsExplained() throws {
    for d in try Self.listed() where d.scope == "diagnostic" {
      let run = try OrglintProcess.run(["rules", "explain", d.id])
      #expect(run.status == 0, "rules explain \(d.id): \(run.stderr)")
      #expect(run.stdout.hasPrefix("\(d.id) \(d.name): "))
    }
  }

  /// `--only` and `--disable` pick rules; orglint's own ids always report, so that a broken file never passes
  /// because a rule was picked. Naming one says so, and how to accept a warning.
  @Test func diagnosticsCannotBeSelectedOrTurnedOff() throws {
    let disable = try OrglintProcess.lint(["--disable", "schema007", "Examples/secure-org"])
    #expect(disable.status == 2)
    #expect(
      disable.stderr
        == "orglint: error: --disable: SCHEMA007 is a diagnostic of orglint itself, not a rule, and always reports; "
        + "to accept it, suppress it in the config file's 'suppressions' list [CLI001 unknown-rule]\n"
        + "orglint could not lint: 1 problem (exit code 2)\n")
    let only = try OrglintProcess.lint(["--only", "SCHEMA001", "Examples/secure-org"])
    #expect(only.status == 2)
    #expect(only.stderr.hasPrefix("orglint: error: --only: SCHEMA001 is a diagnostic of orglint itself, not a rule, and "
      + "always reports; fix what it reports [CLI001 unknown-rule]\n"))
    // --only ROOT001 on a set with a broken file still reports the file's SCHEMA errors and fails.
    let picked = try OrglintProcess.lint(["--only", "ROOT001", "--format", "json", "Examples/insecure-org"])
    #expect(picked.status == 1)
    #expect(try JSONReport(picked).findings.contains { $0.ruleId == "SCHEMA001" })
  }

  @Test func everySARIFHelpUriResolves() throws {
    let run = try OrglintProcess.lint(["--format", "sarif", "--fail-on", "never", "Examples/insecure-org"])
    #expect(run.status == 0, "\(run.stderr)")
    let sarif = try #require(try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
    let runs = try #require(sarif["runs"] as? [[String: Any]])
    let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let prefix = "https://github.com/orglint/orglint/blob/main/"
    var checked = 0
    for rule in rules {
      let id = try #require(rule["id"] as? String)
      let uri = try #require(rule["helpUri"] as? String, "\(id) has no helpUri")
      #expect(uri.hasPrefix(prefix), "\(id): \(uri)")
      let target = uri.dropFirst(prefix.count).split(separator: "#", maxSplits: 1).map(String.init)
      #expect(FileManager.default.fileExists(atPath: Self.root + "/" + target[0]), "\(id): \(uri) has no file")
      if target.count == 2 {
        #expect(try Self.anchors(in: target[0]).contains(target[1]), "\(id): \(uri) has no such section")
      }
      checked += 1
    }
    #expect(rules.contains { $0["id"] as? String == "SCHEMA001" })
    #expect(checked > 40)
  }
}
