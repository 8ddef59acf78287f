import Diagnostics

/// The counts a run ends with: active problems by severity, and those hidden by suppressions or the baseline.
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

  public init(_ report: Report) {
    filesScanned = report.filesScanned
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

  /// `1 error`, `2 errors`.
  static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
