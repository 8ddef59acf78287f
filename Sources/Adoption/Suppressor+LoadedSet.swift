import Diagnostics
import LocatedYAML
import OrgModel
import RuleEngine

extension Suppressor {
  /// What findings of a loaded set are about, from their fingerprints (`ROOT001:account/333333333333/root.password`,
  /// `TASK001:task/333333333333/…`): the account id, and the OU path the set gives that account.
  public static func subjects(in set: LoadedSet) -> Subject {
    var ous: [String: String] = [:]
    for account in set.accounts {
      if let ou = account.organizationalUnit { ous[account.id] = OUPath.normalize(ou) }
    }
    let accountOUs = ous
    return { finding in
      guard let fp = finding.fingerprint, let colon = fp.firstIndex(of: ":") else { return (nil, nil) }
      let parts = fp[fp.index(after: colon)...].split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
      guard parts.count >= 2, parts[0] == "account" || parts[0] == "task" else { return (nil, nil) }
      let id = String(parts[1])
      return (id, accountOUs[id])
    }
  }
}

extension InlineSuppressions {
  /// The inline suppressions of several files (the reported files of a set), in file order.
  public static func parse(files: [YAMLFile]) -> (suppressions: [SuppressionDirective], findings: [Finding]) {
    var suppressions: [SuppressionDirective] = []
    var findings: [Finding] = []
    for file in files {
      let (s, f) = parse(file)
      suppressions += s
      findings += f
    }
    return (suppressions, findings)
  }
}

extension Suppressor {
  /// Suppression for one `orglint lint` run: the inline comments of the reported files, the config's central list,
  /// rules looked up among every loaded rule (`rules`) plus `otherRules` (the loader's ids), those outside
  /// `ranRuleIds` not reported as unused, and no unused report at all when only some files are reported.
  /// Returns the findings with suppressions set, followed by the suppressions' own findings (SUP001–SUP005).
  public static func suppress(
    _ findings: [Finding], in set: LoadedSet, config: OrglintConfig?, rules: [Rule], otherRules: [RuleDescriptor],
    ranRuleIds: Set<String>, today: CivilDate, cwd: String
  ) -> [Finding] {
    let reported = set.files.filter { set.isReported($0.source.path) }
    let (inline, malformed) = InlineSuppressions.parse(files: reported)
    // Nothing to apply and nothing to report: skip building the subjects of every finding.
    if inline.isEmpty, malformed.isEmpty, config?.suppressions.isEmpty ?? true { return findings }
    var suppressor = Suppressor(
      lookup: RuleLookup(rules: rules, others: otherRules), today: today, subject: subjects(in: set),
      relativePath: { path in config.map { $0.relativePath(of: path, cwd: cwd) } ?? path })
    suppressor.notRun = Set(rules.map(\.id)).subtracting(ranRuleIds)
    suppressor.reportsUnused = set.reportedPaths == nil
    let (out, problems) = suppressor.apply(findings, inline: inline, central: config?.suppressions ?? [])
    return out + malformed + problems
  }
}
