import Diagnostics

/// `--format html`: one self-contained page (inline CSS, script and SVG; a Content-Security-Policy that allows no
/// network) with the organization drawn as a tree, counts as bar charts, the privileged-task timeline and every
/// finding with its source.
///
/// The header and the counts are written here as escaped HTML, so they show without the script; the tree, the
/// timeline and the finding list are drawn by the page's script from a JSON data block (`HTMLReportData`), a screen
/// at a time, so that a 50,000-account report opens in seconds. Docs/output-formats.md describes the page.
public struct HTMLFormatter: ReportFormatter {
  public init() {}

  public func render(_ report: Report) -> String {
    let data = HTMLReportData(report)
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
    out += "script-src 'unsafe-inline'; img-src data:\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<meta name=\"color-scheme\" content=\"light dark\">\n"
    let org = data.outline.id.isEmpty ? "" : " — " + data.outline.id
    out += "<title>orglint report\(escape(org))</title>\n<style>\n\(HTMLAssets.css)</style>\n</head>\n<body>\n"
    out += "<a class=\"skip\" href=\"#findings\">Skip to the findings</a>\n"
    out += header(data)
    out += "<main>\n"
    out += counts(data)
    out += organizationSection(data)
    out += timelineSection(data)
    out += findingsSection(data)
    out += "</main>\n"
    out += "<script type=\"application/json\" id=\"orglint-data\">"
    out += dataBlock(data)
    out += "</script>\n<script>\n\(HTMLAssets.script)</script>\n</body>\n</html>\n"
    return out
  }

  private func escape(_ s: String) -> String { XMLEscaping.text(s) }
  private func attribute(_ s: String) -> String { XMLEscaping.attribute(s) }

  private func header(_ data: HTMLReportData) -> String {
    let r = data.report
    var facts = ["orglint \(r.toolVersion)", ReportSummary.count(r.filesScanned, "file")]
    if !data.outline.id.isEmpty { facts.insert("organization \(data.outline.id)", at: 0) }
    if !data.outline.accounts.isEmpty { facts.append(ReportSummary.count(data.outline.accounts.count, "account")) }
    if let now = r.now { facts.append("now \(RFC3339.format(seconds: now, nanos: 0))") }
    facts.append("exit code \(r.exitCode)")
    var out = "<header>\n<h1>orglint report</h1>\n<p class=\"facts\">"
    out += facts.map(escape).joined(separator: " · ") + "</p>\n"
    if !r.notJudged.isEmpty, let line = ReportSummary.notJudgedText(r.sortedNotJudged) {
      out += "<p class=\"notjudged\"><span aria-hidden=\"true\">? </span>\(escape(line))</p>\n"
    }
    return out + "</header>\n"
  }

  private func counts(_ data: HTMLReportData) -> String {
    let severities = data.severityCounts
    let bySeverity = Severity.allCases.reversed().map { s in
      Bar(label: s.rawValue, count: severities[s] ?? 0, cssClass: "sev-\(s.rawValue)", title: nil)
    }
    let byRule = data.ruleCounts.map { Bar(label: $0.rule.id, count: $0.count, cssClass: "sev-\($0.rule.severity.rawValue)",
                                            title: $0.rule.name) }
    let active = severities.values.reduce(0, +)
    var out = "<section id=\"counts\" aria-labelledby=\"counts-h\">\n<h2 id=\"counts-h\">Counts</h2>\n"
    out += "<p id=\"count-summary\"><strong data-count=\"active\">\(active)</strong> active "
    out += active == 1 ? "finding" : "findings"
    out += "; counted apart: <strong data-count=\"suppressed\">\(data.count(.suppressed))</strong> suppressed, "
    out += "<strong data-count=\"baselined\">\(data.count(.baselined))</strong> in the baseline"
    if data.report.checks > 0 {
      let judged = data.report.checks - data.report.notJudged.count
      out += "; <strong data-count=\"not-judged\">\(data.report.notJudged.count)</strong> of \(data.report.checks) "
      out += "checks not judged (coverage \(coverage(judged, data.report.checks)))"
    }
    out += ".</p>\n<div class=\"charts\">\n"
    out += chart(title: "Active findings per severity", id: "chart-severity", bars: bySeverity)
    out += chart(title: "Active findings per rule", id: "chart-rule", bars: byRule)
    return out + "</div>\n</section>\n"
  }

  private func coverage(_ judged: Int, _ checks: Int) -> String {
    let tenths = (judged * 1000 + checks / 2) / checks
    return "\(tenths / 10).\(tenths % 10)%"
  }

  private struct Bar {
    var label: String
    var count: Int
    var cssClass: String
    var title: String?
  }

