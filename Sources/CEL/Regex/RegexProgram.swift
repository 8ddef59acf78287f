/// One instruction of a compiled pattern (a Thompson NFA state).
struct RegexInstruction: Sendable {
  /// What the instruction does.
  enum Operation: UInt8, Sendable {
    /// Consume the scalar `x`.
    case scalar
    /// Consume a scalar of class `x`.
    case set
    /// Consume any scalar.
    case anyScalar
    /// Consume any scalar but a newline.
    case anyButNewline
    /// Continue at both `x` and `y`.
    case split
    /// Continue at `x`.
    case jump
    /// Continue at the next instruction if assertion `x` holds here.
    case assertion
    /// The pattern has matched.
    case match
  }

  var operation: Operation
  var x: Int32 = 0
  var y: Int32 = 0

  /// Whether the instruction consumes a scalar (the VM keeps only these in its thread lists).
  var consumes: Bool { operation.rawValue <= Operation.anyButNewline.rawValue }
}

/// A compiled pattern: instructions starting at 0, the classes they refer to, and facts that speed up the search.
struct RegexProgram: Sendable {
  let instructions: [RegexInstruction]
  let classes: [ScalarClass]
  /// Whether every match must start at the beginning of the text (the pattern starts with `\A` or `^`).
  let anchoredAtStart: Bool
  /// Two words per class: its membership bitmap for scalars 0-63 and 64-127 (a copy kept flat for the VM).
  let classBits: [UInt64]
  /// Which scalars can begin a match, when the start state cannot match the empty string; while no state is
  /// alive the search skips scalars that cannot begin one. Nil when every scalar might.
  let startFilter: StartFilter?
}

/// An over-approximation of the scalars that can begin a match: an ASCII bitmap and whether any non-ASCII can.
struct StartFilter: Sendable {
  var low: UInt64 = 0
  var high: UInt64 = 0
  var nonASCII = false

  /// Whether `scalar` might begin a match.
  @inline(__always)
  func mayStart(_ scalar: Int32) -> Bool {
    if scalar >= 128 { return nonASCII }
    return scalar < 64 ? low >> UInt64(scalar) & 1 != 0 : high >> UInt64(scalar &- 64) & 1 != 0
  }
}

/// Compiles a `RegexNode` to a `RegexProgram`, expanding counted repetitions within a size limit.
struct RegexCompiler {
  /// The most instructions a program may have; larger patterns are rejected as too large.
  static let maxInstructions = 50_000

  private var instructions: [RegexInstruction] = []

  /// Compiles `node`; throws "pattern too large" when the program would exceed `maxInstructions`.
  static func compile(_ node: RegexNode, classes: [ScalarClass]) throws -> RegexProgram {
    var compiler = RegexCompiler()
    do {
      try compiler.emit(node)
      _ = try compiler.append(RegexInstruction(operation: .match))
    } catch let error as TooLarge {
      throw RE2Error("pattern too large - compile failed", offset: error.offset ?? 0)
    }
    let code = compiler.instructions
    var classBits: [UInt64] = []
    for scalarClass in classes { classBits += [scalarClass.asciiLow, scalarClass.asciiHigh] }
    classBits += [0, 0]  // never empty, so the VM always has a base address
    return RegexProgram(
      instructions: code, classes: classes, anchoredAtStart: startsAnchored(node), classBits: classBits,
      startFilter: startFilter(code, classes))
  }

  /// Thrown while emitting when the program grows past the limit; carries the offset of the repetition to blame.
  private struct TooLarge: Error {
    var offset: Int?
  }

  @discardableResult
  private mutating func append(_ instruction: RegexInstruction) throws -> Int {
    guard instructions.count < Self.maxInstructions else { throw TooLarge() }
    instructions.append(instruction)
    return instructions.count - 1
  }

  private var next: Int32 { Int32(instructions.count) }

