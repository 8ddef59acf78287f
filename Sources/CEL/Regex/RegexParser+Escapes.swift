/// The parts of `RegexParser` that read escapes and bracketed classes.
extension RegexParser {
  // MARK: - Escapes

  /// Parses an escape outside a class: an assertion, a class, `\Q...\E` or a literal.
  mutating func parseEscapeAtom(flags: Flags, items: inout [RegexNode], starts: inout [Int]) throws {
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
  /// A `\p` or `\P` that ends the pattern is reported as RE2 does: a bad range outside brackets, a bad escape inside.
  mutating func parseClassEscape(into builder: inout ClassBuilder, inClass: Bool = false) throws {
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
      let kind = inClass ? "invalid escape sequence" : "invalid character class range"
      throw RE2Error("\(kind): \(text(start..<position))", offset: start)
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
  mutating func parseEscapedScalar() throws -> UInt32 {
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

  func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
    switch scalar {
    case "0"..."9": return scalar.value - 0x30
    case "a"..."f": return scalar.value - 0x61 + 10
    case "A"..."F": return scalar.value - 0x41 + 10
    default: return nil
    }
  }

  // MARK: - Classes

  /// Parses `[...]` at `position`.
  mutating func parseClass(flags: Flags) throws -> RegexNode {
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
        try parseClassEscape(into: &builder, inClass: true)
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
          throw RE2Error("invalid escape sequence: \(text(position..<position + 2))", offset: position)
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
  func posixClassEnd() -> Int? {
    var index = position + 2
    while index + 1 < pattern.count {
      if pattern[index] == ":" && pattern[index + 1] == "]" { return index }
      index += 1
    }
    return nil
  }

  /// One scalar inside a class: a literal or a single-scalar escape.
  mutating func parseClassScalar() throws -> UInt32 {
    if pattern[position] == "\\" { return try parseEscapedScalar() }
    position += 1
    return pattern[position - 1].value
  }
}