  /// A horizontal bar chart in SVG: label, bar, and the number written next to it (the bar is never the only
  /// carrier of the value).
  private func chart(title: String, id: String, bars: [Bar]) -> String {
    let rowHeight = 22
    let labelWidth = 90
    let barWidth = 260
    let height = max(1, bars.count) * rowHeight + 4
    let most = bars.map(\.count).max() ?? 0
    var out = "<figure class=\"chart\" id=\"\(id)\">\n<figcaption>\(escape(title))</figcaption>\n"
    out += "<svg role=\"img\" aria-labelledby=\"\(id)-desc\" width=\"\(labelWidth + barWidth + 60)\" "
    out += "height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\">\n"
    let description = bars.isEmpty ? "none" : bars.map { "\($0.label): \($0.count)" }.joined(separator: ", ")
    out += "<desc id=\"\(id)-desc\">\(escape(title)): \(escape(description))</desc>\n"
    if bars.isEmpty { out += "<text x=\"0\" y=\"16\" class=\"muted\">none</text>\n" }
    for (i, bar) in bars.enumerated() {
      let y = i * rowHeight + 2
      let width = most == 0 ? 0 : max(bar.count > 0 ? 2 : 0, bar.count * barWidth / most)
      out += "<g class=\"bar \(bar.cssClass)\" data-label=\"\(attribute(bar.label))\" data-count=\"\(bar.count)\">"
      if let title = bar.title { out += "<title>\(escape(bar.label + " " + title))</title>" }
      out += "<text x=\"0\" y=\"\(y + 15)\">\(escape(bar.label))</text>"
      out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"\(rowHeight - 6)\"></rect>"
      out += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\">\(bar.count)</text></g>\n"
    }
    return out + "</svg>\n</figure>\n"
  }

  private func organizationSection(_ data: HTMLReportData) -> String {
    """
    <section id="organization" aria-labelledby="org-h">
    <h2 id="org-h">Organization</h2>
    <p class="legend"><span class="mark sev-error">✖ error</span> <span class="mark sev-warning">▲ warning</span> \
    <span class="mark sev-note">● note</span> <span class="mark sev-clean">✓ no finding</span> \
    <span class="mark nj">? checks not judged</span> <span class="badge">management</span> \
    <span class="badge">IAM admin</span> <span class="badge pol">SCP name</span></p>
    <p class="hint">Enter or click on an OU opens or closes it; on an account, lists its findings.</p>
    <div class="org-layout"><div id="tree" class="tree"><noscript>The tree needs JavaScript; every finding is in the \
    data block of this file.</noscript></div>
    <aside id="account-panel" aria-live="polite" tabindex="-1"><p class="muted">Choose an account to list its \
    findings.</p></aside></div>
    </section>

    """
  }

  private func timelineSection(_ data: HTMLReportData) -> String {
    let open = data.windows.filter(\.isOpen).count
    return """
      <section id="timeline" aria-labelledby="timeline-h">
      <h2 id="timeline-h">Privileged tasks</h2>
      <p>\(ReportSummary.count(data.outline.tasks.count, "task")) on \
      \(ReportSummary.count(Set(data.outline.tasks.map(\.account)).count, "account")); \
      <strong data-count="open-recoveries">\(open)</strong> open password \(open == 1 ? "recovery" : "recoveries") \
      (IAMCreateRootUserPassword without a later IAMDeleteRootUserCredentials in this log). The axis ends at now.</p>
      <div id="timeline-rows"></div>
      </section>

      """
  }

  private func findingsSection(_ data: HTMLReportData) -> String {
    """
    <section id="findings" aria-labelledby="findings-h">
    <h2 id="findings-h">Findings</h2>
    <form id="filters" role="search" onsubmit="return false">
    <fieldset><legend>Severity</legend>
    <label><input type="checkbox" name="sev" value="2" checked> error</label>
    <label><input type="checkbox" name="sev" value="1" checked> warning</label>
    <label><input type="checkbox" name="sev" value="0" checked> note</label></fieldset>
    <label>Rule <select id="f-rule"><option value="">all rules</option></select></label>
    <label>OU <select id="f-ou"><option value="">all OUs</option></select></label>
    <label>Status <select id="f-status"><option value="all">all</option><option value="0">active</option>\
    <option value="1">suppressed</option><option value="2">in the baseline</option></select></label>
    <label>Search <input type="search" id="f-search" placeholder="message, file, rule, account"></label>
    </form>
    <p id="finding-count" aria-live="polite"></p>
    <ol id="finding-list" class="findings"></ol>
    <button type="button" id="more-findings" hidden>Show more findings</button>
    </section>

    """
  }

  // MARK: - The data block

