/// The mutable state of one evaluation: variable and comprehension slots, and the cost spent so far.
final class Frame {
  let slots: UnsafeMutablePointer<CELValue>
  let count: Int
  var cost = 0
  let costLimit: Int

  init(variables: [CELValue], slotCount: Int, costLimit: Int) {
    let n = max(slotCount, variables.count)
    let p = UnsafeMutablePointer<CELValue>.allocate(capacity: n)
    variables.withUnsafeBufferPointer { buffer in
      if let base = buffer.baseAddress { p.initialize(from: base, count: buffer.count) }
    }
    if n > variables.count { (p + variables.count).initialize(repeating: .null, count: n - variables.count) }
    count = n
    slots = p
    self.costLimit = costLimit
  }

  deinit {
    slots.deinitialize(count: count)
    slots.deallocate()
  }

  /// Charges `n` units; false once the limit is exceeded.
  @inline(__always)
  func charge(_ n: Int = 1) -> Bool {
    cost &+= n
    return cost <= costLimit
  }

  /// Charges the work a function will do on an operand: a unit per 64 bytes of a string or bytes, per 16 elements
  /// of a list or map (small operands are free). False once over budget. This keeps linear-time functions
  /// (`size`, `contains`, `in`, `==` on lists, `matches`, ...) from multiplying with comprehensions into hours.
  @inline(__always)
  func charge(operand v: CELValue) -> Bool {
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
