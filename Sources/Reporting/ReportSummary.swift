import Diagnostics
import RuleEngine

/// The counts a run ends with: active problems by severity, those hidden by suppressions or the baseline, and how
/// many checks were judged.
///
/// Configuration problems count as active; a finding is active when `Finding.isActive` says so.
public struct ReportSummary: Hashable, Sendable, Codable {
  public var errors = 0
  public var warnings = 0
  public var notes = 0
  /// Findings a suppression applies to.
  public var suppressed = 0
  /// Unsuppressed findings that the baseline already records (`baselineState == .unchanged`).
  public var baselined = 0
  public var filesScanned: Int
  /// Checks (rule × scope item whose `when` is not false), judged or not.
  public var checks: Int
  /// Checks that read an unknown fact.
  public var notJudged: Int
  /// Judged checks / checks, rounded to 4 decimals; 1 when there is no check.
  public var coverage: Double

  public init(_ report: Report) {
    filesScanned = report.filesScanned
    checks = report.checks
    notJudged = report.notJudged.count
    coverage = checks == 0 ? 1 : (Double(checks - notJudged) / Double(checks) * 10_000).rounded() / 10_000
    for finding in report.configurationProblems + report.findings {
      if finding.suppression != nil {
        suppressed += 1
      } else if !finding.isActive {
        baselined += 1
      } else {
        switch finding.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .note: notes += 1
        }
      }
    }
  }

  /// `3 errors, 1 warning and 2 notes in 12 files (2 suppressed, 1 in baseline)`.
  public var text: String {
    let parts = [(errors, "error"), (warnings, "warning"), (notes, "note")].filter { $0.0 > 0 }
      .map { Self.count($0.0, $0.1) }
    var line: String
    switch parts.count {
    case 0: line = "no problems found"
    case 1: line = parts[0]
    default: line = parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }
    line += " in " + Self.count(filesScanned, "file")
    let hidden = [suppressed > 0 ? "\(suppressed) suppressed" : nil, baselined > 0 ? "\(baselined) in baseline" : nil]
      .compactMap { $0 }
    if !hidden.isEmpty { line += " (" + hidden.joined(separator: ", ") + ")" }
    return line
  }

  /// `2 checks not judged (unknown: <cause> ×2, <cause> ×1, <cause> ×1, 2 more)`: the checks that read unknown
  /// facts and their most common causes (by count, then by text; three at most); nil when every check was judged.
  public static func notJudgedText(_ notJudged: [NotJudged]) -> String? {
    guard !notJudged.isEmpty else { return nil }
    var counts: [String: Int] = [:]
    for check in notJudged { for cause in check.causes { counts[cause, default: 0] += 1 } }
    let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    var shown = top.prefix(3).map { "\($0.key) ×\($0.value)" }
    if top.count > 3 { shown.append("\(top.count - 3) more") }
    let verb = notJudged.count == 1 ? "check not judged" : "checks not judged"
    return "\(notJudged.count) \(verb) (unknown: " + shown.joined(separator: ", ") + ")"
  }

  /// `1 error`, `2 errors`.
  static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
