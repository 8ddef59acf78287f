/// Text forms of values: `string(double)` (Go's shortest `%g`, as cel-go prints), messages, and `format()`.
enum Format {
  /// Shortest round-trip digits in Go `%g` style: `1.5`, `100`, `1e+06`, `1e-05`, `+Inf`, `NaN`.
  static func double(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
    if d == 0 { return d.sign == .minus ? "-0" : "0" }
    // Swift's description is shortest round-trip; extract its digits and decimal exponent.
    var text = "\(d.magnitude)"
    var exp10 = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exp10 = Int(text[text.index(after: e)...])!
      text = String(text[..<e])
    }
    var intPart = text
    var fracPart = ""
    if let dot = text.firstIndex(of: ".") {
      intPart = String(text[..<dot])
      fracPart = String(text[text.index(after: dot)...])
    }
    var digits = Array(intPart + fracPart)
    var point = intPart.count + exp10  // decimal point position within digits
    while digits.count > 1, digits.first == "0" {
      digits.removeFirst()
      point -= 1
    }
    while digits.count > 1, digits.last == "0" { digits.removeLast() }
    let sign = d < 0 ? "-" : ""
    let exp = point - 1
    if exp < -4 || exp >= 6 {
      var m = String(digits[0])
      if digits.count > 1 { m += "." + String(digits[1...]) }
      let es = exp < 0 ? "-" : "+"
      let ev = String(abs(exp))
      return sign + m + "e" + es + (ev.count < 2 ? "0" + ev : ev)
    }
    if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + String(digits) }
    if point >= digits.count { return sign + String(digits) + String(repeating: "0", count: point - digits.count) }
    return sign + String(digits[..<point]) + "." + String(digits[point...])
  }

  /// A value as messages and `%s` show it.
  static func display(_ v: CELValue) -> String {
    switch v {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .uint(let u): return "\(u)u"
    case .double(let d): return double(d)
    case .string(let s): return s
    case .bytes(let b): return String(decoding: b, as: UTF8.self)
    case .timestamp(let t): return t.description
    case .duration(let d): return d.description
    case .list(let l): return "[" + l.map(quoted).joined(separator: ", ") + "]"
    case .map(let m):
      return "{" + m.keys.map { "\(quoted($0.value)): \(quoted(m[$0]!))" }.joined(separator: ", ") + "}"
    case .object(let o): return o.celType.name
    case .type(let t): return t.runtimeName
    case .error(let e): return "error: \(e.message)"
    case .unknown: return "unknown"
    }
  }

  static func quoted(_ v: CELValue) -> String {
    if case .string(let s) = v { return "\"\(s)\"" }
    return display(v)
  }
}
