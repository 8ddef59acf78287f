import Diagnostics

/// A CEL duration: a signed count of nanoseconds (about ±292 years, like Go's `time.Duration`).
public struct CELDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var nanoseconds: Int64

  public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

  init(seconds: Int64, nanos: Int64) { nanoseconds = seconds &* 1_000_000_000 &+ nanos }

  public static func < (a: CELDuration, b: CELDuration) -> Bool { a.nanoseconds < b.nanoseconds }

  /// Parses Go-style durations (`GoDuration` in Diagnostics): `24h`, `1h30m`, `1.5s`, `-2m`, `300ms`, and the
  /// orglint extension `d` (24h).
  public static func parse(_ text: String) -> CELDuration? { GoDuration.nanoseconds(text).map { CELDuration(nanoseconds: $0) } }

  /// CEL's canonical form: seconds with the needed fraction, e.g. `3600s`, `1.5s`, `-0.000000001s`.
  public var description: String { GoDuration.secondsText(nanoseconds) }
}
