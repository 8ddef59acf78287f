/// Go-style duration text (`24h`, `1h30m`, `1.5s`, `-2m`, `300ms`) plus orglint's `d` for days (`30d` = 720h), read
/// exactly into a signed count of nanoseconds (about ±292 years, like Go's `time.Duration`). The one home for duration
/// text: rule parameters, `.orglint.yaml` overrides and CEL's `duration()` all read it here.
public enum GoDuration {
  private static let units: [(name: String, nanoseconds: Int64)] = [
    ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000),
    ("m", 60_000_000_000), ("h", 3_600_000_000_000), ("d", 86_400_000_000_000),
  ]

  /// Nanoseconds, or nil when `text` is not a duration or does not fit 64 bits. An optional sign, then one or more
  /// number–unit pairs; a bare `0` needs no unit. Units: ns, us (µs, μs), ms, s, m, h, d. Fraction digits below a
  /// nanosecond are dropped, as Go does.
  public static func nanoseconds(_ text: String) -> Int64? {
    var s = Substring(text)
    var negative = false
    if s.first == "-" || s.first == "+" {
      negative = s.first == "-"
      s = s.dropFirst()
    }
    if s == "0" { return 0 }
    if s.isEmpty { return nil }
    var total: Int64 = 0
    while !s.isEmpty {
      let whole = s.prefix { $0.isASCII && $0.isNumber }
      s = s.dropFirst(whole.count)
      var fraction = Substring("")
      if s.first == "." {
        s = s.dropFirst()
        fraction = s.prefix { $0.isASCII && $0.isNumber }
        s = s.dropFirst(fraction.count)
      }
      if whole.isEmpty && fraction.isEmpty { return nil }
      guard let unit = units.filter({ s.hasPrefix($0.name) }).max(by: { $0.name.count < $1.name.count }) else {
        return nil
      }
      s = s.dropFirst(unit.name.count)
      guard let w = whole.isEmpty ? 0 : Int64(whole) else { return nil }
      var (value, overflow) = w.multipliedReportingOverflow(by: unit.nanoseconds)
      if overflow { return nil }
      var scale = unit.nanoseconds
      for digit in fraction {
        scale /= 10
        if scale == 0 { break }
        (value, overflow) = value.addingReportingOverflow(Int64(digit.wholeNumberValue ?? 0) * scale)
        if overflow { return nil }
      }
      (total, overflow) = total.addingReportingOverflow(value)
      if overflow { return nil }
    }
    return negative ? -total : total
  }

  /// CEL's canonical form: seconds with the fraction it needs, `3600s`, `1.5s`, `-0.000000001s`.
  public static func secondsText(_ nanoseconds: Int64) -> String {
    let sign = nanoseconds < 0 ? "-" : ""
    let magnitude = nanoseconds.magnitude
    let seconds = magnitude / 1_000_000_000
    let rest = magnitude % 1_000_000_000
    if rest == 0 { return "\(sign)\(seconds)s" }
    var fraction = String(rest)
    fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return "\(sign)\(seconds).\(fraction)s"
  }

  /// The largest whole unit that fits: `30d`, `24h`, `15m`, `90s`, `250ms`, else nanoseconds (`1500ns`); `0s` for 0.
  public static func shortText(_ nanoseconds: Int64) -> String {
    if nanoseconds == 0 { return "0s" }
    let sizes: [(Int64, String)] = [
      (86_400_000_000_000, "d"), (3_600_000_000_000, "h"), (60_000_000_000, "m"), (1_000_000_000, "s"),
      (1_000_000, "ms"), (1, "ns"),
    ]
    for (size, name) in sizes where nanoseconds % size == 0 { return "\(nanoseconds / size)\(name)" }
    return "\(nanoseconds)ns"
  }
}
