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
  private var groupNames: Set<String> = []

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
        if character == "{" {
          guard let counted = try parseCount() else {
            position += 1
            append(character.value, folded: flags.foldCase, to: &items, starts: &itemStarts, at: start)
            break
          }
          range = counted
        } else {
          position += 1
          range = character == "*" ? (0, nil) : character == "+" ? (1, nil) : (0, 1)
        }
        if position < pattern.count && pattern[position] == "?" { position += 1 }
        if let previous = lastOperator {
          throw RE2Error("bad repetition operator: \(text(previous..<position))", offset: previous)
        }
        guard let operand = items.popLast(), let operandStart = itemStarts.last else {
          throw RE2Error("missing argument to repetition operator: \(text(start..<position))", offset: start)
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
  private mutating func parseCount() throws -> (min: Int, max: Int?)? {
    let start = position
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
    index += 1
    if low > Self.maxRepeat || (high ?? 0) > Self.maxRepeat || (high.map { $0 < low } ?? false) {
      throw RE2Error("invalid repetition size: \(text(start..<index))", offset: start)
    }
    position = index
    return (low, high)
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
        "invalid or unsupported Perl syntax: \(text(start..<end)) (lookaround is not supported)", offset: start)
    }
    if next == "P" || next == "<" {
      if next == "P" {
        guard afterNext == "<" else {
          throw RE2Error(
            "invalid named capture group: \(text(start..<min(position + 2, pattern.count)))", offset: start)
        }
        position += 1
      }
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
      guard groupNames.insert(name).inserted else {
        throw RE2Error("duplicate capture group name: \(name)", offset: start)
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
          throw RE2Error("invalid or unsupported Perl syntax: \(text(start..<position))", offset: start)
        }
        flags = updated
        return character == ")"
      default:
        throw RE2Error("invalid or unsupported Perl syntax: \(text(start..<position))", offset: start)
      }
    }
    throw RE2Error("missing ): \(text(start..<pattern.count))", offset: start)
  }

  // MARK: - Escapes

  /// Parses an escape outside a class: an assertion, a class, `\Q...\E` or a literal.
  private mutating func parseEscapeAtom(flags: Flags, items: inout [RegexNode], starts: inout [Int]) throws {
    let start = position
    guard position + 1 < pattern.count else {
      throw RE2Error("trailing \\", offset: start)
    }
    let letter = pattern[position + 1]
    switch letter {
    case "A", "z", "b", "B":
      position += 2
      let kinds: [Unicode.Scalar: RegexAssertion] = [
        "A": .beginText, "z": .endText, "b": .wordBoundary, "B": .notWordBoundary,
      ]
      items.append(.assertion(kinds[letter]!))
      starts.append(start)
    case "C":
      position += 2
      items.append(.anyScalar)
      starts.append(start)
    case "Q":
      position += 2
      while position < pattern.count {
        if pattern[position] == "\\" && position + 1 < pattern.count && pattern[position + 1] == "E" {
          position += 2
          return
        }
        append(pattern[position].value, folded: flags.foldCase, to: &items, starts: &starts, at: position)
        position += 1
      }
    case "d", "D", "s", "S", "w", "W", "p", "P":
      var builder = ClassBuilder(folded: flags.foldCase)
      try parseClassEscape(into: &builder)
      items.append(.set(addClass(builder.build(negated: false))))
      starts.append(start)
    default:
      let value = try parseEscapedScalar()
      append(value, folded: flags.foldCase, to: &items, starts: &starts, at: start)
    }
  }

  /// Parses `\d`-style and `\p`-style escapes at `position` into `builder`.
  private mutating func parseClassEscape(into builder: inout ClassBuilder) throws {
    let start = position
    let letter = pattern[position + 1]
    position += 2
    if let perl = UnicodeTables.perlClass(letter) {
      builder.add(ranges: perl.ranges, negated: perl.negated)
      return
    }
    var negated = letter == "P"
    var name: String
    guard position < pattern.count else {
      throw RE2Error("invalid character class range: \(text(start..<position))", offset: start)
    }
    if pattern[position] == "{" {
      let nameStart = position + 1
      var end = nameStart
      while end < pattern.count && pattern[end] != "}" { end += 1 }
      guard end < pattern.count else {
        throw RE2Error("invalid character class range: \(text(start..<pattern.count))", offset: start)
      }
      name = text(nameStart..<end)
      position = end + 1
    } else {
      name = String(pattern[position])
      position += 1
    }
    if name.hasPrefix("^") {
      negated.toggle()
      name.removeFirst()
    }
    if name == "Any" {
      builder.add(ranges: [0...0x10FFFF], negated: negated)
    } else if let mask = UnicodeTables.categoryMasks[name] {
      builder.add(categories: mask, negated: negated)
    } else if UnicodeTables.scriptNames.contains(name) {
      throw RE2Error(
        "unsupported Unicode class: \(text(start..<position)) (scripts are not supported; "
          + "use a general category such as \\pL or \\p{Lu})", offset: start)
    } else {
      throw RE2Error("invalid character class range: \(text(start..<position))", offset: start)
    }
  }

  /// Parses an escape at `position` that stands for one scalar: `\n`, `\x41`, `\x{263a}`, `\101`, `\.` ...
  private mutating func parseEscapedScalar() throws -> UInt32 {
    let start = position
    guard position + 1 < pattern.count else {
      throw RE2Error("trailing \\", offset: start)
    }
    let letter = pattern[position + 1]
    position += 2
    func bad() -> RE2Error {
      RE2Error("invalid escape sequence: \(text(start..<min(position, pattern.count)))", offset: start)
    }
    switch letter {
    case "a": return 0x07
    case "f": return 0x0C
    case "t": return 0x09
    case "n": return 0x0A
    case "r": return 0x0D
    case "v": return 0x0B
    case "0"..."7":
      if letter != "0" && !(position < pattern.count && ("0"..."7").contains(pattern[position])) { throw bad() }
      var value = letter.value - 0x30
      for _ in 0..<2 where position < pattern.count && ("0"..."7").contains(pattern[position]) {
        value = value * 8 + pattern[position].value - 0x30
        position += 1
      }
      return value
    case "x":
      guard position < pattern.count else { throw bad() }
      if pattern[position] == "{" {
        position += 1
        var value: UInt32 = 0
        var digits = 0
        while position < pattern.count, let digit = hexValue(pattern[position]) {
          value = min(value * 16 + digit, 0x110000)
          digits += 1
          position += 1
        }
        guard digits > 0, position < pattern.count, pattern[position] == "}", value <= 0x10FFFF else {
          if position < pattern.count { position += 1 }
          throw bad()
        }
        position += 1
        return value
      }
      guard position + 1 < pattern.count, let high = hexValue(pattern[position]),
        let low = hexValue(pattern[position + 1])
      else {
        position = min(position + 2, pattern.count)
        throw bad()
      }
      position += 2
      return high * 16 + low
    default:
      guard letter.isASCII, !letter.properties.isAlphabetic, !("0"..."9").contains(letter) else { throw bad() }
      return letter.value
    }
  }

  private func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
    switch scalar {
    case "0"..."9": return scalar.value - 0x30
    case "a"..."f": return scalar.value - 0x61 + 10
    case "A"..."F": return scalar.value - 0x41 + 10
    default: return nil
    }
  }

  // MARK: - Classes

  /// Parses `[...]` at `position`.
  private mutating func parseClass(flags: Flags) throws -> RegexNode {
    let start = position
    position += 1
    var negated = false
    if position < pattern.count && pattern[position] == "^" {
      negated = true
      position += 1
    }
    var builder = ClassBuilder(folded: flags.foldCase)
    var first = true
    while true {
      guard position < pattern.count else {
        throw RE2Error("missing ]: \(text(start..<pattern.count))", offset: start)
      }
      let character = pattern[position]
      if character == "]" && !first {
        position += 1
        break
      }
      first = false
      if character == "[" && position + 1 < pattern.count && pattern[position + 1] == ":",
        let end = posixClassEnd()
      {
        var name = text(position + 2..<end)
        let itemStart = position
        position = end + 2
        let negatedItem = name.hasPrefix("^")
        if negatedItem { name.removeFirst() }
        guard let ranges = UnicodeTables.posixClasses[name] else {
          throw RE2Error("invalid character class range: \(text(itemStart..<position))", offset: itemStart)
        }
        builder.add(ranges: ranges, negated: negatedItem)
        continue
      }
      if character == "\\" && position + 1 < pattern.count
        && "dDsSwWpP".unicodeScalars.contains(pattern[position + 1])
      {
        try parseClassEscape(into: &builder)
        continue
      }
      let itemStart = position
      let low = try parseClassScalar()
      var high = low
      if position + 1 < pattern.count && pattern[position] == "-" && pattern[position + 1] != "]" {
        position += 1
        if pattern[position] == "\\" && position + 1 < pattern.count
          && "dDsSwWpP".unicodeScalars.contains(pattern[position + 1])
        {
          throw RE2Error("invalid character class range: \(text(itemStart..<position + 2))", offset: itemStart)
        }
        high = try parseClassScalar()
        guard low <= high else {
          throw RE2Error("invalid character class range: \(text(itemStart..<position))", offset: itemStart)
        }
      }
      builder.add(low...high)
    }
    return .set(addClass(builder.build(negated: negated)))
  }

  /// The index of the `:]` closing a POSIX class that starts at `position`, if any.
  private func posixClassEnd() -> Int? {
    var index = position + 2
    while index + 1 < pattern.count {
      if pattern[index] == ":" && pattern[index + 1] == "]" { return index }
      index += 1
    }
    return nil
  }

  /// One scalar inside a class: a literal or a single-scalar escape.
  private mutating func parseClassScalar() throws -> UInt32 {
    if pattern[position] == "\\" { return try parseEscapedScalar() }
    position += 1
    return pattern[position - 1].value
  }

  // MARK: - Helpers

  /// Appends a literal, as a class of its case variants under `(?i)`.
  private mutating func append(
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

  private mutating func addClass(_ scalarClass: ScalarClass) -> Int {
    classes.append(scalarClass)
    return classes.count - 1
  }

  private func text(_ range: Range<Int>) -> String {
    var result = String.UnicodeScalarView()
    result.append(contentsOf: pattern[range.clamped(to: 0..<pattern.count)])
    return String(result)
  }
}
