/// A set of Unicode general categories (one bit per category), optionally complemented and case-folded.
struct CategorySet: Sendable {
  /// Bits indexed by `UnicodeTables.categoryBit`.
  let mask: UInt32
  /// Whether the set is complemented (`\P{..}`, `\p{^..}`).
  let negated: Bool
  /// Whether a scalar also belongs when a case variant of it is in `mask` (under `(?i)`).
  let folded: Bool

  /// Whether `scalar` belongs to the set.
  func contains(_ scalar: UInt32) -> Bool {
    guard let value = Unicode.Scalar(scalar) else { return negated }
    var inside = mask & UnicodeTables.categoryBit(value) != 0
    if !inside && folded {
      inside = UnicodeTables.caseOrbit(of: scalar).contains { other in
        Unicode.Scalar(other).map { mask & UnicodeTables.categoryBit($0) != 0 } ?? false
      }
    }
    return inside != negated
  }
}

/// A character class ready for matching: sorted disjoint ranges plus category sets, with an ASCII bitmap.
struct ScalarClass: Sendable {
  /// Lower bounds of the sorted, disjoint, non-adjacent ranges.
  let lows: [UInt32]
  /// Upper bounds (inclusive), parallel to `lows`.
  let highs: [UInt32]
  /// Category sets unioned with the ranges.
  let categories: [CategorySet]
  /// Whether the whole class is complemented (`[^...]`).
  let negated: Bool
  /// Membership of scalars 0-63 and 64-127, negation included.
  let asciiLow: UInt64
  let asciiHigh: UInt64

  init(ranges: [ClosedRange<UInt32>], categories: [CategorySet], negated: Bool) {
    var lows: [UInt32] = []
    var highs: [UInt32] = []
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = highs.last, range.lowerBound <= last &+ 1 {
        highs[highs.count - 1] = max(last, range.upperBound)
      } else {
        lows.append(range.lowerBound)
        highs.append(range.upperBound)
      }
    }
    self.lows = lows
    self.highs = highs
    self.categories = categories
    self.negated = negated
    var low: UInt64 = 0
    var high: UInt64 = 0
    for scalar: UInt32 in 0..<128 where Self.slowContains(scalar, lows, highs, categories) != negated {
      if scalar < 64 { low |= 1 << UInt64(scalar) } else { high |= 1 << UInt64(scalar - 64) }
    }
    asciiLow = low
    asciiHigh = high
  }

  /// Whether the class might contain a scalar above 127.
  var mayContainNonASCII: Bool { negated || !categories.isEmpty || (highs.last ?? 0) >= 128 }

  /// Whether `scalar` belongs to the class.
  @inline(__always)
  func contains(_ scalar: UInt32) -> Bool {
    if scalar < 64 { return asciiLow >> UInt64(scalar) & 1 != 0 }
    if scalar < 128 { return asciiHigh >> UInt64(scalar - 64) & 1 != 0 }
    return Self.slowContains(scalar, lows, highs, categories) != negated
  }

  /// Membership before negation: a binary search of the ranges, then the category sets.
  private static func slowContains(
    _ scalar: UInt32, _ lows: [UInt32], _ highs: [UInt32], _ categories: [CategorySet]
  ) -> Bool {
    var low = 0
    var high = lows.count
    while low < high {
      let middle = (low + high) / 2
      if highs[middle] < scalar {
        low = middle + 1
      } else {
        high = middle
      }
    }
    if low < lows.count && lows[low] <= scalar { return true }
    for set in categories where set.contains(scalar) { return true }
    return false
  }
}

/// Accumulates the items of a class while parsing, applying case folding as they are added.
struct ClassBuilder {
  var ranges: [ClosedRange<UInt32>] = []
  var categories: [CategorySet] = []
  /// Whether items are case-folded as they are added (`(?i)`).
  let folded: Bool

  init(folded: Bool) {
    self.folded = folded
  }

  /// Adds `range`, and under folding the case variants of every scalar in it.
  mutating func add(_ range: ClosedRange<UInt32>) {
    ranges.append(range)
    if folded { ranges.append(contentsOf: UnicodeTables.caseVariants(in: range)) }
  }

  /// Adds a class given by ranges (`\d`, `[:alpha:]`), or its complement when `negated`.
  /// Under folding the ranges are folded before being complemented, as RE2 does.
  mutating func add(ranges added: [ClosedRange<UInt32>], negated: Bool) {
    guard negated else {
      for range in added { add(range) }
      return
    }
    var inner = ClassBuilder(folded: folded)
    for range in added { inner.add(range) }
    ranges.append(contentsOf: Self.complement(inner.ranges))
  }

  /// Adds a category set (`\pL`), folded when the builder folds.
  mutating func add(categories mask: UInt32, negated: Bool) {
    categories.append(CategorySet(mask: mask, negated: negated, folded: folded))
  }

  /// The finished class, complemented when `negated`.
  func build(negated: Bool) -> ScalarClass {
    ScalarClass(ranges: ranges, categories: categories, negated: negated)
  }

  /// The complement of `ranges` within 0...0x10FFFF.
  static func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
    var result: [ClosedRange<UInt32>] = []
    var next: UInt32 = 0
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
      next = max(next, range.upperBound &+ 1)
    }
    if next <= 0x10FFFF { result.append(next...0x10FFFF) }
    return result
  }
}
