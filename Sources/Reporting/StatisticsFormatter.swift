import Diagnostics

/// The `--statistics` table: how many active findings each rule produced, most frequent first.
///
/// ```
///  12  ROOT001  member-root-password-removed
///   3  ORG002   root-sessions-enabled
/// ```
public enum StatisticsFormatter {
  public static func render(_ report: Report) -> String {
    var counts: [String: (name: String, count: Int)] = [:]
    for finding in report.diagnostics where finding.isActive {
      counts[finding.ruleId, default: (finding.ruleName, 0)].count += 1
    }
    let rows = counts.sorted { a, b in a.value.count != b.value.count ? a.value.count > b.value.count : a.key < b.key }
    let countWidth = rows.map { String($0.value.count).count }.max() ?? 0
    let idWidth = rows.map(\.key.count).max() ?? 0
    return rows.map { row in
      let count = String(row.value.count)
      let pad = String(repeating: " ", count: countWidth - count.count)
      let id = row.key + String(repeating: " ", count: idWidth - row.key.count)
      return "\(pad)\(count)  \(id)  \(row.value.name)\n"
    }.joined()
  }
}
