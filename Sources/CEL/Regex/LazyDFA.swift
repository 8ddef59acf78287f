/// The lazily built DFA of a search: each DFA state is a set of live NFA states, interned on first sight, and its
/// transitions on ASCII scalars are cached in a flat table, so a long text costs about one table lookup per scalar.
///
/// Assertions (`^ $ \b ...`) depend on the kinds of the scalars around a position, so a transition is keyed by the
/// scalar consumed and the kind of the one after it; transitions on non-ASCII scalars are cached in a dictionary. When
/// the cache reaches `maxStates`, or states are built faster than the text is read, the search continues as a plain
/// NFA simulation: time stays linear either way.
struct LazyDFA {
  /// The most DFA states built in one search.
  static let maxStates = 2_000
  /// Marks a transition not computed yet.
  static let unknown: Int32 = -1
  /// Marks a transition that reaches the match state.
  static let matched: Int32 = -2

  /// The NFA states of each DFA state, sorted.
  var sets: [[Int32]] = []
  var ids: [[Int32]: Int32] = [:]
  /// `transitions[(state * 128 + scalar) * kinds + kind(next scalar)]`.
  var transitions: [Int32] = []
  /// Transitions on non-ASCII scalars, keyed by `wideKey`.
  var wideTransitions: [Int64: Int32] = [:]
  /// 4 when the program has assertions (edge, newline, word, other), else 1.
  let kinds: Int

  /// The most non-ASCII transitions cached in one search.
  static let maxWideTransitions = 50_000

  @inline(__always)
  static func wideKey(state: Int32, scalar: Int32, nextKind: Int) -> Int64 {
    Int64(state) << 32 | Int64(scalar) << 2 | Int64(nextKind)
  }

  init(hasAssertions: Bool) {
    kinds = hasAssertions ? 4 : 1
  }

  /// The kind of scalar that assertions distinguish: 0 an end of the text, 1 newline, 2 ASCII word, 3 other.
  @inline(__always)
  static func kind(_ scalar: Int32) -> Int {
    if scalar < 0 { return 0 }
    if scalar == 0x0A { return 1 }
    return RegexAssertion.isWord(scalar) ? 2 : 3
  }

  /// The id of the DFA state for `list`'s NFA states, adding it if new. Nil when the cache is full, or when the
  /// DFA is not paying off: more than 64 states built and more than one per 16 bytes of text read (`position`).
  mutating func intern(_ list: StateList, position: Int) -> Int32? {
    var key = Array(UnsafeBufferPointer(start: list.dense, count: list.count))
    key.sort()
    if let id = ids[key] { return id }
    guard sets.count < Self.maxStates, sets.count < 64 || sets.count * 16 <= position else { return nil }
    let id = Int32(sets.count)
    sets.append(key)
    ids[key] = id
    transitions.append(contentsOf: repeatElement(Self.unknown, count: 128 * kinds))
    return id
  }
}

extension RegexSearch {
  /// Searches with a lazy DFA, from the start of the text whose first scalar is `first`.
  mutating func runDFA(_ bytes: UnsafePointer<UInt8>, _ end: Int, _ index: inout Int, first: Int32) -> Bool {
    let anchored = program.anchoredAtStart
    var dfa = LazyDFA(hasAssertions: program.instructions.contains { $0.operation == .assertion })
    current.clear()
    if addClosure(0, to: &current, previous: -1, next: first) { return true }
    guard var state = dfa.intern(current, position: 0) else {
      return runNFA(bytes, end, &index, previous: -1, scalar: first, atStart: true)
    }
    var scalar = first
    var emptyState: Int32 = -3
    while scalar >= 0 {
      if anchored && state == emptyState { return false }
      let following = Self.decode(bytes, end, &index)
      let nextKind = dfa.kinds == 1 ? 0 : LazyDFA.kind(following)
      let slot = scalar < 128 ? (Int(state) &* 128 &+ Int(scalar)) &* dfa.kinds &+ nextKind : -1
      let wideKey = LazyDFA.wideKey(state: state, scalar: scalar, nextKind: nextKind)
      var target = slot >= 0 ? dfa.transitions[slot] : dfa.wideTransitions[wideKey] ?? LazyDFA.unknown
      if target == LazyDFA.unknown {
        current.clear()
        for pc in dfa.sets[Int(state)] {
          current.dense[current.count] = pc
          current.count += 1
        }
        if step(scalar, following: following)
          || (!anchored && addClosure(0, to: &next, previous: scalar, next: following))
        {
          target = LazyDFA.matched
        } else if let id = dfa.intern(next, position: index) {
          target = id
          if next.count == 0 { emptyState = id }
        } else {
          swap(&current, &next)
          return runNFA(bytes, end, &index, previous: scalar, scalar: following, atStart: false)
        }
        if slot >= 0 {
          dfa.transitions[slot] = target
        } else if dfa.wideTransitions.count < LazyDFA.maxWideTransitions {
          dfa.wideTransitions[wideKey] = target
        }
      }
      if target == LazyDFA.matched { return true }
      state = target
      scalar = following
    }
    return false
  }
}
