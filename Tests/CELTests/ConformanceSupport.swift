@testable import CEL

/// Converts conformance `Value` / `Type` messages to CEL values and types. Returns nil for shapes out of scope
/// (protobuf messages, enums).
enum ConformanceValues {
  static func value(_ m: TPMessage) -> CELValue? {
    guard let (name, field) = m.fields.first.map({ ($0.name, $0.value) }) else { return nil }
    switch (name, field) {
    case ("int64_value", .scalar(let s, _, _)): return Int64(s).map(CELValue.int)
    case ("uint64_value", .scalar(let s, _, _)): return UInt64(s).map(CELValue.uint)
    case ("double_value", .scalar(let s, _, _)): return double(s).map(CELValue.double)
    case ("string_value", .scalar(let s, _, _)): return .string(s)
    case ("bytes_value", .scalar(_, _, let b)): return .bytes(b)
    case ("bool_value", .scalar(let s, _, _)): return .bool(s == "true")
    case ("null_value", _): return .null
    case ("type_value", .scalar(let s, _, _)):
      if let t = Checker.typeNames[s] { return .type(t) }
      return nil
    case ("list_value", .message(let l)):
      var items: [CELValue] = []
      for v in l.messages("values") {
        guard let x = value(v) else { return nil }
        items.append(x)
      }
      return .list(items)
    case ("map_value", .message(let mm)):
      var map = CELMap()
      for e in mm.messages("entries") {
        guard let k = e.message("key").flatMap(value), let key = CELMapKey(k),
          let v = e.message("value").flatMap(value)
        else { return nil }
        map.insert(key, v)
      }
      return .map(map)
    case ("object_value", .message(let any)):
      if let d = any.message("[type.googleapis.com/google.protobuf.Duration]") {
        let s = Int64(d.scalar("seconds") ?? "0") ?? 0
        let n = Int64(d.scalar("nanos") ?? "0") ?? 0
        return .duration(CELDuration(seconds: s, nanos: n))
      }
      if let t = any.message("[type.googleapis.com/google.protobuf.Timestamp]") {
        let s = Int64(t.scalar("seconds") ?? "0") ?? 0
        let n = Int32(t.scalar("nanos") ?? "0") ?? 0
        return CELTimestamp(seconds: s, nanos: n).map(CELValue.timestamp)
      }
      return nil
    default:
      return nil
    }
  }

  static func double(_ s: String) -> Double? {
    switch s.lowercased() {
    case "inf", "infinity": return .infinity
    case "-inf", "-infinity": return -.infinity
    case "nan": return .nan
    default: return Double(s)
    }
  }

  static func type(_ m: TPMessage) -> CELType? {
    if let p = m.scalar("primitive") {
      switch p {
      case "INT64": return .int
      case "UINT64": return .uint
      case "DOUBLE": return .double
      case "BOOL": return .bool
      case "STRING": return .string
      case "BYTES": return .bytes
      default: return nil
      }
    }
    if let w = m.scalar("well_known") {
      switch w {
      case "TIMESTAMP": return .timestamp
      case "DURATION": return .duration
      default: return nil
      }
    }
    switch m.scalar("message_type") {
    case "google.protobuf.Duration": return .duration
    case "google.protobuf.Timestamp": return .timestamp
    default: break
    }
    if let l = m.message("list_type") { return l.message("elem_type").flatMap(type).map { .list($0) } }
    if let mt = m.message("map_type") {
      guard let k = mt.message("key_type").flatMap(type), let v = mt.message("value_type").flatMap(type) else {
        return nil
      }
      return .map(k, v)
    }
    if m.message("dyn") != nil { return .dyn }
    if m.scalar("null") != nil { return .null }
    if let t = m.message("type") { return type(t).map { _ in .type } }
    return nil
  }

  /// Strict equality for expected results: same kinds, NaN equals NaN, deep for lists and maps.
  static func same(_ a: CELValue, _ b: CELValue) -> Bool {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x == y
    case (.uint(let x), .uint(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y || (x.isNaN && y.isNaN)
    case (.list(let x), .list(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
    case (.map(let x), .map(let y)):
      return x.count == y.count && x.keys.allSatisfy { k in y[k].map { same(x[k]!, $0) } ?? false }
    case (.int, _), (.uint, _), (.double, _), (_, .int), (_, .uint), (_, .double): return false
    default: return Equality.equals(a, b)
    }
  }
}
