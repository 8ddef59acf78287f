import Diagnostics
import RuleEngine

/// Applies suppressions to findings, honouring each rule's `suppressible`, and reports the suppressions' own
/// problems: no reason (SUP001), expired (SUP002, no longer applies), matches nothing (SUP003), unknown rule (SUP004).
///
/// An inline suppression covers findings of `path` whose range starts on its lines; a central one covers findings
/// about an account id, about accounts in an OU or below it, or in files matching a glob. Inline comments are tried
/// first. Suppressed findings stay in the output, with `suppression` set.
public struct Suppressor: Sendable {
  /// The account id and OU path a finding is about (nil for findings about no account); the engine derives them
  /// from the logical location.
  public typealias Subject = @Sendable (Finding) -> (accountId: String?, ouPath: String?)

  public var lookup: RuleLookup
  public var today: CivilDate
  public var subject: Subject
  /// A finding's path relative to the config file's folder, for central `path:` globs (nil: outside it).
  public var relativePath: @Sendable (String) -> String?
  /// Rules that did not run (disabled by the config, `--disable`, `--only`): suppressions of them are not reported
  /// as matching nothing.
  public var notRun: Set<String> = []
  /// False when only part of the set is reported (named files): then a suppression may match a finding in a file
  /// that is not reported, so none is reported as matching nothing.
  public var reportsUnused = true

  public init(
    lookup: RuleLookup, today: CivilDate, subject: @escaping Subject,
    relativePath: @escaping @Sendable (String) -> String? = { $0 }
  ) {
    self.lookup = lookup
    self.today = today
    self.subject = subject
    self.relativePath = relativePath
  }

  /// `findings` with suppressions applied (same order), and the suppressions' own findings in directive order.
  public func apply(_ findings: [Finding], inline: [SuppressionDirective], central: [SuppressionDirective])
    -> (findings: [Finding], problems: [Finding])
  {
    let directives = inline + central
    var problems = [[Finding]](repeating: [], count: directives.count)
    // Rule ids each live directive suppresses; an expired or fully unknown directive has none.
    var ruleIds: [[String]] = []
    for (i, d) in directives.enumerated() {
      var ids: [String] = []
      var seen = Set<String>()
      for name in d.rules {
        if let entry = lookup.entry(name) {
          if seen.insert(entry.id).inserted { ids.append(entry.id) }
        } else {
          problems[i].append(problem(AdoptionRules.unknownSuppressedRule,
            "suppression names unknown rule '\(name)'" + lookup.hint(for: name), d, key: name))
        }
      }
      if d.reason.isEmpty, !ids.isEmpty {
        let how = d.kind == .inSource ? "write it after '--'" : "add a 'reason:'"
        problems[i].append(problem(AdoptionRules.missingReason,
          "suppression of \(ids.joined(separator: ", ")) has no reason; \(how)", d, key: ids.joined(separator: ",")))
      }
      if let expires = d.expires, today >= expires, !ids.isEmpty {
        problems[i].append(problem(AdoptionRules.expired,
          "suppression of \(ids.joined(separator: ", ")) expired on \(expires); the findings it covered are reported "
            + "again", d, key: ids.joined(separator: ",")))
        ids = []
      }
      ruleIds.append(ids)
    }
    let index = Index(directives, ruleIds)
    var used = Set<UsedKey>()
    var out = findings
    for (n, finding) in findings.enumerated() where finding.suppression == nil {
      guard let entry = lookup.entry(finding.ruleId), entry.suppressible != .false else { continue }
      var chosen: Int?
      if entry.suppressible == .true, let path = finding.path, let line = finding.range?.start.line {
        chosen = index.inline(path: path, line: line, ruleId: entry.id)
      }
      if chosen == nil, let candidates = index.central[entry.id] {
        var subject: (accountId: String?, ouPath: String?)?
        chosen = candidates.first { covers(directives[$0], finding, &subject) }
      }
      guard let i = chosen else { continue }
      used.insert(UsedKey(directive: i, ruleId: entry.id))
      let d = directives[i]
      out[n].suppression = Suppression(kind: d.kind, justification: d.reason, path: d.path, line: d.range.start.line)
    }
    for (i, d) in directives.enumerated() {
      guard reportsUnused else { break }
      for id in ruleIds[i] where !used.contains(UsedKey(directive: i, ruleId: id)) && !notRun.contains(id) {
        problems[i].append(problem(AdoptionRules.unused, unusedMessage(id, d), d, key: id))
      }
    }
    return (out, Array(problems.joined()))
  }

