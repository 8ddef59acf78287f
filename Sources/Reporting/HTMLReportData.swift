import Diagnostics

/// What the html report shows, computed once from a `Report`: findings tied to accounts and OUs, the worst severity
/// per account, counts, and the data block the page's script draws from.
///
/// The data block is JSON inside `<script type="application/json">`; every string in it goes through `scriptString`,
/// so no value from the configuration can end the block or become markup (the script only ever sets `textContent`).
struct HTMLReportData {
  /// A finding as the page lists it.
  struct Item {
    var finding: Finding
    var rule: Int
    var account: Int?
    var unit: Int?
    /// `f-` and 12 hex digits from the finding's identity (its fingerprint, else rule, place and message): the
    /// URL fragment of its link, the same in the next report while the finding stays.
    var anchor: String
    var status: Status
  }

  /// Active, or why not.
  enum Status: Int {
    case active = 0, suppressed = 1, baselined = 2
  }

  /// One unit of the flattened OU tree, parents before children.
  struct FlatUnit {
    var unit: OrganizationOutline.Unit
    var parent: Int?
    var depth: Int
  }

  let report: Report
  let outline: OrganizationOutline
  private(set) var units: [FlatUnit] = []
  private(set) var unitIndex: [String: Int] = [:]
  private(set) var accountIndex: [String: Int] = [:]
  private(set) var rules: [RuleDescriptor] = []
  private(set) var items: [Item] = []
  /// Worst active severity per account (nil: none), and not-judged checks per account.
  private(set) var worst: [Severity?] = []
  private(set) var notJudged: [Int] = []
  /// The rules (indices in `rules`) with checks not judged on each account, in order, without repeats.
  private(set) var notJudgedRules: [[Int]] = []
  let windows: [RecoveryWindow]

  init(_ report: Report) {
    self.report = report
    self.outline = report.organization ?? OrganizationOutline(id: "")
    self.windows = RecoveryWindow.windows(in: outline.tasks)
    flatten(outline.units, parent: nil, depth: 0)
    for (i, account) in outline.accounts.enumerated() where accountIndex[account.id] == nil {
      accountIndex[account.id] = i
    }
    worst = Array(repeating: nil, count: outline.accounts.count)
    notJudged = Array(repeating: 0, count: outline.accounts.count)
    notJudgedRules = Array(repeating: [], count: outline.accounts.count)
    var ruleIndex: [String: Int] = [:]
    for rule in report.rules where ruleIndex[rule.id] == nil {
      ruleIndex[rule.id] = rules.count
      rules.append(rule)
    }
    let byLines = AccountLines(outline.accounts)
    var anchors: [String: Int] = [:]
    for finding in report.diagnostics {
      if ruleIndex[finding.ruleId] == nil {
        ruleIndex[finding.ruleId] = rules.count
        rules.append(RuleDescriptor(id: finding.ruleId, name: finding.ruleName, title: "", severity: finding.severity))
      }
      let account = entityId(finding.logicalLocation, "account/").flatMap { accountIndex[$0] }
        ?? entityId(finding.fingerprint, "account/").flatMap { accountIndex[$0] }
        ?? entityId(finding.logicalLocation, "task/").flatMap { accountIndex[$0] }
        ?? byLines.account(path: finding.path, line: finding.range?.start.line)
      let unit = account.flatMap { unitOf(account: $0) } ?? ouPath(finding.logicalLocation).flatMap { unitIndex[$0] }
      let status: Status =
        finding.suppression != nil ? .suppressed : finding.baselineState == .unchanged ? .baselined : .active
      var anchor = "f-" + Self.hash(identity(finding))
      if let seen = anchors[anchor] {
        anchors[anchor] = seen + 1
        anchor += "-\(seen + 1)"
      } else {
        anchors[anchor] = 1
      }
      if status == .active, let account { worst[account] = max(worst[account] ?? finding.severity, finding.severity) }
      items.append(Item(finding: finding, rule: ruleIndex[finding.ruleId]!, account: account, unit: unit,
                        anchor: anchor, status: status))
    }
    for check in report.notJudged {
      guard let id = entityId(check.entity, "account/"), let i = accountIndex[id] else { continue }
      notJudged[i] += 1
      if ruleIndex[check.ruleId] == nil {
        ruleIndex[check.ruleId] = rules.count
        rules.append(RuleDescriptor(id: check.ruleId, name: check.ruleName, title: "", severity: .note))
      }
      let rule = ruleIndex[check.ruleId]!
      if !notJudgedRules[i].contains(rule) { notJudgedRules[i].append(rule) }
    }
  }