  private func dataBlock(_ data: HTMLReportData) -> String {
    let q = HTMLReportData.scriptString
    var out = "{\"now\":\(data.report.now.map(String.init) ?? "null"),\"org\":\(q(data.outline.id))"
    out += ",\"rootPolicies\":" + list(data.outline.rootPolicies.map(q))
    // units: [name, path, policies, parent (-1: Root), depth]
    out += ",\"units\":" + list(data.units.map { u in
      list([q(u.unit.name), q(u.unit.path), list(u.unit.policies.map(q)), String(u.parent ?? -1), String(u.depth)])
    })
    // accounts: [id, name, unit (-1: Root), flags (1 management, 2 IAM admin), policies, worst (-1 none, 0 note,
    // 1 warning, 2 error), not-judged checks, rules not judged there]
    out += ",\"accounts\":" + list(data.outline.accounts.enumerated().map { i, a in
      let flags = (a.isManagement ? 1 : 0) | (a.isDelegatedAdmin ? 2 : 0)
      return list([
        q(a.id), q(a.name), String(data.unitOf(account: i) ?? -1), String(flags), list(a.policies.map(q)),
        String(data.worst[i].map(code) ?? -1), String(data.notJudged[i]), list(data.notJudgedRules[i].map(String.init)),
      ])
    })
    // rules: [id, name, title, severity, description, remediation, help URI]
    out += ",\"rules\":" + list(data.rules.map { r in
      list([q(r.id), q(r.name), q(r.title), String(code(r.severity)), q(r.description), q(r.remediation),
            q(data.report.helpURI(for: r) ?? "")])
    })
    var paths: [String: Int] = [:]
    var pathList: [String] = []
    func pathIndex(_ p: String?) -> Int {
      guard let p else { return -1 }
      if let i = paths[p] { return i }
      paths[p] = pathList.count
      pathList.append(p)
      return pathList.count - 1
    }
    // findings: [rule, severity, message, path, line, column, account, unit, status, anchor, first source line,
    // source lines, note (suppression or related locations)]
    var findings: [String] = []
    findings.reserveCapacity(data.items.count)
    for item in data.items {
      let f = item.finding
      let (first, lines) = sourceLines(f, data.report.sources)
      var note = ""
      if let s = f.suppression { note = "suppressed (\(s.kind == .inSource ? "in source" : "config")): \(s.justification)" }
      let related = f.related.map { r in "\(r.path):\(r.range.map { "\($0.start.line)" } ?? "") \(r.message)" }
      findings.append(list([
        String(item.rule), String(code(f.severity)), q(TerminalText.safe(f.message)), String(pathIndex(f.path)),
        String(f.range?.start.line ?? 0), String(f.range?.start.column ?? 0), String(item.account ?? -1),
        String(item.unit ?? -1), String(item.status.rawValue), q(item.anchor), String(first),
        list(lines.map(q)), q(TerminalText.safe(note)), list(related.map { q(TerminalText.safe($0)) }),
      ]))
    }
    // tasks: [account (-1: not in the set), account id, kind, start, end, path, line, principal]
    let tasks = data.outline.tasks.map { t in
      list([
        String(data.accountIndex[t.account] ?? -1), q(t.account), q(t.kind), t.startedAt.map(String.init) ?? "null",
        t.completedAt.map(String.init) ?? "null", String(pathIndex(t.path)), String(t.line ?? 0), q(t.principal),
      ])
    }
    // windows: [create task, delete task (-1: open), start, end (null: open)]
    let windows = data.windows.map { w in
      list([String(w.createTask), String(w.deleteTask ?? -1), String(w.start), w.end.map(String.init) ?? "null"])
    }
    out += ",\"findings\":" + list(findings) + ",\"tasks\":" + list(tasks) + ",\"windows\":" + list(windows)
    out += ",\"paths\":" + list(pathList.map(q)) + "}"
    return out
  }

  private func list(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

  private func code(_ s: Severity) -> Int {
    switch s {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }

  /// The finding's lines (at most 3, each cut to 200 columns, controls and bidirectional marks made visible).
  private func sourceLines(_ f: Finding, _ sources: [String: SourceFile]) -> (Int, [String]) {
    guard let path = f.path, let range = f.range, let file = sources[path], range.start.line >= 1,
      range.start.line <= file.lineCount
    else { return (0, []) }
    let last = min(file.lineCount, max(range.start.line, range.end.line - (range.end.column == 1 ? 1 : 0)),
                   range.start.line + 2)
    let lines = (range.start.line...last).map { n in
      let (text, cut) = file.lineExcerpt(n, fromColumn: 1, width: 200)
      return TerminalText.safe(text, keepTabs: true) + (cut ? "…" : "")
    }
    return (range.start.line, lines)
  }
}
