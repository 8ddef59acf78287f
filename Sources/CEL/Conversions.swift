/// The type conversion functions: int, uint, double, string, bool, bytes, timestamp, duration, type, dyn.
enum Conversions {
  static func toInt(_ v: CELValue) -> CELValue {
    switch v {
    case .int: return v
    case .uint(let u): return u > UInt64(Int64.max) ? range("int") : .int(Int64(u))
    case .double(let d):
      guard d.isFinite, d > -9_223_372_036_854_775_809.0, d < 9_223_372_036_854_775_807.0 else { return range("int") }
      return .int(Int64(d.rounded(.towardZero)))
    case .string(let s): return Int64(s).map(CELValue.int) ?? .error(CELError("cannot convert '\(s)' to int"))
    case .timestamp(let t): return .int(t.seconds)
    default: return noSuchOverload("int", [v])
    }
  }

  static func toUint(_ v: CELValue) -> CELValue {
    switch v {
    case .uint: return v
    case .int(let i): return i < 0 ? range("uint") : .uint(UInt64(i))
    case .double(let d):
      guard d.isFinite, d > -1, d < 18_446_744_073_709_551_616.0 else { return range("uint") }
      return .uint(UInt64(d.rounded(.towardZero)))
    case .string(let s): return UInt64(s).map(CELValue.uint) ?? .error(CELError("cannot convert '\(s)' to uint"))
    default: return noSuchOverload("uint", [v])
    }
  }

  static func toDouble(_ v: CELValue) -> CELValue {
    switch v {
    case .double: return v
    case .int(let i): return .double(Double(i))
    case .uint(let u): return .double(Double(u))
    case .string(let s): return Double(s).map(CELValue.double) ?? .error(CELError("cannot convert '\(s)' to double"))
    default: return noSuchOverload("double", [v])
    }
  }

  static func toString(_ v: CELValue) -> CELValue {
    switch v {
    case .string: return v
    case .int(let i): return .string(String(i))
    case .uint(let u): return .string(String(u))
    case .double(let d): return .string(Format.double(d))
    case .bool(let b): return .string(b ? "true" : "false")
    case .bytes(let b):
      guard let s = String(validating: b, as: UTF8.self) else { return .error(CELError("invalid UTF-8 in bytes")) }
      return .string(s)
    case .timestamp(let t): return .string(t.description)
    case .duration(let d): return .string(d.description)
    case .type(let t): return .string(t.runtimeName)
    default: return noSuchOverload("string", [v])
    }
  }

  static func toBool(_ v: CELValue) -> CELValue {
    switch v {
    case .bool: return v
    case .string(let s):
      switch s {
      case "1", "t", "true", "TRUE", "True": return .bool(true)
      case "0", "f", "false", "FALSE", "False": return .bool(false)
      default: return .error(CELError("cannot convert '\(s)' to bool"))
      }
    default: return noSuchOverload("bool", [v])
    }
  }

  static func toBytes(_ v: CELValue) -> CELValue {
    switch v {
    case .bytes: return v
    case .string(let s): return .bytes(Array(s.utf8))
    default: return noSuchOverload("bytes", [v])
    }
  }

  static func toTimestamp(_ v: CELValue) -> CELValue {
    switch v {
    case .timestamp: return v
    case .string(let s):
      return CELTimestamp.parse(s).map(CELValue.timestamp)
        ?? .error(CELError("invalid timestamp '\(s)' (RFC 3339 within years 1-9999 expected: out of range?)"))
    case .int(let i): return CELTimestamp(seconds: i).map(CELValue.timestamp) ?? range("timestamp")
    default: return noSuchOverload("timestamp", [v])
    }
  }

  static func toDuration(_ v: CELValue) -> CELValue {
    switch v {
    case .duration: return v
    case .string(let s):
      return CELDuration.parse(s).map(CELValue.duration)
        ?? .error(CELError("invalid duration '\(s)' (e.g. '24h', '1h30m', '30d'; out of range?)"))
    default: return noSuchOverload("duration", [v])
    }
  }

  static func type(_ v: CELValue) -> CELValue {
    if v.isErrorOrUnknown { return v }
    return .type(v.celType)
  }

  private static func range(_ t: String) -> CELValue { .error(CELError("value out of \(t) range")) }
}
