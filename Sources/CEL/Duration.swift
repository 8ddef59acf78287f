/// A CEL duration: a signed count of nanoseconds (about ±292 years, like Go's `time.Duration`).
public struct CELDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var nanoseconds: Int64

  public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

  init(seconds: Int64, nanos: Int64) { nanoseconds = seconds &* 1_000_000_000 &+ nanos }

  public static func < (a: CELDuration, b: CELDuration) -> Bool { a.nanoseconds < b.nanoseconds }

  /// Parses Go-style durations: an optional sign, then number–unit pairs (`24h`, `1h30m`, `1.5s`, `-2m`, `300ms`)
  /// with units ns, us, µs, ms, s, m, h, and the orglint extension `d` (24h).
  public static func parse(_ text: String) -> CELDuration? {
    var s = Substring(text)
    var negative = false
    if s.first == "-" || s.first == "+" {
      negative = s.first == "-"
      s = s.dropFirst()
    }
    if s == "0" { return CELDuration(nanoseconds: 0) }
    if s.isEmpty { return nil }
    let units: [(String, Int64)] = [
      ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000),
      ("m", 60_000_000_000), ("h", 3_600_000_000_000), ("d", 86_400_000_000_000),
    ]
    var total: Int64 = 0
    while !s.isEmpty {
      let whole = s.prefix { $0.isASCII && $0.isNumber }
      s = s.dropFirst(whole.count)
      var frac = Substring("")
      if s.first == "." {
        s = s.dropFirst()
        frac = s.prefix { $0.isASCII && $0.isNumber }
        s = s.dropFirst(frac.count)
      }
      if whole.isEmpty && frac.isEmpty { return nil }
      guard let unit = units.filter({ s.hasPrefix($0.0) }).max(by: { $0.0.count < $1.0.count }) else { return nil }
      s = s.dropFirst(unit.0.count)
      guard let w = whole.isEmpty ? 0 : Int64(whole) else { return nil }
      var (v, o) = w.multipliedReportingOverflow(by: unit.1)
      if o { return nil }
      var scale = unit.1
      for c in frac {
        scale /= 10
        if scale == 0 { break }
        (v, o) = v.addingReportingOverflow(Int64(c.wholeNumberValue ?? 0) * scale)
        if o { return nil }
      }
      (total, o) = total.addingReportingOverflow(v)
      if o { return nil }
    }
    return CELDuration(nanoseconds: negative ? -total : total)
  }

  /// CEL's canonical form: seconds with the needed fraction, e.g. `3600s`, `1.5s`, `-0.000000001s`.
  public var description: String {
    let sign = nanoseconds < 0 ? "-" : ""
    let mag = nanoseconds.magnitude
    let secs = mag / 1_000_000_000
    let frac = mag % 1_000_000_000
    if frac == 0 { return "\(sign)\(secs)s" }
    var f = String(frac)
    f = String(repeating: "0", count: 9 - f.count) + f
    while f.hasSuffix("0") { f.removeLast() }
    return "\(sign)\(secs).\(f)s"
  }
}
