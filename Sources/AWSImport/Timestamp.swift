import Diagnostics

/// A point in time with one-second precision, read from the ISO 8601 forms AWS prints and written as RFC 3339 UTC.
///
/// Accepted: `2026-10-01T10:00:00Z`, `2026-10-01T10:00:00.123000+00:00`, `2026-10-01T03:00:00-07:00`,
/// `2026-10-01 10:00:00+00:00` (space separator). Fractions of a second are dropped, so output stays stable.
struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Seconds since 1970-01-01T00:00:00Z.
  var seconds: Int

  init(seconds: Int) { self.seconds = seconds }

  /// Nil when `text` is not RFC 3339 (`RFC3339` in Diagnostics) or names a date that does not exist.
  init?(parsing text: String) {
    guard let t = RFC3339.parse(text), let whole = Int(exactly: t.seconds) else { return nil }
    seconds = whole
  }

  /// RFC 3339 in UTC, e.g. `2026-10-01T10:00:00Z`.
  var description: String { RFC3339.format(seconds: Int64(seconds)) }

  static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

  /// This time plus `seconds`; nil when the sum overflows (the operand may come from an export file).
  func adding(seconds delta: Int) -> Timestamp? {
    let (sum, overflow) = seconds.addingReportingOverflow(delta)
    return overflow ? nil : Timestamp(seconds: sum)
  }
}
