/// `&&` and `||` with CEL's commutative error absorption: `false && error` and `error && false` are both false,
/// `true || error` and `error || true` are both true; otherwise an error operand is the result.
enum Logic {
  @inline(__always)
  static func and(_ l: CELValue, _ right: CELProgram.Code, _ f: Frame) -> CELValue {
    if case .bool(false) = l { return l }
    let r = right(f)
    if case .bool(false) = r { return r }
    if case .bool(true) = l, case .bool(true) = r { return r }
    if l.isError { return l }
    if r.isError { return r }
    return noSuchOverload("_&&_", [l, r])
  }

  @inline(__always)
  static func or(_ l: CELValue, _ right: CELProgram.Code, _ f: Frame) -> CELValue {
    if case .bool(true) = l { return l }
    let r = right(f)
    if case .bool(true) = r { return r }
    if case .bool(false) = l, case .bool(false) = r { return r }
    if l.isError { return l }
    if r.isError { return r }
    return noSuchOverload("_||_", [l, r])
  }
}
