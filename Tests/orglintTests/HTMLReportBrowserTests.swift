import Foundation
import OrglintTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `--format html` in a real browser: headless Chromium loads the report, runs its script, and the tests read the
/// resulting DOM (`--dump-dom`) or a screenshot.
@Suite(.requires(.command("chromium"), for: "the html report in a browser"))
struct HTMLReportBrowserTests {
  /// Writes the html report of `arguments` into `folder` and returns its path.
  static func report(_ arguments: [String], in folder: TemporaryFolder, expectStatus: Int32 = 1) throws -> String {
    let path = folder.path + "/report.html"
    let run = try OrglintProcess.lint(["--format", "html", "--output", path] + arguments)
    #expect(run.status == expectStatus, "\(run.stderr)")
    #expect(run.stdout == "")
    return path
  }

  /// The data block's findings of the report at `path`, as [rule id, message, anchor].
  static func findings(_ path: String) throws -> [(rule: String, message: String, anchor: String)] {
    let html = try String(contentsOfFile: path, encoding: .utf8)
    let open = try #require(html.range(of: "<script type=\"application/json\" id=\"orglint-data\">"))
    let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
    let data = try #require(
      try JSONSerialization.jsonObject(with: Data(html[open.upperBound..<close.lowerBound].utf8)) as? [String: Any])
    let rules = try #require(data["rules"] as? [[Any]])
    let findings = try #require(data["findings"] as? [[Any]])
    return findings.map { f in (rules[f[0] as! Int][0] as! String, f[2] as! String, f[9] as! String) }
  }

  @Test func insecureOrgReportDrawsTheOrganizationAndCounts() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try Self.report(["Examples/insecure-org"], in: folder)
    let dom = try Chromium.dumpDOM(url: "file://" + path, profile: folder.path + "/profile")
    #expect(dom.contains("<body data-ready=\"true\" data-ready-ms=\""))
    // 13 accounts in 5 OUs plus Root, every OU open (a small organization).
    #expect(dom.components(separatedBy: "data-kind=\"account\"").count - 1 == 13)
    #expect(dom.components(separatedBy: "data-kind=\"ou\"").count - 1 == 6)
    #expect(dom.contains("data-account=\"666666666666\" data-worst=\"error\""))
    #expect(dom.contains("data-account=\"101010101010\" data-worst=\"no finding\""))
    #expect(dom.contains("globex-management (111111111111), account, worst: error, management account"))
    #expect(dom.contains("<tspan>Workloads</tspan><tspan class=\"tag\" dx=\"10\">7 accounts: ✖ 7</tspan>"
      + "<tspan class=\"tag\" dx=\"10\">SCP: deny-root-user</tspan>"))
    // Counts, the finding list, the open recovery on the timeline.
    #expect(dom.contains("<strong data-count=\"active\">31</strong> active findings"))
    #expect(dom.contains("<p id=\"finding-count\" aria-live=\"polite\">31 of 31 findings shown</p>"))
    #expect(dom.components(separatedBy: "<article class=\"finding ").count - 1 == 31)
    #expect(dom.contains("<span class=\"open\"> · open recovery, 45 days</span>"))
    #expect(dom.components(separatedBy: "class=\"tl-row\"").count - 1 == 5)
  }

  @Test func aFindingsLinkSurvivesAReload() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try Self.report(["Examples/insecure-org"], in: folder)
    let task001 = try #require(try Self.findings(path).first { $0.rule == "TASK001" && $0.message.contains("web-prod") })
    // Opening the page at the link (a reload, a link in a ticket) marks that finding and opens its rule text, even
    // when a filter would hide it.
    let dom = try Chromium.dumpDOM(url: "file://" + path + "#" + task001.anchor, profile: folder.path + "/profile")
    #expect(dom.contains("<article class=\"finding sev-error targeted\" id=\"\(task001.anchor)\" tabindex=\"-1\" data-rule=\"TASK001\">"))
    #expect(dom.contains("<a class=\"permalink\" href=\"#\(task001.anchor)\" aria-label=\"Link to this finding\">"))
    #expect(dom.components(separatedBy: " targeted\" id=").count - 1 == 1)
    #expect(dom.contains("<details open=\"\"><summary>About TASK001: Root password recovery is closed after the privileged task"))
    // An account link selects the account and lists its findings.
    let account = try Chromium.dumpDOM(url: "file://" + path + "#account-666666666666", profile: folder.path + "/profile")
    #expect(account.contains("<h3>web-prod (666666666666)</h3>"))
    #expect(account.contains("<p>2 findings:</p>"))
    #expect(account.contains("<a href=\"#\(task001.anchor)\">TASK001: "))
    // A mangled link selects nothing and breaks nothing.
    let mangled = try Chromium.dumpDOM(url: "file://" + path + "#%E0%A4%A", profile: folder.path + "/profile")
    #expect(mangled.contains("<body data-ready=\"true\" data-ready-ms=\""))
    #expect(!mangled.contains(" targeted\" id="))
  }

  @Test func accountsWithChecksNotJudgedAreMarked() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try Self.report(["Examples/partial-audit"], in: folder, expectStatus: 0)
    let dom = try Chromium.dumpDOM(url: "file://" + path + "#account-303030303030", profile: folder.path + "/profile")
    #expect(dom.components(separatedBy: "<circle class=\"njring\"").count - 1 == 2)
    #expect(dom.contains("<tspan class=\"tag\" dx=\"10\">? 4 not judged</tspan>"))
    #expect(dom.contains("<li>4 checks not judged (facts listed as unknown): ACCT001, ROOT001, ROOT004, ROOT008</li>"))
    #expect(dom.contains("hooli-audit (202020202020), account, worst: no finding, IAM delegated administrator, 0 findings"))
  }

  @Test func hostileNamesRenderAsText() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      "org/organization.yaml",
      """
      apiVersion: orglint/v1
      kind: Organization
      id: o-hostile1234
      managementAccount: "111111111111"
      organizationalUnits:
        - name: "<img src=x onerror=document.body.setAttribute('data-pwned','ou')>"
      accounts:
        - id: "111111111111"
          name: "mgmt</script><script>document.body.setAttribute('data-pwned','name')</script>"
          email: a@example.com
        - id: "222222222222"
          name: "<b>bold</b>"
          email: b@example.com
          organizationalUnit: "<img src=x onerror=document.body.setAttribute('data-pwned','ou')>"

      """)
    let path = try Self.report([folder.path + "/org"], in: folder)
    let dom = try Chromium.dumpDOM(url: "file://" + path, profile: folder.path + "/profile")
    #expect(dom.contains("<body data-ready=\"true\" data-ready-ms=\""))
    #expect(!dom.contains("data-pwned=\""))
    #expect(!dom.contains("<b>bold"))
    #expect(!dom.contains("<img"))
    #expect(dom.contains(
      "<tspan>mgmt&lt;/script&gt;&lt;script&gt;document.body.setAttribute('data-pwned','name')&lt;/script&gt; "
        + "(111111111111)</tspan>"))
    #expect(dom.contains("<tspan>&lt;img src=x onerror=document.body.setAttribute('data-pwned','ou')&gt;</tspan>"))
    #expect(dom.contains("<p class=\"msg\">account &lt;b&gt;bold&lt;/b&gt; (222222222222) has no security alternate contact</p>"))
  }

  /// Keyboard and filters: a test page (not part of the report) loads the report in a frame, sends it keys and
  /// input events, and writes what happened into its own DOM, which `--dump-dom` returns.
  @Test func keyboardAndFilters() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    _ = try Self.report(["Examples/insecure-org"], in: folder)
    let driver = try folder.write("driver.html", """
      <!DOCTYPE html><html><body><pre id="log"></pre><iframe id="f" src="report.html" width="1280" height="900"></iframe>
      <script>
      var lines = [];
      function out(k, v) { lines.push(k + ": " + v); document.getElementById("log").textContent = lines.join("\\n"); }
      document.getElementById("f").addEventListener("load", function () {
        var w = this.contentWindow, d = w.document;
        function key(k) { d.activeElement.dispatchEvent(new w.KeyboardEvent("keydown", { key: k, bubbles: true })); }
        function row() { return d.activeElement.getAttribute("aria-label"); }
        function rows() { return d.querySelectorAll("#tree .row").length; }
        out("tab stops", d.querySelectorAll("#tree .row[tabindex='0']").length);
        d.querySelector("#tree .row[tabindex='0']").focus();
        out("start", row());
        key("ArrowDown");
        out("down", row());
        key("Enter");
        out("enter", d.activeElement.getAttribute("aria-expanded") + ", " + rows() + " rows");
        key("ArrowRight");
        out("right", d.activeElement.getAttribute("aria-expanded") + ", " + rows() + " rows");
        key("ArrowDown"); key("ArrowDown");
        key(" ");
        out("panel", d.querySelector("#account-panel h3").textContent + ", " + w.location.hash);
        key("ArrowLeft");
        out("left", row());
        var search = d.getElementById("f-search");
        search.value = "WEB-PROD";
        search.dispatchEvent(new w.Event("input"));
        setTimeout(function () {
          out("search", d.getElementById("finding-count").firstChild.textContent);
          var errors = d.querySelector("#filters input[value='2']");
          errors.checked = false;
          errors.dispatchEvent(new w.Event("change"));
          out("no errors", d.getElementById("finding-count").firstChild.textContent);
          var ou = d.getElementById("f-ou");
          search.value = ""; search.dispatchEvent(new w.Event("input"));
          errors.checked = true; errors.dispatchEvent(new w.Event("change"));
          ou.value = ou.querySelector("option:nth-child(4)").value;
          ou.dispatchEvent(new w.Event("change"));
          setTimeout(function () {
            out("ou " + ou.options[ou.selectedIndex].textContent, d.getElementById("finding-count").firstChild.textContent);
            document.body.setAttribute("data-done", "true");
          }, 400);
        }, 400);
      });
      </script></body></html>
      """)
    let dom = try Chromium.dumpDOM(
      url: "file://" + driver, profile: folder.path + "/profile", extra: ["--allow-file-access-from-files"])
    let log = try #require(dom.firstMatch(of: #/<pre id="log">([^<]*)</pre>/#)).output.1
    #expect(log.split(separator: "\n").map(String.init) == [
      "tab stops: 1",
      "start: Root o-globex7h3k2m, OU, 13 accounts; accounts with errors 9, warnings 3, notes 0; SCPs deny-leave-organization",
      "down: Security, OU, 2 accounts; accounts with errors 1, warnings 1, notes 0",
      "enter: false, 17 rows",
      "right: true, 19 rows",
      "panel: log-archive (333333333333), #account-333333333333",
      "left: Security, OU, 2 accounts; accounts with errors 1, warnings 1, notes 0",
      "search: 2 of 31 findings shown",
      "no errors: 0 of 31 findings shown",
      "ou Workloads: 16 of 31 findings shown",  // with Prod and NonProd below it
    ])
    #expect(dom.contains("data-done=\"true\""))
  }

  @Test func screenshotIsNotBlank() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = try Self.report(["Examples/insecure-org"], in: folder)
    let blank = try folder.write("blank.html", "<!DOCTYPE html><html><body></body></html>")
    let shot = try Chromium.screenshot(url: "file://" + path, profile: folder.path + "/profile", to: folder.path + "/r.png")
    let empty = try Chromium.screenshot(url: "file://" + blank, profile: folder.path + "/profile", to: folder.path + "/b.png")
    #expect(Array(shot.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    #expect(Chromium.pngSize(shot)?.width == 1280)
    #expect(Chromium.pngSize(shot)?.height == 900)
    #expect(Chromium.pngSize(empty)?.width == 1280)
    // A white page compresses to almost nothing; the report's text, charts and tree do not.
    #expect(shot.count > 10 * empty.count, "report \(shot.count) bytes, blank page \(empty.count) bytes")
  }
}