  private mutating func emit(_ node: RegexNode) throws {
    switch node {
    case .empty:
      break
    case .scalar(let value):
      try append(RegexInstruction(operation: .scalar, x: Int32(value)))
    case .set(let index):
      try append(RegexInstruction(operation: .set, x: Int32(index)))
    case .anyScalar:
      try append(RegexInstruction(operation: .anyScalar))
    case .anyButNewline:
      try append(RegexInstruction(operation: .anyButNewline))
    case .assertion(let assertion):
      try append(RegexInstruction(operation: .assertion, x: assertion.rawValue))
    case .concat(let parts):
      for part in parts { try emit(part) }
    case .alternate(let branches):
      var jumps: [Int] = []
      for branch in branches.dropLast() {
        let split = try append(RegexInstruction(operation: .split))
        instructions[split].x = next
        try emit(branch)
        jumps.append(try append(RegexInstruction(operation: .jump)))
        instructions[split].y = next
      }
      try emit(branches[branches.count - 1])
      for jump in jumps { instructions[jump].x = next }
    case .repetition(let operand, let min, let max, let offset):
      do {
        try emitRepetition(operand, min: min, max: max)
      } catch var error as TooLarge {
        error.offset = offset
        throw error
      }
    }
  }

  /// `x{min,max}` as `min` copies of x followed by `max - min` optional copies (or a loop when unbounded).
  private mutating func emitRepetition(_ operand: RegexNode, min: Int, max: Int?) throws {
    guard let max else {
      if min == 0 {
        let split = try append(RegexInstruction(operation: .split))
        instructions[split].x = next
        try emit(operand)
        try append(RegexInstruction(operation: .jump, x: Int32(split)))
        instructions[split].y = next
      } else {
        for _ in 0..<(min - 1) { try emit(operand) }
        let loop = next
        try emit(operand)
        try append(RegexInstruction(operation: .split, x: loop, y: next + 1))
      }
      return
    }
    for _ in 0..<min { try emit(operand) }
    for _ in min..<max {
      let split = try append(RegexInstruction(operation: .split))
      instructions[split].x = next
      try emit(operand)
      instructions[split].y = next
    }
  }

  /// Whether every match of `node` must start at the beginning of the text.
  private static func startsAnchored(_ node: RegexNode) -> Bool {
    switch node {
    case .assertion(.beginText): return true
    case .concat(let parts): return parts.first.map(startsAnchored) ?? false
    case .alternate(let branches): return branches.allSatisfy(startsAnchored)
    case .repetition(let operand, let min, _, _): return min > 0 && startsAnchored(operand)
    default: return false
    }
  }

  /// The scalars the start state can consume, when it cannot reach the match state without consuming.
  /// Assertions are assumed to hold, which only widens the filter.
  private static func startFilter(_ code: [RegexInstruction], _ classes: [ScalarClass]) -> StartFilter? {
    var filter = StartFilter()
    var seen = Set<Int>()
    var stack = [0]
    while let pc = stack.popLast() {
      guard seen.insert(pc).inserted else { continue }
      let instruction = code[pc]
      switch instruction.operation {
      case .scalar:
        let value = UInt32(instruction.x)
        if value < 64 {
          filter.low |= 1 << UInt64(value)
        } else if value < 128 {
          filter.high |= 1 << UInt64(value - 64)
        } else {
          filter.nonASCII = true
        }
      case .set:
        let scalarClass = classes[Int(instruction.x)]
        filter.low |= scalarClass.asciiLow
        filter.high |= scalarClass.asciiHigh
        filter.nonASCII = filter.nonASCII || scalarClass.mayContainNonASCII
      case .split: stack.append(Int(instruction.x)); stack.append(Int(instruction.y))
      case .jump: stack.append(Int(instruction.x))
      case .assertion: stack.append(pc + 1)
      case .anyScalar, .anyButNewline, .match: return nil
      }
    }
    return filter
  }
}
