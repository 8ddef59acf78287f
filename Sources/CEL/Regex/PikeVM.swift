/// Runs a `RegexProgram` over a text by Thompson NFA simulation (a Pike VM without captures).
///
/// Each step advances every live state over one Unicode scalar, so a search costs O(program size × text length)
/// and allocates only two state lists and a stack, each sized by the program, once per search. The text is decoded
/// from its UTF-8 storage directly, and raw pointers keep the loop cheap even in debug builds. Long texts are
/// searched by a lazily built DFA over the same states (`RegexSearch.runDFA`), which falls back to this simulation
/// when its state cache is full.
enum PikeVM {
  /// How a search runs: chosen by text length, or forced (for tests).
  enum Mode {
    case automatic, nfa, dfa
  }

  /// Texts at least this long (in UTF-8 bytes) are searched with the lazy DFA.
  static let dfaThreshold = 256

  /// Whether `program` matches somewhere in `text`.
  static func containsMatch(_ program: RegexProgram, in text: String, mode: Mode = .automatic) -> Bool {
    var text = text
    return text.withUTF8 { utf8 in
      program.instructions.withUnsafeBufferPointer { code in
        program.classBits.withUnsafeBufferPointer { bits in
          var search = RegexSearch(
            program: program, code: code.baseAddress!, count: code.count, bits: bits.baseAddress!)
          defer { search.deallocate() }
          let useDFA = mode == .dfa || (mode == .automatic && utf8.count >= dfaThreshold)
          return search.run(utf8, useDFA: useDFA)
        }
      }
    }
  }
}

/// A set of instruction indices with O(1) insert, membership and clear (a generation-stamped sparse set);
/// `dense` lists the consuming instructions inserted, in order.
struct StateList {
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
struct RegexSearch {
  let program: RegexProgram
  let code: UnsafePointer<RegexInstruction>
  /// Two ASCII bitmap words per class (see `RegexProgram.classBits`).
  let bits: UnsafePointer<UInt64>
  var current: StateList
  var next: StateList
  /// The closure's work stack: an index is pushed only when first marked, so the program size bounds it.
  let stack: UnsafeMutablePointer<Int32>

  init(program: RegexProgram, code: UnsafePointer<RegexInstruction>, count: Int, bits: UnsafePointer<UInt64>) {
    self.program = program
    self.code = code
    self.bits = bits
    current = StateList(capacity: count)
    next = StateList(capacity: count)
    stack = .allocate(capacity: count)
  }

  func deallocate() {
    current.deallocate()
    next.deallocate()
    stack.deallocate()
  }

  /// Decodes the scalar at `index` of valid UTF-8 and advances past it; -1 at the end.
  @inline(__always)
  static func decode(_ bytes: UnsafePointer<UInt8>, _ end: Int, _ index: inout Int) -> Int32 {
    guard index < end else { return -1 }
    let lead = Int32(bytes[index])
    if lead < 0x80 {
      index += 1
      return lead
    }
    if lead < 0xE0 {
      let value = (lead & 0x1F) << 6 | Int32(bytes[index + 1] & 0x3F)
      index += 2
      return value
    }
    if lead < 0xF0 {
      let value = (lead & 0x0F) << 12 | Int32(bytes[index + 1] & 0x3F) << 6 | Int32(bytes[index + 2] & 0x3F)
      index += 3
      return value
    }
    let value = (lead & 0x07) << 18 | Int32(bytes[index + 1] & 0x3F) << 12 | Int32(bytes[index + 2] & 0x3F) << 6
      | Int32(bytes[index + 3] & 0x3F)
    index += 4
    return value
  }

  mutating func run(_ utf8: UnsafeBufferPointer<UInt8>, useDFA: Bool) -> Bool {
    let bytes = utf8.baseAddress ?? UnsafePointer(bitPattern: 1)!
    var index = 0
    let scalar = Self.decode(bytes, utf8.count, &index)
    if useDFA { return runDFA(bytes, utf8.count, &index, first: scalar) }
    return runNFA(bytes, utf8.count, &index, previous: -1, scalar: scalar, atStart: true)
  }

  /// The NFA simulation from the position before `scalar`, with `current` holding the states alive there.
  mutating func runNFA(
    _ bytes: UnsafePointer<UInt8>, _ end: Int, _ index: inout Int, previous: Int32, scalar: Int32, atStart: Bool
  ) -> Bool {
    let anchored = program.anchoredAtStart
    let filter = program.startFilter
    var previous = previous
    var scalar = scalar
    var atStart = atStart
    while true {
      if current.count == 0 {
        if anchored && !atStart { return false }
        if let filter {
          while scalar >= 0 && !filter.mayStart(scalar) {
            previous = scalar
            scalar = Self.decode(bytes, end, &index)
          }
        }
      }
      if !anchored || atStart {
        if addClosure(0, to: &current, previous: previous, next: scalar) { return true }
      }
      if scalar < 0 { return false }
      let following = Self.decode(bytes, end, &index)
      if step(scalar, following: following) { return true }
      swap(&current, &next)
      previous = scalar
      scalar = following
      atStart = false
    }
  }

  /// Advances the states in `current` over `scalar` into `next` (cleared first), with their closures at the
  /// position before `following`; true when the match state is reached.
  @inline(__always)
  mutating func step(_ scalar: Int32, following: Int32) -> Bool {
    next.clear()
    var position = 0
    while position < current.count {
      let pc = Int(current.dense[position])
      position += 1
      let instruction = code[pc]
      let consumed: Bool
      switch instruction.operation {
      case .scalar: consumed = instruction.x == scalar
      case .set:
        if scalar < 64 {
          consumed = bits[Int(instruction.x) &* 2] >> UInt64(scalar) & 1 != 0
        } else if scalar < 128 {
          consumed = bits[Int(instruction.x) &* 2 &+ 1] >> UInt64(scalar &- 64) & 1 != 0
        } else {
          consumed = program.classes[Int(instruction.x)].contains(UInt32(scalar))
        }
      case .anyScalar: consumed = true
      case .anyButNewline: consumed = scalar != 0x0A
      default: consumed = false
      }
      if consumed && addClosure(pc + 1, to: &next, previous: scalar, next: following) { return true }
    }
    return false
  }

  /// Adds the states reachable from `start` without consuming input to `list`; true when the match state is reached.
  @inline(__always)
  func addClosure(_ start: Int, to list: inout StateList, previous: Int32, next: Int32) -> Bool {
    let generation = list.generation
    let stamps = list.stamps
    if stamps[start] == generation { return false }
    stamps[start] = generation
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
        continue
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
      if first >= 0 && stamps[Int(first)] != generation {
        stamps[Int(first)] = generation
        stack[depth] = first
        depth += 1
      }
      if second >= 0 && stamps[Int(second)] != generation {
        stamps[Int(second)] = generation
        stack[depth] = second
        depth += 1
      }
    }
    return false
  }
}