/// Headless Chromium, run once per call with its own profile folder and a generous hang guard.
enum Chromium {
  static func run(_ arguments: [String], profile: String, extra: [String] = []) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
       "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--window-size=1280,900"] + extra + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    let box = Box()
    let readers = DispatchGroup()
    DispatchQueue.global().async(group: readers) { box.data = out.fileHandleForReading.readAllRetryingInterrupts() }
    try process.run()
    let deadline = Date().addingTimeInterval(240)
    while process.isRunning && Date() < deadline { usleep(50_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    readers.wait()
    #expect(process.terminationStatus == 0, "chromium exited with \(process.terminationStatus)")
    return box.data
  }

  /// Standard output, written by the reader thread before `readers.wait()` returns.
  private final class Box: @unchecked Sendable { var data = Data() }

  /// The DOM after the page's script ran, serialized.
  static func dumpDOM(url: String, profile: String, extra: [String] = []) throws -> String {
    String(decoding: try run(["--dump-dom", url], profile: profile, extra: extra), as: UTF8.self)
  }

  /// A 1280×900 PNG of the page.
  static func screenshot(url: String, profile: String, to file: String) throws -> Data {
    _ = try run(["--screenshot=" + file, url], profile: profile)
    return try Data(contentsOf: URL(fileURLWithPath: file))
  }

  /// Width and height from a PNG's IHDR chunk.
  static func pngSize(_ png: Data) -> (width: Int, height: Int)? {
    let b = [UInt8](png.prefix(24))
    guard b.count == 24 else { return nil }
    func be(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
    return (be(16), be(20))
  }
}