  /// The live directives indexed for lookups in O(1) or O(log n) per finding.
  private struct Index {
    struct LineKey: Hashable {
      var path: String
      var line: Int
      var ruleId: String
    }
    struct PathRule: Hashable {
      var path: String
      var ruleId: String
    }
    /// `orglint-disable-next-line`: the first directive for a path, line and rule.
    var lines: [LineKey: Int] = [:]
    /// `orglint-disable`: per path and rule, scopes sorted by first line. A scope runs to the end of its document,
    /// so ends grow with starts: only the nearest scope starting at or before a line can cover it.
    var scopes: [PathRule: [(start: Int, end: Int, index: Int)]] = [:]
    /// Central directives by rule id, in list order.
    var central: [String: [Int]] = [:]

    init(_ directives: [SuppressionDirective], _ ruleIds: [[String]]) {
      for (i, d) in directives.enumerated() {
        for id in ruleIds[i] {
          switch d.target {
          case .lines(let path, let range) where range.count == 1:
            let key = LineKey(path: path, line: range.lowerBound, ruleId: id)
            if lines[key] == nil { lines[key] = i }
          case .lines(let path, let range):
            scopes[PathRule(path: path, ruleId: id), default: []].append((range.lowerBound, range.upperBound, i))
          default:
            central[id, default: []].append(i)
          }
        }
      }
      for key in scopes.keys { scopes[key]!.sort { ($0.start, $0.index) < ($1.start, $1.index) } }
    }

    /// The inline directive covering a finding of `ruleId` that starts on `line` of `path`.
    func inline(path: String, line: Int, ruleId: String) -> Int? {
      if let i = lines[LineKey(path: path, line: line, ruleId: ruleId)] { return i }
      guard let list = scopes[PathRule(path: path, ruleId: ruleId)] else { return nil }
      var lo = 0
      var hi = list.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if list[mid].start <= line { lo = mid + 1 } else { hi = mid }
      }
      guard lo > 0, list[lo - 1].end >= line else { return nil }
      return list[lo - 1].index
    }
  }

  private struct UsedKey: Hashable {
    var directive: Int
    var ruleId: String
  }

  /// True when a central directive's target covers the finding; `cached` keeps the finding's subject once computed.
  private func covers(
    _ d: SuppressionDirective, _ finding: Finding, _ cached: inout (accountId: String?, ouPath: String?)?
  ) -> Bool {
    func about() -> (accountId: String?, ouPath: String?) {
      if let cached { return cached }
      let s = subject(finding)
      cached = s
      return s
    }
    switch d.target {
    case .lines: return false
    case .account(let id): return about().accountId == id
    case .ou(let ou): return about().ouPath.map { OUPath.isWithin($0, ou) } ?? false
    case .files(let glob): return finding.path.flatMap(relativePath).map(glob.matches) ?? false
    }
  }

  private func unusedMessage(_ id: String, _ d: SuppressionDirective) -> String {
    let suppressible = lookup.entry(id)?.suppressible ?? .true
    if suppressible == .false {
      return "suppression of \(id) has no effect: the rule cannot be suppressed (suppressible: false)"
    }
    if suppressible == .central, d.kind == .inSource {
      return "suppression of \(id) has no effect: the rule can only be suppressed in the config file's "
        + "'suppressions' list (suppressible: central)"
    }
    return "suppression of \(id) matches no finding on \(d.targetText); remove it"
  }

  /// A finding about a suppression, at the suppression, with a line-free fingerprint.
  private func problem(_ rule: RuleDescriptor, _ message: String, _ d: SuppressionDirective, key: String) -> Finding {
    var f = Finding(rule, message, path: d.path, range: d.range)
    let target = d.kind == .inSource ? "" : ":" + d.targetText
    f.fingerprint = "\(rule.id):\(d.path):\(key)\(target)"
    return f
  }
}
