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

  var costError: CELValue { .error(CELError("evaluation cost limit exceeded (\(costLimit) steps)")) }
}
