/// Parses RE2 syntax into a `RegexNode`, rejecting (with RE2's messages and a code-point offset) what RE2 rejects.
///
/// A recursive-descent parser over the pattern's Unicode scalars; group nesting is limited to 1000 levels as in
/// RE2, so recursion depth is bounded. Character classes are collected in `classes` and referred to by index.
struct RegexParser {
  /// The flags in effect: `(?i)`, `(?m)`, `(?s)` (and `(?U)`, which does not change a boolean match).
  struct Flags {
    var foldCase = false
    var multiLine = false
    var dotNewline = false
    var ungreedy = false
  }

  /// RE2's limit on `{n,m}` counts.
  static let maxRepeat = 1000
  /// RE2's limit on nesting depth.
  static let maxDepth = 1000

  let pattern: [Unicode.Scalar]
  var position = 0
  /// The classes referred to by `RegexNode.set`.
  var classes: [ScalarClass] = []

  init(_ pattern: String) {
    self.pattern = Array(pattern.unicodeScalars)
  }

  /// Parses the whole pattern.
  mutating func parse() throws -> RegexNode {
    var flags = Flags()
    let node = try parseAlternation(flags: &flags, depth: 0)
    if position < pattern.count {
      throw RE2Error("unexpected ): \(text(0..<pattern.count))", offset: position)
    }
    return node
  }

  // MARK: - Structure

  private mutating func parseAlternation(flags: inout Flags, depth: Int) throws -> RegexNode {
    var branches = [try parseConcatenation(flags: &flags, depth: depth)]
    while position < pattern.count && pattern[position] == "|" {
      position += 1
      branches.append(try parseConcatenation(flags: &flags, depth: depth))
    }
    return branches.count == 1 ? branches[0] : .alternate(branches)
  }

  private mutating func parseConcatenation(flags: inout Flags, depth: Int) throws -> RegexNode {
    var items: [RegexNode] = []
    var itemStarts: [Int] = []
    var lastOperator: Int?
    while position < pattern.count {
      let start = position
      let character = pattern[position]
      var isOperator = false
      switch character {
      case "|", ")":
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
      case "*", "+", "?", "{":
        var range: (min: Int, max: Int?)
        var sizeIsValid = true
        if character == "{" {
          guard let counted = parseCount() else {
            position += 1
            append(character.value, folded: flags.foldCase, to: &items, starts: &itemStarts, at: start)
            break
          }
          range = (counted.min, counted.max)
          sizeIsValid = counted.valid
        } else {
          position += 1
          range = character == "*" ? (0, nil) : character == "+" ? (1, nil) : (0, 1)
        }
        let operatorEnd = position
        if position < pattern.count && pattern[position] == "?" { position += 1 }
        if let previous = lastOperator {
          throw RE2Error("bad repetition operator: \(text(previous..<position))", offset: previous)
        }
        guard sizeIsValid else {
          throw RE2Error("invalid repetition size: \(text(start..<operatorEnd))", offset: start)
        }
        guard let operand = items.popLast(), let operandStart = itemStarts.last else {
          throw RE2Error("no argument for repetition operator: \(text(start..<position))", offset: start)
        }
        items.append(.repetition(operand, min: range.min, max: range.max, offset: operandStart))
        lastOperator = start
        isOperator = true
      case "(":
        if let node = try parseGroup(flags: &flags, depth: depth) {
          items.append(node)
          itemStarts.append(start)
        }
      case "[":
        items.append(try parseClass(flags: flags))
        itemStarts.append(start)
      case ".":
        position += 1
        items.append(flags.dotNewline ? .anyScalar : .anyButNewline)
        itemStarts.append(start)
      case "^":
        position += 1
        items.append(.assertion(flags.multiLine ? .beginLine : .beginText))
        itemStarts.append(start)
      case "$":
        position += 1
        items.append(.assertion(flags.multiLine ? .endLine : .endText))
        itemStarts.append(start)
      case "\\":
        try parseEscapeAtom(flags: flags, items: &items, starts: &itemStarts)
      default:
        position += 1
        append(character.value, folded: flags.foldCase, to: &items, starts: &itemStarts, at: start)
      }
      if !isOperator { lastOperator = nil }
    }
    return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
  }

