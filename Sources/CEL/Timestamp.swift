import Diagnostics

/// A CEL timestamp: seconds since the Unix epoch plus nanoseconds (0..<1e9), between year 1 and year 9999 (UTC).
public struct CELTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var seconds: Int64
  public var nanos: Int32

  static let minSeconds: Int64 = -62_135_596_800  // 0001-01-01T00:00:00Z
  static let maxSeconds: Int64 = 253_402_300_799  // 9999-12-31T23:59:59Z

  /// A timestamp, or nil outside CEL's range.
  public init?(seconds: Int64, nanos: Int32 = 0) {
    guard seconds >= CELTimestamp.minSeconds, seconds <= CELTimestamp.maxSeconds, nanos >= 0, nanos < 1_000_000_000
    else { return nil }
    self.seconds = seconds
    self.nanos = nanos
  }

  public static func < (a: CELTimestamp, b: CELTimestamp) -> Bool { (a.seconds, a.nanos) < (b.seconds, b.nanos) }

  /// Adds a duration; nil when the result leaves the range.
  func adding(_ d: CELDuration) -> CELTimestamp? {
    let ds = d.nanoseconds / 1_000_000_000
    var n = Int64(nanos) + d.nanoseconds % 1_000_000_000
    var s = seconds + ds
    if n < 0 {
      n += 1_000_000_000
      s -= 1
    } else if n >= 1_000_000_000 {
      n -= 1_000_000_000
      s += 1
    }
    return CELTimestamp(seconds: s, nanos: Int32(n))
  }

  /// `self - other`; nil when it does not fit a duration.
  func difference(_ other: CELTimestamp) -> CELDuration? {
    let (a, o1) = (seconds - other.seconds).multipliedReportingOverflow(by: 1_000_000_000)
    let (b, o2) = a.addingReportingOverflow(Int64(nanos) - Int64(other.nanos))
    return o1 || o2 ? nil : CELDuration(nanoseconds: b)
  }

  /// Parses RFC 3339 (`RFC3339` in Diagnostics): `2009-02-13T23:31:30Z`, `...30.123456789Z`, `...30+05:30`. Like
  /// cel-go (Go's `time.Parse`), no space for `T` and no leap second `:60`.
  public static func parse(_ text: String) -> CELTimestamp? {
    RFC3339.parse(text, spaceForT: false).flatMap { CELTimestamp(seconds: $0.seconds, nanos: $0.nanos) }
  }

  /// RFC 3339 in UTC with the fraction only as long as needed.
  public var description: String { RFC3339.format(seconds: seconds, nanos: nanos) }
}
