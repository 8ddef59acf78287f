/// `&&` and `||` with CEL's commutative absorption: `false && x` and `x && false` are false, `true || x` and
/// `x || true` are true for any x, an error or an unknown included; otherwise an unknown operand is the result (the
/// causes of both merged), else an error operand (as in cel-go).
enum Logic {
  @inline(__always)
  static func and(_ l: CELValue, _ right: CELProgram.Code, _ f: inout Frame) -> CELValue {
    if case .bool(false) = l { return l }
    let r = right(&f)
    if case .bool(false) = r { return r }
    if case .bool(true) = l, case .bool(true) = r { return r }
    return noSuchOverload("_&&_", [l, r])
  }

  @inline(__always)
  static func or(_ l: CELValue, _ right: CELProgram.Code, _ f: inout Frame) -> CELValue {
    if case .bool(true) = l { return l }
    let r = right(&f)
    if case .bool(true) = r { return r }
    if case .bool(false) = l, case .bool(false) = r { return r }
    return noSuchOverload("_||_", [l, r])
  }
}
