import Testing

@testable import CEL

/// Patterns that make backtracking engines explode; a linear-time engine answers them at once.
/// The tests check only the answers (timing is not asserted), but each runs in milliseconds.
@Suite struct RegexPerformanceTests {
  static let manyA = String(repeating: "a", count: 30_000)

  @Test func nestedStarBeforeMissingLiteral() throws {
    #expect(!(try RE2Regex("(a*)*b").containsMatch(in: Self.manyA)))
    #expect(try RE2Regex("(a*)*b").containsMatch(in: Self.manyA + "b"))
  }

  @Test func ambiguousAlternationLoop() throws {
    #expect(!(try RE2Regex("(a|a)*c").containsMatch(in: Self.manyA)))
    #expect(!(try RE2Regex("^(a|aa)+$").containsMatch(in: Self.manyA + "b")))
    #expect(try RE2Regex("^(a|aa)+$").containsMatch(in: Self.manyA))
  }

  @Test func nestedPlusBeforeMissingLiteral() throws {
    let text = String(repeating: "x", count: 30_000)
    #expect(!(try RE2Regex("(x+x+)+y").containsMatch(in: text)))
    #expect(try RE2Regex("(x+x+)+y").containsMatch(in: text + "y"))
  }

  @Test func largeCountedRepetitions() throws {
    #expect(try RE2Regex("^(a{1,1000})a{1000}$").containsMatch(in: String(repeating: "a", count: 1500)))
    #expect(!(try RE2Regex("^((a{10}){10}){10}$").containsMatch(in: String(repeating: "a", count: 999))))
    #expect(try RE2Regex("^((a{10}){10}){10}$").containsMatch(in: String(repeating: "a", count: 1000)))
    #expect(!(try RE2Regex("(a?){1000}a{1000}").containsMatch(in: String(repeating: "a", count: 999))))
  }

  @Test func oneMegabyteInput() throws {
    let text = String(repeating: "abcdefghij", count: 100_000)
    #expect(!(try RE2Regex("xyz").containsMatch(in: text)))
    #expect(try RE2Regex("jab").containsMatch(in: text))
    #expect(try RE2Regex("j$").containsMatch(in: text))
    #expect(!(try RE2Regex("^b").containsMatch(in: text)))
    #expect(!(try RE2Regex("[x-z]|\\d").containsMatch(in: text)))
    #expect(try RE2Regex("(?s).*j\\z").containsMatch(in: text))
    #expect(!(try RE2Regex("\\pL\\d").containsMatch(in: text)))
  }

  /// Many DFA states: the lazy DFA gives up on its cache and the NFA finishes the search from where it stopped.
  @Test func dfaFallsBackToTheNFA() throws {
    var text = ""
    var seed: UInt32 = 12_345
    for _ in 0..<20_000 {
      seed = seed &* 1_103_515_245 &+ 12_345
      text.append(["a", "b", "c", "d", "e", "f", "g"][Int(seed >> 16) % 7])
    }
    let regex = try RE2Regex("a[^x]{40}z")
    #expect(!regex.containsMatch(in: text))
    #expect(regex.containsMatch(in: text + "a" + String(repeating: "é", count: 40) + "z"))
    #expect(!regex.containsMatch(in: text + "a" + String(repeating: "é", count: 39) + "z"))
    #expect(try RE2Regex("(?i)Σ[^x]{20}\\bz").containsMatch(in: text + "σ" + String(repeating: "é", count: 19) + " z"))
  }

  @Test func deepNestingIsParsedCompiledAndMatched() throws {
    let pattern = String(repeating: "(?:a|", count: 1000) + "b" + String(repeating: ")", count: 1000)
    #expect(try RE2Regex(pattern).containsMatch(in: "b"))
    #expect(!(try RE2Regex(pattern).containsMatch(in: "c")))
  }
}
