/// A calendar date written `YYYY-MM-DD`, as `expires=` and `expires:` take it; compared as text once validated.
public struct DateStamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let text: String

  /// A valid date (month 01–12, a day that exists in that month), or nil.
  public init?(_ text: String) {
    let u = Array(text.utf8)
    guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D else { return nil }
    let digits = [0, 1, 2, 3, 5, 6, 8, 9]
    guard digits.allSatisfy({ (0x30...0x39).contains(u[$0]) }) else { return nil }
    func number(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + Int(u[$1] - 0x30) } }
    let year = number(0..<4)
    let month = number(5..<7)
    let day = number(8..<10)
    guard (1...12).contains(month), day >= 1 else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard day <= lengths[month - 1] else { return nil }
    self.text = text
  }

  /// The UTC date of a moment given as seconds since 1970-01-01T00:00:00Z (the CLI's `--now`).
  public init(secondsSinceEpoch seconds: Int64) {
    // Howard Hinnant's civil-from-days.
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    func pad(_ n: Int64, _ width: Int) -> String {
      let t = String(n)
      return String(repeating: "0", count: max(0, width - t.count)) + t
    }
    self.text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (lhs: DateStamp, rhs: DateStamp) -> Bool { lhs.text < rhs.text }
  public var description: String { text }
}
