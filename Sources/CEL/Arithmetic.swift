/// CEL arithmetic: 64-bit integers with overflow errors, IEEE doubles, and timestamp/duration arithmetic.
enum Arithmetic {
  static let overflow = CELValue.error(CELError("integer overflow"))
  /// Longest string, bytes or list a concatenation may build (bounds memory).
  static let maxSize = 1 << 22

  static func noOverload(_ op: String, _ a: CELValue, _ b: CELValue) -> CELValue {
    .error(CELError("no such overload: \(a.celType.runtimeName) \(op) \(b.celType.runtimeName)"))
  }

  static func tooLarge() -> CELValue { .error(CELError("result exceeds the size limit (\(maxSize))")) }

  static func add(_ a: CELValue, _ b: CELValue) -> CELValue {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      let (r, o) = x.addingReportingOverflow(y)
      return o ? overflow : .int(r)
    case (.uint(let x), .uint(let y)):
      let (r, o) = x.addingReportingOverflow(y)
      return o ? overflow : .uint(r)
    case (.double(let x), .double(let y)): return .double(x + y)
    case (.string(let x), .string(let y)):
      return x.utf8.count + y.utf8.count > maxSize ? tooLarge() : .string(x + y)
    case (.bytes(let x), .bytes(let y)): return x.count + y.count > maxSize ? tooLarge() : .bytes(x + y)
    case (.list(let x), .list(let y)): return x.count + y.count > maxSize ? tooLarge() : .list(x + y)
    case (.timestamp(let t), .duration(let d)), (.duration(let d), .timestamp(let t)):
      return t.adding(d).map(CELValue.timestamp) ?? rangeError
    case (.duration(let x), .duration(let y)):
      let (r, o) = x.nanoseconds.addingReportingOverflow(y.nanoseconds)
      return o ? rangeError : .duration(CELDuration(nanoseconds: r))
    case (.error, _), (_, .error), (.unknown, _), (_, .unknown): return passOn([a, b])!
    default: return noOverload("+", a, b)
    }
  }

  static let rangeError = CELValue.error(CELError("timestamp or duration out of range"))

  static func subtract(_ a: CELValue, _ b: CELValue) -> CELValue {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      let (r, o) = x.subtractingReportingOverflow(y)
      return o ? overflow : .int(r)
    case (.uint(let x), .uint(let y)):
      let (r, o) = x.subtractingReportingOverflow(y)
      return o ? overflow : .uint(r)
    case (.double(let x), .double(let y)): return .double(x - y)
    case (.timestamp(let x), .timestamp(let y)): return x.difference(y).map(CELValue.duration) ?? rangeError
    case (.timestamp(let t), .duration(let d)):
      if d.nanoseconds == .min { return rangeError }
      return t.adding(CELDuration(nanoseconds: -d.nanoseconds)).map(CELValue.timestamp) ?? rangeError
    case (.duration(let x), .duration(let y)):
      let (r, o) = x.nanoseconds.subtractingReportingOverflow(y.nanoseconds)
      return o ? rangeError : .duration(CELDuration(nanoseconds: r))
    case (.error, _), (_, .error), (.unknown, _), (_, .unknown): return passOn([a, b])!
    default: return noOverload("-", a, b)
    }
  }

  static func multiply(_ a: CELValue, _ b: CELValue) -> CELValue {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      let (r, o) = x.multipliedReportingOverflow(by: y)
      return o ? overflow : .int(r)
    case (.uint(let x), .uint(let y)):
      let (r, o) = x.multipliedReportingOverflow(by: y)
      return o ? overflow : .uint(r)
    case (.double(let x), .double(let y)): return .double(x * y)
    case (.error, _), (_, .error), (.unknown, _), (_, .unknown): return passOn([a, b])!
    default: return noOverload("*", a, b)
    }
  }

  static let divideByZero = CELValue.error(CELError("division by zero"))

  static func divide(_ a: CELValue, _ b: CELValue) -> CELValue {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      if y == 0 { return divideByZero }
      let (r, o) = x.dividedReportingOverflow(by: y)
      return o ? overflow : .int(r)
    case (.uint(let x), .uint(let y)):
      return y == 0 ? divideByZero : .uint(x / y)
    case (.double(let x), .double(let y)): return .double(x / y)
    case (.error, _), (_, .error), (.unknown, _), (_, .unknown): return passOn([a, b])!
    default: return noOverload("/", a, b)
    }
  }

  static func modulo(_ a: CELValue, _ b: CELValue) -> CELValue {
    switch (a, b) {
    case (.int(let x), .int(let y)):
      if y == 0 { return .error(CELError("modulus by zero")) }
      let (r, o) = x.remainderReportingOverflow(dividingBy: y)
      return o ? overflow : .int(r)
    case (.uint(let x), .uint(let y)):
      return y == 0 ? .error(CELError("modulus by zero")) : .uint(x % y)
    case (.error, _), (_, .error), (.unknown, _), (_, .unknown): return passOn([a, b])!
    default: return noOverload("%", a, b)
    }
  }

  static func negate(_ a: CELValue) -> CELValue {
    switch a {
    case .int(let x): return x == .min ? overflow : .int(-x)
    case .double(let x): return .double(-x)
    case .duration(let d):
      return d.nanoseconds == .min ? rangeError : .duration(CELDuration(nanoseconds: -d.nanoseconds))
    case .error, .unknown: return a
    default: return .error(CELError("no such overload: -\(a.celType.runtimeName)"))
    }
  }
}
