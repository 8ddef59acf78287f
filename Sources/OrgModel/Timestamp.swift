import Diagnostics

/// A point in time: seconds since 1970-01-01T00:00:00Z and nanoseconds within the second (always 0...999_999_999).
///
/// Read from RFC 3339 text by `RFC3339` (Diagnostics, no Foundation), so that loading stays fast.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var seconds: Int64
  public var nanos: Int32

  public init(seconds: Int64, nanos: Int32 = 0) {
    self.seconds = seconds
    self.nanos = nanos
  }

  public static func < (a: Timestamp, b: Timestamp) -> Bool {
    a.seconds != b.seconds ? a.seconds < b.seconds : a.nanos < b.nanos
  }

  /// Parses RFC 3339 text such as `2026-10-01T10:00:00Z`, `2026-10-01t10:00:00.5+02:00` (a space may stand for `T`).
  public init?(rfc3339 text: String) {
    guard let t = RFC3339.parse(text) else { return nil }
    self.init(seconds: t.seconds, nanos: t.nanos)
  }

  /// Parses RFC 3339 bytes; nil when they are not a valid date-time with an offset.
  public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
    RFC3339.parse(b).map { Timestamp(seconds: $0.seconds, nanos: $0.nanos) }
  }

  /// RFC 3339 in UTC: `2026-10-01T10:00:00Z`, with a fraction (trailing zeros trimmed) when nanos is not 0.
  public var description: String { RFC3339.format(seconds: seconds, nanos: nanos) }
}
