/// Unicode data for the regex engine: general categories, simple case folding, and RE2's ASCII classes.
enum UnicodeTables {
  /// The bit of `scalar`'s general category in a `CategorySet` mask.
  static func categoryBit(_ scalar: Unicode.Scalar) -> UInt32 {
    let index: UInt32
    switch scalar.properties.generalCategory {
    case .uppercaseLetter: index = 0
    case .lowercaseLetter: index = 1
    case .titlecaseLetter: index = 2
    case .modifierLetter: index = 3
    case .otherLetter: index = 4
    case .nonspacingMark: index = 5
    case .spacingMark: index = 6
    case .enclosingMark: index = 7
    case .decimalNumber: index = 8
    case .letterNumber: index = 9
    case .otherNumber: index = 10
    case .connectorPunctuation: index = 11
    case .dashPunctuation: index = 12
    case .openPunctuation: index = 13
    case .closePunctuation: index = 14
    case .initialPunctuation: index = 15
    case .finalPunctuation: index = 16
    case .otherPunctuation: index = 17
    case .mathSymbol: index = 18
    case .currencySymbol: index = 19
    case .modifierSymbol: index = 20
    case .otherSymbol: index = 21
    case .spaceSeparator: index = 22
    case .lineSeparator: index = 23
    case .paragraphSeparator: index = 24
    case .control: index = 25
    case .format: index = 26
    case .surrogate: index = 27
    case .privateUse: index = 28
    case .unassigned: index = 29
    @unknown default: index = 29
    }
    return 1 << index
  }

  /// RE2's general-category names (`\pL`, `\p{Lu}`) and their masks; `Any` is handled by the parser.
  static let categoryMasks: [String: UInt32] = {
    let names = [
      "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
      "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co",
    ]
    var masks: [String: UInt32] = [:]
    for (index, name) in names.enumerated() {
      let bit: UInt32 = 1 << UInt32(index)
      masks[name] = bit
      masks[String(name.first!), default: 0] |= bit
    }
    return masks
  }()

  /// A few script names, only to explain that scripts are not supported rather than call them unknown.
  static let scriptNames: Set<String> = [
    "Arabic", "Armenian", "Bengali", "Braille", "Cherokee", "Common", "Cyrillic", "Devanagari", "Ethiopic",
    "Georgian", "Greek", "Gujarati", "Gurmukhi", "Han", "Hangul", "Hebrew", "Hiragana", "Inherited", "Kannada",
    "Katakana", "Khmer", "Lao", "Latin", "Malayalam", "Mongolian", "Myanmar", "Ogham", "Oriya", "Runic", "Sinhala",
    "Syriac", "Tamil", "Telugu", "Thaana", "Thai", "Tibetan", "Yi",
  ]

  /// Perl classes `\d \s \w` (ASCII, as in RE2); upper-case letters are their complements.
  static func perlClass(_ letter: Unicode.Scalar) -> (ranges: [ClosedRange<UInt32>], negated: Bool)? {
    switch letter {
    case "d": return (digit, false)
    case "D": return (digit, true)
    case "s": return (perlSpace, false)
    case "S": return (perlSpace, true)
    case "w": return (word, false)
    case "W": return (word, true)
    default: return nil
    }
  }

  /// POSIX classes valid inside brackets, as `[:name:]` (ASCII, as in RE2).
  static let posixClasses: [String: [ClosedRange<UInt32>]] = [
    "alnum": [0x30...0x39, 0x41...0x5A, 0x61...0x7A],
    "alpha": [0x41...0x5A, 0x61...0x7A],
    "ascii": [0x00...0x7F],
    "blank": [0x09...0x09, 0x20...0x20],
    "cntrl": [0x00...0x1F, 0x7F...0x7F],
    "digit": digit,
    "graph": [0x21...0x7E],
    "lower": [0x61...0x7A],
    "print": [0x20...0x7E],
    "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E],
    "space": [0x09...0x0D, 0x20...0x20],
    "upper": [0x41...0x5A],
    "word": word,
    "xdigit": [0x30...0x39, 0x41...0x46, 0x61...0x66],
  ]

  private static let digit: [ClosedRange<UInt32>] = [0x30...0x39]
  private static let perlSpace: [ClosedRange<UInt32>] = [0x09...0x0A, 0x0C...0x0D, 0x20...0x20]
  private static let word: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]

  /// The scalars equal to `scalar` under simple case folding, itself included (e.g. k, K and U+212A KELVIN SIGN).
  static func caseOrbit(of scalar: UInt32) -> [UInt32] {
    caseFolding.orbits[scalar] ?? [scalar]
  }

  /// The case variants of the scalars in `range`, as single-scalar ranges.
  static func caseVariants(in range: ClosedRange<UInt32>) -> [ClosedRange<UInt32>] {
    let keys = caseFolding.sortedKeys
    var low = 0
    var high = keys.count
    while low < high {
      let middle = (low + high) / 2
      if keys[middle] < range.lowerBound { low = middle + 1 } else { high = middle }
    }
    var result: [ClosedRange<UInt32>] = []
    while low < keys.count && keys[low] <= range.upperBound {
      for other in caseFolding.orbits[keys[low]] ?? [] where !range.contains(other) { result.append(other...other) }
      low += 1
    }
    return result
  }

  /// Simple case-folding orbits, built once on first use from the scalars' single-scalar case mappings.
  private static let caseFolding: (orbits: [UInt32: [UInt32]], sortedKeys: [UInt32]) = {
    var parent: [UInt32: UInt32] = [:]
    func root(_ scalar: UInt32) -> UInt32 {
      var current = scalar
      while let next = parent[current], next != current { current = next }
      return current
    }
    func union(_ first: UInt32, _ second: UInt32) {
      let (a, b) = (root(first), root(second))
      if a != b { parent[max(a, b)] = min(a, b) }
    }
    for value: UInt32 in 0...0x1FFFF {
      guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseMapped else { continue }
      let properties = scalar.properties
      for mapping in [properties.lowercaseMapping, properties.uppercaseMapping, properties.titlecaseMapping] {
        let scalars = mapping.unicodeScalars
        guard scalars.count == 1, let other = scalars.first?.value, other != value else { continue }
        if parent[value] == nil { parent[value] = value }
        if parent[other] == nil { parent[other] = other }
        union(value, other)
      }
    }
    var groups: [UInt32: [UInt32]] = [:]
    for scalar in parent.keys { groups[root(scalar), default: []].append(scalar) }
    var orbits: [UInt32: [UInt32]] = [:]
    for members in groups.values {
      let sorted = members.sorted()
      for member in sorted { orbits[member] = sorted }
    }
    return (orbits, orbits.keys.sorted())
  }()
}