  private mutating func flatten(_ list: [OrganizationOutline.Unit], parent: Int?, depth: Int) {
    for unit in list {
      let index = units.count
      units.append(FlatUnit(unit: unit, parent: parent, depth: depth))
      if unitIndex[unit.path] == nil { unitIndex[unit.path] = index }
      flatten(unit.children, parent: index, depth: depth + 1)
    }
  }

  /// The unit an account hangs under (nil: Root).
  func unitOf(account: Int) -> Int? { outline.accounts[account].unit.flatMap { unitIndex[$0] } }

  /// Active findings per severity, and the suppressed and baselined ones counted apart.
  var severityCounts: [Severity: Int] {
    var counts: [Severity: Int] = [:]
    for item in items where item.status == .active { counts[item.finding.severity, default: 0] += 1 }
    return counts
  }

  func count(_ status: Status) -> Int { items.reduce(0) { $0 + ($1.status == status ? 1 : 0) } }

  /// Active findings per rule, most first (then by id).
  var ruleCounts: [(rule: RuleDescriptor, count: Int)] {
    var counts = Array(repeating: 0, count: rules.count)
    for item in items where item.status == .active { counts[item.rule] += 1 }
    return counts.enumerated().filter { $0.element > 0 }.map { (rules[$0.offset], $0.element) }
      .sorted { $0.count != $1.count ? $0.count > $1.count : $0.rule.id < $1.rule.id }
  }

  /// The id after `prefix` in an entity path (`organization/o-x/account/123…/root` → `123…`): the characters up to
  /// the next `/`.
  private func entityId(_ text: String?, _ prefix: String) -> String? {
    guard let text, let r = text.range(of: prefix) else { return nil }
    if r.lowerBound != text.startIndex, text[text.index(before: r.lowerBound)] != "/",
      text[text.index(before: r.lowerBound)] != ":"
    {
      return nil
    }
    let id = text[r.upperBound...].prefix { $0 != "/" && $0 != "." }
    return id.isEmpty ? nil : String(id)
  }

  /// The OU path of an `ou/…` entity.
  private func ouPath(_ text: String?) -> String? {
    guard let text, let r = text.range(of: "ou/") else { return nil }
    return String(text[r.upperBound...])
  }

  private func identity(_ f: Finding) -> String {
    if let fingerprint = f.fingerprint { return fingerprint }
    return "\(f.ruleId)|\(f.path ?? "")|\(f.range?.start.line ?? 0)|\(f.range?.start.column ?? 0)|\(f.message)"
  }

  /// 48 bits of FNV-1a as 12 hex digits.
  static func hash(_ text: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      h ^= UInt64(byte)
      h = h &* 0x100_0000_01b3
    }
    let hex = String(h & 0xFFFF_FFFF_FFFF, radix: 16)
    return String(repeating: "0", count: 12 - hex.count) + hex
  }

  /// `s` as a JSON string that is safe inside a `<script>` element: `<`, `>` and `&` as `\u` escapes.
  static func scriptString(_ s: String) -> String {
    let quoted = JSONText.quoted(s)
    guard quoted.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 }) else { return quoted }
    var out = ""
    out.reserveCapacity(quoted.utf8.count + 12)
    for c in quoted.unicodeScalars {
      switch c {
      case "<": out += "\\u003C"
      case ">": out += "\\u003E"
      case "&": out += "\\u0026"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}

/// Accounts by file and line span, for findings that name no entity (a schema error inside an account's mapping).
private struct AccountLines {
  private var byPath: [String: [(lines: ClosedRange<Int>, index: Int)]] = [:]

  init(_ accounts: [OrganizationOutline.Account]) {
    for (i, account) in accounts.enumerated() {
      if let path = account.path, let lines = account.lines { byPath[path, default: []].append((lines, i)) }
    }
    for key in byPath.keys { byPath[key]!.sort { $0.lines.lowerBound < $1.lines.lowerBound } }
  }

  /// The innermost account whose mapping spans `line` of `path`.
  func account(path: String?, line: Int?) -> Int? {
    guard let path, let line, let spans = byPath[path] else { return nil }
    var low = 0
    var high = spans.count
    while low < high {  // the last span starting at or before `line`
      let mid = (low + high) / 2
      if spans[mid].lines.lowerBound <= line { low = mid + 1 } else { high = mid }
    }
    guard low > 0, spans[low - 1].lines.contains(line) else { return nil }
    return spans[low - 1].index
  }
}