  /// Parses `{n}`, `{n,}` or `{n,m}` at `position`; nil (position unchanged) when the brace starts no count.
  /// `valid` is false when a count exceeds 1000 or the maximum is below the minimum.
  private mutating func parseCount() -> (min: Int, max: Int?, valid: Bool)? {
    var index = position + 1
    func number() -> Int? {
      let first = index
      var value = 0
      while index < pattern.count, ("0"..."9").contains(pattern[index]) {
        value = min(value * 10 + Int(pattern[index].value - 0x30), 100_000)
        index += 1
      }
      return index > first ? value : nil
    }
    guard let low = number() else { return nil }
    var high: Int? = low
    if index < pattern.count && pattern[index] == "," {
      index += 1
      high = index < pattern.count && pattern[index] == "}" ? nil : number()
      if high == nil && !(index < pattern.count && pattern[index] == "}") { return nil }
    }
    guard index < pattern.count && pattern[index] == "}" else { return nil }
    position = index + 1
    let valid = low <= Self.maxRepeat && (high ?? 0) <= Self.maxRepeat && (high.map { $0 >= low } ?? true)
    return (low, high, valid)
  }

  /// Parses a group starting at `(`; nil for a flags-only group such as `(?i)`, which changes `flags` instead.
  private mutating func parseGroup(flags: inout Flags, depth: Int) throws -> RegexNode? {
    let start = position
    if depth + 1 > Self.maxDepth {
      throw RE2Error("expression nests too deeply", offset: start)
    }
    position += 1
    var inner = flags
    if position < pattern.count && pattern[position] == "?" {
      position += 1
      if try parseGroupPrefix(start: start, flags: &inner) {
        flags = inner
        return nil
      }
    }
    let node = try parseAlternation(flags: &inner, depth: depth + 1)
    guard position < pattern.count && pattern[position] == ")" else {
      throw RE2Error("missing ): \(text(start..<pattern.count))", offset: start)
    }
    position += 1
    return node
  }

  /// Parses what follows `(?`: a name, lookaround (rejected) or flags. Returns true for a flags-only group `(?i)`.
  private mutating func parseGroupPrefix(start: Int, flags: inout Flags) throws -> Bool {
    let next = position < pattern.count ? pattern[position] : nil
    let afterNext = position + 1 < pattern.count ? pattern[position + 1] : nil
    if next == "=" || next == "!" || (next == "<" && (afterNext == "=" || afterNext == "!")) {
      let end = min(position + (next == "<" ? 2 : 1), pattern.count)
      throw RE2Error(
        "invalid perl operator: \(text(start..<end)) (lookaround is not supported)", offset: start)
    }
    if (next == "P" && afterNext == "<") || (next == "<" && afterNext != nil) {
      if next == "P" { position += 1 }
      position += 1
      let nameStart = position
      while position < pattern.count && pattern[position] != ">" { position += 1 }
      guard position < pattern.count else {
        throw RE2Error("invalid named capture group: \(text(start..<pattern.count))", offset: start)
      }
      let name = text(nameStart..<position)
      position += 1
      let valid = !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
          .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
          return true
        default: return false
        }
      }
      guard valid else {
        throw RE2Error("invalid named capture group: \(text(start..<position))", offset: start)
      }
      return false
    }
    var negated = false
    var sawFlag = false
    var updated = flags
    while position < pattern.count {
      let character = pattern[position]
      position += 1
      switch character {
      case "i": updated.foldCase = !negated; sawFlag = true
      case "m": updated.multiLine = !negated; sawFlag = true
      case "s": updated.dotNewline = !negated; sawFlag = true
      case "U": updated.ungreedy = !negated; sawFlag = true
      case "-" where !negated:
        negated = true
        sawFlag = false
      case ":", ")":
        if negated && !sawFlag {
          throw RE2Error("invalid perl operator: \(text(start..<position))", offset: start)
        }
        flags = updated
        return character == ")"
      default:
        throw RE2Error("invalid perl operator: \(text(start..<position))", offset: start)
      }
    }
    throw RE2Error("invalid perl operator: \(text(start..<pattern.count))", offset: start)
  }

  // MARK: - Helpers

  /// Appends a literal, as a class of its case variants under `(?i)`.
  mutating func append(
    _ value: UInt32, folded: Bool, to items: inout [RegexNode], starts: inout [Int], at start: Int
  ) {
    starts.append(start)
    let orbit = folded ? UnicodeTables.caseOrbit(of: value) : [value]
    if orbit.count == 1 {
      items.append(.scalar(value))
    } else {
      items.append(.set(addClass(ScalarClass(ranges: orbit.map { $0...$0 }, categories: [], negated: false))))
    }
  }

  mutating func addClass(_ scalarClass: ScalarClass) -> Int {
    classes.append(scalarClass)
    return classes.count - 1
  }

  /// The pattern's text in `range`, for messages; cut to its first 60 scalars and "..." when longer.
  func text(_ range: Range<Int>) -> String {
    let clamped = range.clamped(to: 0..<pattern.count)
    var result = String.UnicodeScalarView()
    result.append(contentsOf: pattern[clamped.prefix(60)])
    return String(result) + (clamped.count > 60 ? "..." : "")
  }
}
