import Diagnostics

/// A calendar date written `YYYY-MM-DD`, as `expires=` and `expires:` take it; compared as text once validated.
public struct DateStamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let text: String

  /// A valid date (month 01–12, a day that exists in that month; `CivilDate` in Diagnostics), or nil.
  public init?(_ text: String) {
    guard CivilDate(fullDate: text) != nil else { return nil }
    self.text = text
  }

  /// The UTC date of a moment given as seconds since 1970-01-01T00:00:00Z (the CLI's `--now`).
  public init(secondsSinceEpoch seconds: Int64) {
    text = CivilTime(secondsSinceEpoch: seconds).date.description
  }

  public static func < (lhs: DateStamp, rhs: DateStamp) -> Bool { lhs.text < rhs.text }
  public var description: String { text }
}
