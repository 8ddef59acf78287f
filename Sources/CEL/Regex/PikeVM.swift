/// Runs a `RegexProgram` over a text by Thompson NFA simulation (a Pike VM without captures).
///
/// Each step advances every live state over one Unicode scalar, so a search costs O(program size × text length)
/// and allocates only two state lists and a stack, each sized by the program, once per search.
enum PikeVM {
  /// Whether `program` matches somewhere in `text`.
  static func containsMatch(_ program: RegexProgram, in text: String) -> Bool {
    program.instructions.withUnsafeBufferPointer { code in
      program.classes.withUnsafeBufferPointer { classes in
        var search = Search(code: code, classes: classes)
        defer { search.deallocate() }
        return search.run(text, anchored: program.anchoredAtStart, firstScalars: program.firstScalars)
      }
    }
  }
}

/// A set of instruction indices with O(1) insert, membership and clear (a generation-stamped sparse set);
/// `dense` lists the consuming instructions inserted, in order.
private struct StateList {
  let stamps: UnsafeMutablePointer<UInt32>
  let dense: UnsafeMutablePointer<Int32>
  var count = 0
  var generation: UInt32 = 1
  let capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    stamps = .allocate(capacity: capacity)
    stamps.initialize(repeating: 0, count: capacity)
    dense = .allocate(capacity: capacity)
  }

  @inline(__always)
  mutating func clear() {
    count = 0
    if generation == UInt32.max {
      stamps.update(repeating: 0, count: capacity)
      generation = 0
    }
    generation += 1
  }

  func deallocate() {
    stamps.deallocate()
    dense.deallocate()
  }
}

/// The state of one search.
private struct Search {
  let code: UnsafeBufferPointer<RegexInstruction>
  let classes: UnsafeBufferPointer<ScalarClass>
  var current: StateList
  var next: StateList
  /// The closure's work stack: an index is pushed only when first marked, so the program size bounds it.
  let stack: UnsafeMutablePointer<Int32>

  init(code: UnsafeBufferPointer<RegexInstruction>, classes: UnsafeBufferPointer<ScalarClass>) {
    self.code = code
    self.classes = classes
    current = StateList(capacity: code.count)
    next = StateList(capacity: code.count)
    stack = .allocate(capacity: code.count)
  }

  func deallocate() {
    current.deallocate()
    next.deallocate()
    stack.deallocate()
  }

  mutating func run(_ text: String, anchored: Bool, firstScalars: [UInt32]?) -> Bool {
    var scalars = text.unicodeScalars.makeIterator()
    var previous: Int32 = -1
    var scalar: Int32 = scalars.next().map { Int32(bitPattern: $0.value) } ?? -1
    var atStart = true
    while true {
      if current.count == 0 {
        if anchored && !atStart { return false }
        if let firstScalars {
          while scalar >= 0 && !firstScalars.contains(UInt32(scalar)) {
            previous = scalar
            scalar = scalars.next().map { Int32(bitPattern: $0.value) } ?? -1
          }
        }
      }
      if !anchored || atStart {
        if addClosure(0, to: &current, previous: previous, next: scalar) { return true }
      }
      if scalar < 0 { return false }
      let following: Int32 = scalars.next().map { Int32(bitPattern: $0.value) } ?? -1
      next.clear()
      for index in 0..<current.count {
        let pc = Int(current.dense[index])
        let instruction = code[pc]
        let consumed: Bool
        switch instruction.operation {
        case .scalar: consumed = instruction.x == scalar
        case .set: consumed = classes[Int(instruction.x)].contains(UInt32(scalar))
        case .anyScalar: consumed = true
        case .anyButNewline: consumed = scalar != 0x0A
        default: consumed = false
        }
        if consumed && addClosure(pc + 1, to: &next, previous: scalar, next: following) { return true }
      }
      swap(&current, &next)
      previous = scalar
      scalar = following
      atStart = false
    }
  }

  /// Adds the states reachable from `start` without consuming input to `list`; true when the match state is reached.
  @inline(__always)
  private func addClosure(_ start: Int, to list: inout StateList, previous: Int32, next: Int32) -> Bool {
    let generation = list.generation
    if list.stamps[start] == generation { return false }
    list.stamps[start] = generation
    stack[0] = Int32(start)
    var depth = 1
    while depth > 0 {
      depth -= 1
      let pc = Int(stack[depth])
      let instruction = code[pc]
      var first: Int32 = -1
      var second: Int32 = -1
      switch instruction.operation {
      case .scalar, .set, .anyScalar, .anyButNewline:
        list.dense[list.count] = Int32(pc)
        list.count += 1
      case .match:
        return true
      case .jump:
        first = instruction.x
      case .split:
        first = instruction.y
        second = instruction.x
      case .assertion:
        if RegexAssertion(rawValue: instruction.x)!.holds(previous: previous, next: next) { first = Int32(pc + 1) }
      }
      if first >= 0 && list.stamps[Int(first)] != generation {
        list.stamps[Int(first)] = generation
        stack[depth] = first
        depth += 1
      }
      if second >= 0 && list.stamps[Int(second)] != generation {
        list.stamps[Int(second)] = generation
        stack[depth] = second
        depth += 1
      }
    }
    return false
  }
}
