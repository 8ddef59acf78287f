import Foundation

/// `"...".format([args])`: %s %d %f %e %x %X %o %b and %%, with an optional precision for %f and %e (`%.2f`).
/// Message rendering only, never on the rule-evaluation hot path (hence Foundation for the float forms).
enum StringFormat {
  static func format(_ f: CELValue, _ a: CELValue) -> CELValue {
    guard case .string(let pattern) = f, case .list(let args) = a else { return noSuchOverload("format", [f, a]) }
    if let unknown = unknownElements(args) { return unknown }
    var out = ""
    var next = 0
    var chars = Array(pattern.unicodeScalars)[...]
    while let c = chars.popFirst() {
      guard c == "%" else {
        out.unicodeScalars.append(c)
        continue
      }
      var precision: Int?
      if chars.first == "." {
        chars.removeFirst()
        var p = 0
        while let d = chars.first, let v = Int(String(d)) {
          p = p * 10 + v
          chars.removeFirst()
        }
        precision = min(p, 50)
      }
      guard let verb = chars.popFirst() else { return .error(CELError("format: incomplete directive at the end")) }
      if verb == "%" {
        out += "%"
        continue
      }
      guard next < args.count else { return .error(CELError("format: too few arguments for the directives")) }
      let arg = args[next]
      next += 1
      switch render(verb, arg, precision) {
      case .success(let s): out += s
      case .failure(let e): return .error(e)
      }
      if out.utf8.count > Arithmetic.maxSize { return Arithmetic.tooLarge() }
    }
    return .string(out)
  }

  private static func render(_ verb: Unicode.Scalar, _ arg: CELValue, _ precision: Int?) -> Result<String, CELError> {
    func bad() -> Result<String, CELError> {
      .failure(CELError("format: %\(verb) cannot format a \(arg.celType.runtimeName)"))
    }
    switch verb {
    case "s":
      return .success(Format.display(arg))
    case "d":
      switch arg {
      case .int(let i): return .success(String(i))
      case .uint(let u): return .success(String(u))
      default: return bad()
      }
    case "f", "e":
      let d: Double
      switch arg {
      case .double(let v): d = v
      case .int(let v): d = Double(v)
      case .uint(let v): d = Double(v)
      default: return bad()
      }
      if d.isNaN { return .success("NaN") }
      if d.isInfinite { return .success(d < 0 ? "-Infinity" : "Infinity") }
      return .success(String(format: "%.\(precision ?? 6)\(verb)", d))
    case "x", "X", "o", "b":
      let radix = verb == "o" ? 8 : (verb == "b" ? 2 : 16)
      var s: String
      switch arg {
      case .int(let i): s = (i < 0 ? "-" : "") + String(i.magnitude, radix: radix)
      case .uint(let u): s = String(u, radix: radix)
      case .string(let str) where radix == 16:
        s = str.utf8.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
      case .bytes(let b) where radix == 16: s = b.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
      default: return bad()
      }
      if verb == "X" { s = s.uppercased() }
      return .success(s)
    default:
      return .failure(CELError("format: unsupported directive %\(verb)"))
    }
  }
}
