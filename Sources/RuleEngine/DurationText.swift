/// Go-style durations (`24h`, `1h30m`, `90s`, `1.5h`) plus `d` for days (`30d` = 720h), as FORMAT.md accepts them.
public enum DurationText {
  /// Nanoseconds, or nil when `text` is not a duration.
  public static func parse(_ text: String) -> Int64? {
    var s = Substring(text)
    var negative = false
    if s.first == "-" || s.first == "+" {
      negative = s.first == "-"
      s = s.dropFirst()
    }
    if s == "0" { return 0 }
    guard !s.isEmpty else { return nil }
    var total: Double = 0
    while !s.isEmpty {
      let number = s.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
      guard !number.isEmpty, let value = Double(number) else { return nil }
      s = s.dropFirst(number.count)
      let unit = s.prefix { $0.isLetter || $0 == "µ" }
      s = s.dropFirst(unit.count)
      let scale: Double
      switch unit {
      case "ns": scale = 1
      case "us", "µs": scale = 1e3
      case "ms": scale = 1e6
      case "s": scale = 1e9
      case "m": scale = 60e9
      case "h": scale = 3600e9
      case "d": scale = 86400e9
      default: return nil
      }
      total += value * scale
    }
    guard total < 9.2e18 else { return nil }
    return Int64(negative ? -total : total)
  }

  /// The shortest of `30d`, `24h`, `15m`, `90s`, or Go's form for anything else.
  public static func format(nanoseconds ns: Int64) -> String {
    let units: [(Int64, String)] = [(86_400_000_000_000, "d"), (3_600_000_000_000, "h"), (60_000_000_000, "m"),
      (1_000_000_000, "s"), (1_000_000, "ms"), (1, "ns")]
    if ns == 0 { return "0s" }
    for (size, name) in units where ns % size == 0 { return "\(ns / size)\(name)" }
    return "\(ns)ns"
  }
}
