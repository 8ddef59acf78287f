import Testing

@testable import CEL

/// One match case: the pattern, the text searched, and whether RE2's PartialMatch finds a match.
struct MatchCase: CustomTestStringConvertible, Sendable {
  let pattern: String
  let text: String
  let expected: Bool
  var testDescription: String { "/\(pattern)/ on \(String(reflecting: text)) -> \(expected)" }
  init(_ pattern: String, _ text: String, _ expected: Bool) {
    self.pattern = pattern
    self.text = text
    self.expected = expected
  }
}

/// Every construct of the RE2 syntax the engine supports, matched and not matched.
let matchCases: [MatchCase] = [
  // Literals and concatenation.
  MatchCase("abc", "xxabcxx", true), MatchCase("abc", "abx", false), MatchCase("", "", true),
  MatchCase("", "abc", true), MatchCase("a", "", false), MatchCase("ñ", "mañana", true),
  MatchCase("😀", "a😀b", true), MatchCase("😀", "a😁b", false),
  // Dot and newlines.
  MatchCase("a.c", "abc", true), MatchCase("a.c", "a\nc", false), MatchCase("(?s)a.c", "a\nc", true),
  MatchCase("(?s:a.c)", "a\nc", true), MatchCase("a.c", "a😀c", true), MatchCase("a\\Cc", "a\nc", true),
  // Classes, ranges, negation, escapes inside.
  MatchCase("[abc]", "xbx", true), MatchCase("[abc]", "xyz", false), MatchCase("[a-c]x", "bx", true),
  MatchCase("[^a-c]", "abc", false), MatchCase("[^a-c]", "abcd", true), MatchCase("[^a]", "\n", true),
  MatchCase("[]a]", "]", true), MatchCase("[^]a]", "]a", false), MatchCase("[a-]", "-", true),
  MatchCase("[-a]", "-", true), MatchCase("[a\\-z]", "-", true), MatchCase("[a\\-z]", "b", false),
  MatchCase("[\\]]", "]", true), MatchCase("[\\n]", "\n", true), MatchCase("[\\x41-\\x43]", "B", true),
  MatchCase("[α-ω]", "λ", true), MatchCase("[α-ω]", "Λ", false), MatchCase("[😀-😂]", "😁", true),
  MatchCase("[a-b-d]", "-", true), MatchCase("[a-b-d]", "c", false), MatchCase("[[]", "[", true),
  MatchCase("[\\d]", "7", true), MatchCase("[^\\d]", "7", false), MatchCase("[\\D\\d]", "x", true),
  MatchCase("[^\\D]", "5", true), MatchCase("[^\\D]", "x", false),
  // POSIX classes.
  MatchCase("[[:alpha:]]", "1a", true), MatchCase("[[:alpha:]]", "12", false), MatchCase("[[:^alpha:]]", "a1", true),
  MatchCase("[[:^alpha:]]", "ab", false), MatchCase("[[:digit:][:upper:]]", "aB", true),
  MatchCase("^[[:xdigit:]]+$", "09afAF", true), MatchCase("^[[:xdigit:]]+$", "0g", false),
  MatchCase("[[:space:]]", "\u{0B}", true), MatchCase("[[:punct:]]", "a!", true), MatchCase("[[:word:]]", "_", true),
  MatchCase("[[:alnum:]]", "é", false), MatchCase("[[:blank:]]", "\t", true), MatchCase("[[:cntrl:]]", "\u{7F}", true),
  MatchCase("[[:graph:]]", " ", false), MatchCase("[[:print:]]", " ", true), MatchCase("[[:lower:]]", "A", false),
  MatchCase("[[:ascii:]]", "é", false), MatchCase("[:alpha:]", "p", true), MatchCase("[:alpha:]", "x", false),
  // Perl classes (ASCII, as in RE2).
  MatchCase("\\d+", "ab12", true), MatchCase("\\d", "٣", false), MatchCase("\\D", "123", false),
  MatchCase("\\w", "é", false), MatchCase("\\w", "_", true), MatchCase("\\W", "abc_1", false),
  MatchCase("\\s", "a b", true), MatchCase("\\s", "a\u{0B}b", false), MatchCase("\\S", " \t\n", false),
  // Unicode general categories.
  MatchCase("\\pL", "é", true), MatchCase("\\pL", "1", false), MatchCase("\\p{Lu}", "aB", true),
  MatchCase("\\p{Lu}", "ab", false), MatchCase("\\PL", "abc", false), MatchCase("\\PL", "ab1", true),
  MatchCase("\\p{^L}", "ab1", true), MatchCase("\\P{^L}", "1a", true), MatchCase("\\pN", "٣", true),
  MatchCase("\\p{Nd}", "Ⅳ", false), MatchCase("\\p{Nl}", "Ⅳ", true), MatchCase("[\\p{Lu}\\d]", "a5", true),
  MatchCase("[^\\pL]", "abc", false), MatchCase("[\\PL]", "abc", false), MatchCase("\\p{Any}", "\n", true),
  MatchCase("\\p{Sc}", "€", true), MatchCase("\\pZ", "\u{2028}", true), MatchCase("\\p{Zs}", "\u{2028}", false),
  MatchCase("\\pP", "¿", true), MatchCase("\\pS", "+", true), MatchCase("\\pM", "e\u{301}", true),
  MatchCase("\\pC", "\u{200B}", true), MatchCase("\\pC", "\u{378}", false), MatchCase("\\PC", "\u{378}", true),
  // Anchors.
  MatchCase("^abc", "abcd", true), MatchCase("^abc", "xabc", false), MatchCase("abc$", "xabc", true),
  MatchCase("abc$", "abc\n", false), MatchCase("^$", "", true), MatchCase("^$", "a", false),
  MatchCase("(?m)^b", "a\nb", true), MatchCase("^b", "a\nb", false), MatchCase("(?m)a$", "a\nb", true),
  MatchCase("a$", "a\nb", false), MatchCase("\\Aab", "ab", true), MatchCase("(?m)\\Ab", "a\nb", false),
  MatchCase("a\\z", "a", true), MatchCase("(?m)a\\z", "a\n", false), MatchCase("x^", "x", false),
  MatchCase("\\bfoo\\b", "a foo b", true), MatchCase("\\bfoo\\b", "afoo", false), MatchCase("\\Boo", "foo", true),
  MatchCase("\\Bfoo", "foo", false), MatchCase("\\b", "", false), MatchCase("\\B", "", true),
  MatchCase("é\\b", "éa", true), MatchCase("^", "", true), MatchCase("$", "abc", true),
  // Groups and alternation.
  MatchCase("gr(a|e)y", "grey", true), MatchCase("gr(a|e)y", "groy", false), MatchCase("(?:ab)+c", "ababc", true),
  MatchCase("(?P<word>ab)c", "abc", true), MatchCase("(?<word>ab)c", "abc", true), MatchCase("a|b|c", "c", true),
  MatchCase("a|b|c", "d", false), MatchCase("|a", "x", true), MatchCase("a|", "x", true), MatchCase("()", "", true),
  MatchCase("(a|)b", "b", true), MatchCase("((a)(b(c)))", "abc", true), MatchCase("(?:)", "x", true),
  // Quantifiers, greedy and lazy.
  MatchCase("ab*c", "ac", true), MatchCase("ab+c", "ac", false), MatchCase("ab+c", "abbbc", true),
  MatchCase("ab?c", "abbc", false), MatchCase("^a{3}$", "aaa", true), MatchCase("^a{3}$", "aaaa", false),
  MatchCase("^a{2,}$", "a", false), MatchCase("^a{2,}$", "aaaaa", true), MatchCase("^a{2,3}$", "aaaa", false),
  MatchCase("^a{2,3}$", "aa", true), MatchCase("^a{0}$", "", true), MatchCase("^a{0,1}b", "b", true),
  MatchCase("a*?b", "aab", true), MatchCase("a+?", "a", true), MatchCase("a??b", "b", true),
  MatchCase("^a{2,3}?$", "aaa", true), MatchCase("^a{2}?$", "aa", true), MatchCase("(?U)a+", "aa", true),
  MatchCase("^(ab){2}$", "abab", true), MatchCase("^(a|bc){2,}$", "abca", true), MatchCase("^(a*)*$", "aaa", true),
  MatchCase("^(a*)+$", "", true), MatchCase("^(a?){3}a{3}$", "aaa", true), MatchCase("a{,2}", "a{,2}", true),
  MatchCase("a{", "a{", true), MatchCase("a{x}", "a{x}", true), MatchCase("a{1", "a{1", true),
  MatchCase("{", "{", true), MatchCase("}", "}", true), MatchCase("a{1,2", "a{1,2", true),
  MatchCase("ba(na)*", "banana", true), MatchCase("^x(?i)*", "xXX", true),
  // Flags, scoped and negated.
  MatchCase("(?i)abc", "xABCx", true), MatchCase("(?i:a)b", "Ab", true), MatchCase("(?i:a)b", "AB", false),
  MatchCase("a(?i)b", "aB", true), MatchCase("a(?i)b", "AB", false), MatchCase("(?i)a(?-i)b", "Ab", true),
  MatchCase("(?i)a(?-i)b", "AB", false), MatchCase("(?:a(?i)b|c)", "C", true), MatchCase("(?:(?i)a)b", "AB", false),
  MatchCase("(?i)[a-c]", "B", true), MatchCase("(?i)[^a]", "A", false), MatchCase("(?i)k", "\u{212A}", true),
  MatchCase("(?i)\u{212A}", "k", true), MatchCase("(?i)s", "ſ", true), MatchCase("(?i)σ", "Σς", true),
  MatchCase("(?i)ǅ", "ǆ", true), MatchCase("(?i)é", "É", true), MatchCase("(?i)\\p{Lu}", "a", true),
  MatchCase("(?i)\\P{Lu}", "A", false), MatchCase("(?i)[[:upper:]]", "q", true), MatchCase("(?i)\\w", "\u{212A}", true),
  MatchCase("(?im)^B$", "a\nb\nc", true), MatchCase("(?i-m)^B", "a\nb", false), MatchCase("(?)a", "a", true),
  MatchCase("(?m:^.$)", "\n", false), MatchCase("(?s)^.$", "\n", true), MatchCase("(?i)Straße", "STRAẞE", true),
  // Escapes.
  MatchCase("\\n", "a\nb", true), MatchCase("\\t", "\t", true), MatchCase("\\r", "\r", true),
  MatchCase("\\f", "\u{0C}", true),
  MatchCase("\\v", "\u{0B}", true), MatchCase("\\a", "\u{07}", true), MatchCase("\\x41", "A", true),
  MatchCase("\\x{1F600}", "😀", true), MatchCase("\\x{10FFFF}", "\u{10FFFF}", true), MatchCase("\\101", "A", true),
  MatchCase("\\0", "\u{0}", true), MatchCase("\\12", "\n", true), MatchCase("\\1234", "S4", true),
  MatchCase("\\Qa.b\\E", "a.b", true), MatchCase("\\Qa.b\\E", "axb", false), MatchCase("\\Qa+", "a+", true),
  MatchCase("^\\Qab\\E+$", "abbb", true), MatchCase("\\Qa\\b\\E", "a\\b", true), MatchCase("(?i)\\QAB\\E", "ab", true),
  MatchCase("\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\\\", ".*+?()[]{}|^$\\", true),
  MatchCase("\\-\\_\\ \\#", "-_ #", true),
  MatchCase("a\\.c", "abc", false),
]

@Suite struct RegexTests {
  @Test(arguments: matchCases)
  func matchesLikeRE2(_ testCase: MatchCase) throws {
    let regex = try RE2Regex(testCase.pattern)
    #expect(regex.containsMatch(in: testCase.text) == testCase.expected)
    #expect(PikeVM.containsMatch(regex.program, in: testCase.text, mode: .nfa) == testCase.expected)
    #expect(PikeVM.containsMatch(regex.program, in: testCase.text, mode: .dfa) == testCase.expected)
  }

  /// The CEL conformance cases of string.textproto, section "matches" (expression, expected value).
  @Test(arguments: [
    ("hubba", "ubb", true), ("", "foo|bar", false), ("cows", "", true), ("", "", true), ("abcd", "bc", true),
    ("grey", "gr(a|e)y", true), ("banana", "ba(na)*", true), ("mañana", "a+ñ+a+", true),
    ("\u{1F431}\u{1F600}\u{1F600}", "(a|\u{1F600}){2}", true),
  ])
  func conformance(text: String, pattern: String, expected: Bool) throws {
    #expect(try RE2Regex(pattern).containsMatch(in: text) == expected)
  }

  @Test func patternIsKeptAndRegexIsReusable() throws {
    let regex = try RE2Regex("^a+$")
    #expect(regex.pattern == "^a+$")
    #expect(regex.containsMatch(in: "aaa"))
    #expect(!regex.containsMatch(in: "aab"))
    #expect(regex.containsMatch(in: "a"))
  }

  @Test func literalPrefixSkipKeepsContextForAssertions() throws {
    #expect(try RE2Regex("a\\b").containsMatch(in: "xxxa"))
    #expect(!(try RE2Regex("a\\b").containsMatch(in: "xxxab")))
    #expect(try RE2Regex("(?:ab|cd)e").containsMatch(in: "zzzabcde"))
  }
}
