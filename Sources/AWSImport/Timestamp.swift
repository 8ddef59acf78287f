/// A point in time with one-second precision, read from the ISO 8601 forms AWS prints and written as RFC 3339 UTC.
///
/// Accepted: `2026-10-01T10:00:00Z`, `2026-10-01T10:00:00.123000+00:00`, `2026-10-01T03:00:00-07:00`,
/// `2026-10-01 10:00:00+00:00` (space separator). Fractions of a second are dropped, so output stays stable.
struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Seconds since 1970-01-01T00:00:00Z.
  var seconds: Int

  init(seconds: Int) { self.seconds = seconds }

  init?(parsing text: String) {
    let b = Array(text.utf8)
    func num(_ from: Int, _ count: Int) -> Int? {
      guard from + count <= b.count else { return nil }
      var value = 0
      for i in from..<from + count {
        guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
        value = value * 10 + Int(b[i] - 0x30)
      }
      return value
    }
    guard b.count >= 19, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
      b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
      b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
      let year = num(0, 4), let month = num(5, 2), let day = num(8, 2),
      let hour = num(11, 2), let minute = num(14, 2), let second = num(17, 2),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var i = 19
    if i < b.count, b[i] == UInt8(ascii: ".") {
      i += 1
      let start = i
      while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
      guard i > start else { return nil }
    }
    var offset = 0
    if i < b.count, b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
      i += 1
    } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
      guard let oh = num(i + 1, 2), i + 3 < b.count, b[i + 3] == UInt8(ascii: ":"), let om = num(i + 4, 2) else {
        return nil
      }
      offset = (oh * 60 + om) * 60 * (b[i] == UInt8(ascii: "-") ? -1 : 1)
      i += 6
    } else {
      return nil
    }
    guard i == b.count else { return nil }
    let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
    seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
  }

  /// RFC 3339 in UTC, e.g. `2026-10-01T10:00:00Z`.
  var description: String {
    let days = Int((Double(seconds) / 86_400).rounded(.down))
    let rest = seconds - days * 86_400
    let (y, m, d) = Timestamp.civilFromDays(days)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let year = String(repeating: "0", count: max(0, 4 - String(y).count)) + String(y)
    return "\(year)-\(two(m))-\(two(d))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
  }

  static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

  /// This time plus `seconds`; nil when the sum overflows (the operand may come from an export file).
  func adding(seconds delta: Int) -> Timestamp? {
    let (sum, overflow) = seconds.addingReportingOverflow(delta)
    return overflow ? nil : Timestamp(seconds: sum)
  }

  // Howard Hinnant's civil calendar algorithms (proleptic Gregorian).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
