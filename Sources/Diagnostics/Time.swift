// The one home of calendar arithmetic and RFC 3339 text. The model's `Timestamp`, CEL's `CELTimestamp` and the
// importer's `Timestamp` are thin wrappers over these, and suppressions' `expires` dates are `CivilDate`s; none keeps
// its own copy.

/// A date of the proleptic Gregorian calendar that exists: month 1–12 and a day that month has (no February 31,
/// February 29 only in leap years).
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int64
  public let month: Int64
  public let day: Int64

  /// The date, or nil when it does not exist.
  public init?(year: Int64, month: Int64, day: Int64) {
    guard (1...12).contains(month), day >= 1, day <= CivilDate.days(inMonth: month, year: year) else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The date `days` days after 1970-01-01 (before it when negative); Howard Hinnant's civil-from-days.
  public init(daysSinceEpoch days: Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    day = doy - (153 * mp + 2) / 5 + 1
    month = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// An RFC 3339 `full-date`, exactly `YYYY-MM-DD`, that exists; nil otherwise.
  public init?(fullDate text: String) {
    var text = text
    guard let date = text.withUTF8({ b -> CivilDate? in
      guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D, let y = digits(b, 0, 4), let m = digits(b, 5, 2),
        let d = digits(b, 8, 2)
      else { return nil }
      return CivilDate(year: y, month: m, day: d)
    }) else { return nil }
    self = date
  }

  /// Days from 1970-01-01 to this date (negative before it); Howard Hinnant's days-from-civil.
  public var daysSinceEpoch: Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// `YYYY-MM-DD`, the year padded to four digits.
  public var description: String { zeroPadded(year, 4) + "-" + zeroPadded(month, 2) + "-" + zeroPadded(day, 2) }

  public static func < (a: CivilDate, b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

  /// Whether `year` has a February 29 (every 4th year, except centuries not divisible by 400).
  public static func isLeap(_ year: Int64) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

  /// How many days `month` (1–12) has in `year`.
  public static func days(inMonth month: Int64, year: Int64) -> Int64 {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

/// The calendar and clock fields of an instant given as seconds since 1970-01-01T00:00:00Z (shift the seconds first
/// to read them in another zone).
public struct CivilTime: Sendable {
  public let date: CivilDate
  /// 0–23, 0–59, 0–59.
  public let hour, minute, second: Int64
  /// 0 = Sunday … 6 = Saturday.
  public let dayOfWeek: Int64
  /// 0 = January 1.
  public let dayOfYear: Int64

  public init(secondsSinceEpoch seconds: Int64) {
    var days = seconds / 86_400
    var rest = seconds % 86_400
    if rest < 0 {
      rest += 86_400
      days -= 1
    }
    date = CivilDate(daysSinceEpoch: days)
    hour = rest / 3600
    minute = rest / 60 % 60
    second = rest % 60
    dayOfWeek = (days % 7 + 11) % 7  // 1970-01-01 was a Thursday (4)
    dayOfYear = days - CivilDate(year: date.year, month: 1, day: 1)!.daysSinceEpoch
  }

  public var year: Int64 { date.year }
  public var month: Int64 { date.month }
  public var day: Int64 { date.day }
}

/// RFC 3339 `date-time` text, read into and written from seconds since 1970-01-01T00:00:00Z plus nanoseconds.
///
/// Read: `2026-10-01T10:00:00Z`, `t` for `T`, `z` for `Z`, an offset `+02:30` / `-07:00` (hours 00–23, minutes 00–59),
/// a fraction of any length (digits past nanoseconds are dropped). Rejected: a date that does not exist (February 31),
/// hour 24, minute 60, a leap second `:60` (an instant in seconds cannot hold it, and Go's `time.Parse`, which
/// cel-go uses, rejects it too), a missing offset, trailing text.
public enum RFC3339 {
  /// The instant `text` names; nil when it is not RFC 3339. `spaceForT` also accepts a space between date and time
  /// (RFC 3339 §5.6 allows it "for readability"; AWS exports and organization files use it, CEL does not).
  public static func parse(_ text: String, spaceForT: Bool = true) -> (seconds: Int64, nanos: Int32)? {
    var text = text
    return text.withUTF8 { parse($0, spaceForT: spaceForT) }
  }

  /// `parse(_:spaceForT:)` on UTF-8 bytes, for loaders that hold them already.
  public static func parse(_ b: UnsafeBufferPointer<UInt8>, spaceForT: Bool = true) -> (seconds: Int64, nanos: Int32)? {
    let n = b.count
    guard n >= 20, b[4] == 0x2D, b[7] == 0x2D, b[13] == 0x3A, b[16] == 0x3A,
      b[10] == 0x54 || b[10] == 0x74 || (spaceForT && b[10] == 0x20),
      let year = digits(b, 0, 4), let month = digits(b, 5, 2), let day = digits(b, 8, 2),
      let hour = digits(b, 11, 2), let minute = digits(b, 14, 2), let second = digits(b, 17, 2),
      let date = CivilDate(year: year, month: month, day: day), hour <= 23, minute <= 59, second <= 59
    else { return nil }
    var i = 19
    var nanos: Int64 = 0
    if b[i] == 0x2E {
      i += 1
      var scale: Int64 = 100_000_000
      let first = i
      while i < n, b[i] >= 0x30, b[i] <= 0x39 {
        nanos += Int64(b[i] - 0x30) * scale
        scale /= 10
        i += 1
      }
      guard i > first else { return nil }
    }
    guard i < n else { return nil }
    var offset: Int64 = 0
    switch b[i] {
    case 0x5A, 0x7A:
      i += 1
    case 0x2B, 0x2D:
      guard i + 6 <= n, let oh = digits(b, i + 1, 2), b[i + 3] == 0x3A, let om = digits(b, i + 4, 2), oh <= 23,
        om <= 59
      else { return nil }
      offset = (oh * 60 + om) * 60 * (b[i] == 0x2D ? -1 : 1)
      i += 6
    default:
      return nil
    }
    guard i == n else { return nil }
    return (date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset, Int32(nanos))
  }

  /// RFC 3339 in UTC, `2026-10-01T10:00:00Z`, with a fraction (trailing zeros trimmed) when `nanos` is not 0.
  public static func format(seconds: Int64, nanos: Int32 = 0) -> String {
    let c = CivilTime(secondsSinceEpoch: seconds)
    var out = c.date.description + "T" + zeroPadded(c.hour, 2) + ":" + zeroPadded(c.minute, 2) + ":"
    out += zeroPadded(c.second, 2)
    if nanos != 0 {
      var fraction = zeroPadded(Int64(nanos), 9)
      while fraction.last == "0" { fraction.removeLast() }
      out += "." + fraction
    }
    return out + "Z"
  }
}

/// The number the ASCII digits `b[at..<at+count]` spell, or nil when one is not a digit or the range is short.
@inline(__always)
private func digits(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ count: Int) -> Int64? {
  guard at + count <= b.count else { return nil }
  var value: Int64 = 0
  for i in at..<(at + count) {
    let d = Int64(b[i]) &- 48
    guard d >= 0, d <= 9 else { return nil }
    value = value * 10 + d
  }
  return value
}

private func zeroPadded(_ value: Int64, _ width: Int) -> String {
  let text = String(value)
  return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
