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

  /// Parses RFC 3339: `2009-02-13T23:31:30Z`, `...30.123456789Z`, `...30+05:30`.
  public static func parse(_ text: String) -> CELTimestamp? {
    let u = Array(text.utf8)
    var i = 0
    func num(_ n: Int) -> Int64? {
      guard i + n <= u.count else { return nil }
      var v: Int64 = 0
      for k in i..<(i + n) {
        guard u[k] >= 48, u[k] <= 57 else { return nil }
        v = v * 10 + Int64(u[k] - 48)
      }
      i += n
      return v
    }
    func lit(_ c: UInt8) -> Bool {
      guard i < u.count, u[i] == c || (c == 84 && u[i] == 116) else { return false }  // T or t
      i += 1
      return true
    }
    // No leap second (:60): cel-go (Go's time.Parse) rejects it too, and a timestamp cannot represent it.
    guard let y = num(4), lit(45), let mo = num(2), lit(45), let d = num(2), lit(84),
      let h = num(2), lit(58), let mi = num(2), lit(58), let s = num(2),
      (1...12).contains(mo), (1...daysIn(month: mo, year: y)).contains(d), h < 24, mi < 60, s < 60
    else { return nil }
    var nanos: Int64 = 0
    if i < u.count, u[i] == 46 {
      i += 1
      var digits = 0
      while i < u.count, u[i] >= 48, u[i] <= 57 {
        if digits < 9 { nanos = nanos * 10 + Int64(u[i] - 48) }
        digits += 1
        i += 1
      }
      if digits == 0 { return nil }
      for _ in digits..<max(digits, 9) { nanos *= 10 }
    }
    var offset: Int64 = 0
    if i < u.count, u[i] == 90 || u[i] == 122 {
      i += 1
    } else if i < u.count, u[i] == 43 || u[i] == 45 {
      let sign: Int64 = u[i] == 45 ? -1 : 1
      i += 1
      guard let oh = num(2), lit(58), let om = num(2), oh < 24, om < 60 else { return nil }
      offset = sign * (oh * 3600 + om * 60)
    } else {
      return nil
    }
    guard i == u.count else { return nil }
    let secs = daysFromCivil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s - offset
    return CELTimestamp(seconds: secs, nanos: Int32(nanos))
  }

  /// RFC 3339 in UTC with the fraction only as long as needed.
  public var description: String {
    let c = CivilTime(seconds: seconds)
    func pad(_ v: Int64, _ n: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, n - s.count)) + s
    }
    var out = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T"
    out += "\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
    if nanos != 0 {
      var f = pad(Int64(nanos), 9)
      while f.hasSuffix("0") { f.removeLast() }
      out += "." + f
    }
    return out + "Z"
  }
}

func isLeap(_ y: Int64) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

func daysIn(month: Int64, year: Int64) -> Int64 {
  switch month {
  case 2: return isLeap(year) ? 29 : 28
  case 4, 6, 9, 11: return 30
  default: return 31
  }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
  let y = m <= 2 ? y0 - 1 : y0
  let era = (y >= 0 ? y : y - 399) / 400
  let yoe = y - era * 400
  let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
  let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
  return era * 146_097 + doe - 719_468
}

/// The broken-down calendar fields of a second count (already shifted to local time when a zone applies).
struct CivilTime {
  var year, month, day, hour, minute, second, dayOfWeek, dayOfYear: Int64

  init(seconds: Int64) {
    var days = seconds / 86_400
    var rem = seconds % 86_400
    if rem < 0 {
      rem += 86_400
      days -= 1
    }
    hour = rem / 3600
    minute = rem % 3600 / 60
    second = rem % 60
    dayOfWeek = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4)
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    day = doy - (153 * mp + 2) / 5 + 1
    month = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    dayOfYear = days - daysFromCivil(year, 1, 1)
  }
}
