import Diagnostics
import Foundation

/// Timestamp and duration accessors (`getFullYear`, `getHours`, ...), with an optional time zone argument:
/// an IANA name (`"Europe/Paris"`) or a fixed offset (`"+05:30"`, `"-08:00"`). Zones go through Foundation,
/// only when a zone is given.
enum TimeFunctions {
  enum Part: String, CaseIterable {
    case getFullYear, getMonth, getDayOfMonth, getDate, getDayOfWeek, getDayOfYear
    case getHours, getMinutes, getSeconds, getMilliseconds
  }

  static func accessor(_ part: Part) -> Function {
    Function(
      part.rawValue,
      one: { v in get(part, v, zone: nil) },
      two: { v, z in
        guard case .string(let zone) = z else { return noSuchOverload(part.rawValue, [v, z]) }
        return get(part, v, zone: zone)
      })
  }

  static func get(_ part: Part, _ v: CELValue, zone: String?) -> CELValue {
    switch v {
    case .timestamp(let t):
      var seconds = t.seconds
      if let zone {
        guard let offset = offset(zone: zone, at: t.seconds) else {
          return .error(CELError("unknown time zone '\(zone)'"))
        }
        seconds += offset
      }
      let c = CivilTime(secondsSinceEpoch: seconds)
      switch part {
      case .getFullYear: return .int(c.year)
      case .getMonth: return .int(c.month - 1)
      case .getDayOfMonth: return .int(c.day - 1)
      case .getDate: return .int(c.day)
      case .getDayOfWeek: return .int(c.dayOfWeek)
      case .getDayOfYear: return .int(c.dayOfYear)
      case .getHours: return .int(c.hour)
      case .getMinutes: return .int(c.minute)
      case .getSeconds: return .int(c.second)
      case .getMilliseconds: return .int(Int64(t.nanos / 1_000_000))
      }
    case .duration(let d) where zone == nil:
      let n = d.nanoseconds
      switch part {
      case .getHours: return .int(n / 3_600_000_000_000)
      case .getMinutes: return .int(n / 60_000_000_000)
      case .getSeconds: return .int(n / 1_000_000_000)
      case .getMilliseconds: return .int(n % 1_000_000_000 / 1_000_000)  // the component, as cel-go
      default: return noSuchOverload(part.rawValue, [v])
      }
    default:
      return noSuchOverload(part.rawValue, zone.map { [v, .string($0)] } ?? [v])
    }
  }

  /// Seconds east of UTC for a zone at an instant.
  static func offset(zone: String, at seconds: Int64) -> Int64? {
    let u = Array(zone.utf8)
    if let first = u.first, first == 43 || first == 45 || (first >= 48 && first <= 57) {
      let sign: Int64 = first == 45 ? -1 : 1
      let body = first == 43 || first == 45 ? Array(u.dropFirst()) : u
      let parts = body.split(separator: 58, omittingEmptySubsequences: false)
      guard parts.count == 2, let h = Int64(String(decoding: parts[0], as: UTF8.self)),
        let m = Int64(String(decoding: parts[1], as: UTF8.self)), h < 24, m < 60
      else { return nil }
      return sign * (h * 3600 + m * 60)
    }
    guard let tz = TimeZone(identifier: zone) else { return nil }
    return Int64(tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
  }
}
