/// A point in time: seconds since 1970-01-01T00:00:00Z and nanoseconds within the second (always 0...999_999_999).
///
/// Parsed from RFC 3339 text by a hand-written parser (no Foundation), so that loading stays fast.
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
    var text = text
    guard let t = text.withUTF8({ Timestamp.parse($0) }) else { return nil }
    self = t
  }

  /// Parses RFC 3339 bytes; nil when they are not a valid date-time with an offset.
  public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
    let n = b.count
    guard n >= 20 else { return nil }
    @inline(__always) func digits(_ at: Int, _ count: Int) -> Int? {
      var v = 0
      for i in at..<(at + count) {
        let d = Int(b[i]) &- 48
        guard d >= 0, d <= 9 else { return nil }
        v = v * 10 + d
      }
      return v
    }
    guard let year = digits(0, 4), b[4] == 0x2D, let month = digits(5, 2), b[7] == 0x2D, let day = digits(8, 2),
      b[10] == 0x54 || b[10] == 0x74 || b[10] == 0x20,
      let hour = digits(11, 2), b[13] == 0x3A, let minute = digits(14, 2), b[16] == 0x3A, let second = digits(17, 2)
    else { return nil }
    guard month >= 1, month <= 12, day >= 1, day <= daysIn(month: month, year: year), hour <= 23, minute <= 59,
      second <= 60
    else { return nil }
    var i = 19
    var nanos = 0
    if b[i] == 0x2E {
      i += 1
      var scale = 100_000_000
      let first = i
      while i < n, b[i] >= 0x30, b[i] <= 0x39 {
        nanos += Int(b[i] - 0x30) * scale
        scale /= 10
        i += 1
      }
      guard i > first else { return nil }
    }
    guard i < n else { return nil }
    var offset = 0
    switch b[i] {
    case 0x5A, 0x7A:
      i += 1
    case 0x2B, 0x2D:
      guard i + 6 == n, let oh = digits(i + 1, 2), b[i + 3] == 0x3A, let om = digits(i + 4, 2), oh <= 23, om <= 59
      else { return nil }
      offset = (oh * 60 + om) * 60 * (b[i] == 0x2D ? -1 : 1)
      i += 6
    default:
      return nil
    }
    guard i == n else { return nil }
    let days = daysFromCivil(year: year, month: month, day: day)
    let secs = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
    return Timestamp(seconds: secs, nanos: Int32(nanos))
  }

  /// RFC 3339 in UTC: `2026-10-01T10:00:00Z`, with a fraction (trailing zeros trimmed) when nanos is not 0.
  public var description: String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let rest = Int(seconds - days * 86_400)
    let (y, m, d) = civilFromDays(Int(days))
    var out = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T"
    out += pad(rest / 3600, 2) + ":" + pad(rest / 60 % 60, 2) + ":" + pad(rest % 60, 2)
    if nanos != 0 {
      var frac = pad(Int(nanos), 9)
      while frac.last == "0" { frac.removeLast() }
      out += "." + frac
    }
    return out + "Z"
  }
}

private func pad(_ v: Int, _ width: Int) -> String {
  let s = String(v)
  return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

private func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

private func daysIn(month: Int, year: Int) -> Int {
  switch month {
  case 2: isLeap(year) ? 29 : 28
  case 4, 6, 9, 11: 30
  default: 31
  }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
private func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
  let y = month <= 2 ? year - 1 : year
  let era = (y >= 0 ? y : y - 399) / 400
  let yoe = y - era * 400
  let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
  let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
  return era * 146_097 + doe - 719_468
}

private func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
  let z = z0 + 719_468
  let era = (z >= 0 ? z : z - 146_096) / 146_097
  let doe = z - era * 146_097
  let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
  let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
  let mp = (5 * doy + 2) / 153
  let d = doy - (153 * mp + 2) / 5 + 1
  let m = mp < 10 ? mp + 3 : mp - 9
  return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
}
