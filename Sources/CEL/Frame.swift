/// The mutable state of one evaluation: variable and comprehension slots, and the cost spent so far.
///
/// A struct passed `inout` to the compiled closures, its slots in a temporary (stack) allocation: an evaluation
/// allocates nothing of its own (a class frame with a heap slot array was two allocations per evaluation, ~4% of a
/// whole lint's instructions).
struct Frame {
  let slots: UnsafeMutablePointer<CELValue>
  var cost = 0
  let costLimit: Int

  /// Runs `code` on a frame whose first slots hold `variables`, the rest (up to `slotCount`) null; returns the
  /// value and the cost spent. Missing trailing variables read as null.
  @inline(__always)
  static func run(
    _ code: CELProgram.Code, variables: [CELValue], slotCount: Int, costLimit: Int
  ) -> (value: CELValue, cost: Int) {
    let n = max(slotCount, variables.count, 1)
    return withUnsafeTemporaryAllocation(of: CELValue.self, capacity: n) { buffer in
      let slots = buffer.baseAddress!
      // Element by element: the bulk forms (`initialize(from:count:)`, `deinitialize(count:)`) copy and destroy
      // through CELValue's generic value witnesses, ~100 instructions a slot (callgrind, whole lint).
      for k in 0..<variables.count { (slots + k).initialize(to: variables[k]) }
      for k in variables.count..<n { (slots + k).initialize(to: .null) }
      defer { for k in 0..<n { _ = (slots + k).move() } }
      var frame = Frame(slots: slots, costLimit: costLimit)
      let value = code(&frame)
      return (value, frame.cost)
    }
  }

  /// Charges `n` units; false once the limit is exceeded.
  @inline(__always)
  mutating func charge(_ n: Int = 1) -> Bool {
    cost &+= n
    return cost <= costLimit
  }

  /// Charges the work a function will do on an operand: a unit per 64 bytes of a string or bytes, per 16 elements
  /// of a list or map (small operands are free). False once over budget. This keeps linear-time functions
  /// (`size`, `contains`, `in`, `==` on lists, `matches`, ...) from multiplying with comprehensions into hours.
  @inline(__always)
  mutating func charge(operand v: CELValue) -> Bool {
    let units: Int
    switch v {
    case .string(let s): units = s.utf8.count >> 6
    case .bytes(let b): units = b.count >> 6
    case .list(let l): units = l.count >> 4
    case .map(let m): units = m.count >> 4
    default: return true
    }
    return units == 0 || charge(units)
  }

  var costError: CELValue { .error(CELError("evaluation cost limit exceeded (\(costLimit) steps)")) }
}
