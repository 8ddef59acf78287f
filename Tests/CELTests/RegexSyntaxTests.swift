import Testing

@testable import CEL

/// One rejected pattern with RE2's message and the code-point offset of the offending construct.
struct RejectionCase: CustomTestStringConvertible, Sendable {
  let pattern: String
  let message: String
  let offset: Int
  var testDescription: String { "/\(pattern)/ -> \(message) at \(offset)" }
  init(_ pattern: String, _ message: String, _ offset: Int) {
    self.pattern = pattern
    self.message = message
    self.offset = offset
  }
}

let rejectionCases: [RejectionCase] = [
  // Backreferences and bad escapes.
  RejectionCase("(a)\\1", "invalid escape sequence: \\1", 3),
  RejectionCase("\\8", "invalid escape sequence: \\8", 0),
  RejectionCase("ab\\y", "invalid escape sequence: \\y", 2),
  RejectionCase("\\Z", "invalid escape sequence: \\Z", 0),
  RejectionCase("\\E", "invalid escape sequence: \\E", 0),
  RejectionCase("\\é", "invalid escape sequence: \\é", 0),
  RejectionCase("é\\x{110000}", "invalid escape sequence: \\x{110000}", 1),
  RejectionCase("\\x{}", "invalid escape sequence: \\x{}", 0),
  RejectionCase("\\x4", "invalid escape sequence: \\x4", 0),
  RejectionCase("\\xZZ", "invalid escape sequence: \\xZZ", 0),
  RejectionCase("[\\b]", "invalid escape sequence: \\b", 1),
  RejectionCase("[\\Q]", "invalid escape sequence: \\Q", 1),
  RejectionCase("ab\\", "trailing \\", 2),
  // Lookaround and other Perl syntax.
  RejectionCase("a(?=b)", "invalid perl operator: (?= (lookaround is not supported)", 1),
  RejectionCase("(?!b)", "invalid perl operator: (?! (lookaround is not supported)", 0),
  RejectionCase("x(?<=b)", "invalid perl operator: (?<= (lookaround is not supported)", 1),
  RejectionCase("(?<!b)", "invalid perl operator: (?<! (lookaround is not supported)", 0),
  RejectionCase("(?#comment)", "invalid perl operator: (?#", 0),
  RejectionCase("(?x)a", "invalid perl operator: (?x", 0),
  RejectionCase("(?i-)a", "invalid perl operator: (?i-)", 0),
  RejectionCase("(?--i)a", "invalid perl operator: (?--", 0),
  RejectionCase("(?P=name)", "invalid perl operator: (?P", 0),
  RejectionCase("(?P<>a)", "invalid named capture group: (?P<>", 0),
  RejectionCase("(?P<a-b>a)", "invalid named capture group: (?P<a-b>", 0),
  RejectionCase("(?<name", "invalid named capture group: (?<name", 0),
  RejectionCase("a(?<", "invalid perl operator: (?<", 1),
  // Parentheses.
  RejectionCase("(abc", "missing ): (abc", 0),
  RejectionCase("x((a)", "missing ): ((a)", 1),
  RejectionCase("(?i", "invalid perl operator: (?i", 0),
  RejectionCase("(?", "invalid perl operator: (?", 0),
  RejectionCase("(?P<n>", "missing ): (?P<n>", 0),
  RejectionCase("(?i:a", "missing ): (?i:a", 0),
  RejectionCase("abc)", "unexpected ): abc)", 3),
  RejectionCase("a|b)c", "unexpected ): a|b)c", 3),
  RejectionCase(String(repeating: "(", count: 1001) + String(repeating: ")", count: 1001),
    "expression nests too deeply", 1000),
  // Classes.
  RejectionCase("[abc", "missing ]: [abc", 0),
  RejectionCase("x[]", "missing ]: []", 1),
  RejectionCase("[^]", "missing ]: [^]", 0),
  RejectionCase("é[z-a]", "invalid character class range: z-a", 2),
  RejectionCase("[a-\\d]", "invalid escape sequence: \\d", 3),
  RejectionCase("[[:foo:]]", "invalid character class range: [:foo:]", 1),
  RejectionCase("\\p{Foo}", "invalid character class range: \\p{Foo}", 0),
  RejectionCase("\\p{Lu", "invalid character class range: \\p{Lu", 0),
  RejectionCase("\\p", "invalid character class range: \\p", 0),
  RejectionCase("[\\P", "invalid escape sequence: \\P", 1),
  RejectionCase("a\\pX", "invalid character class range: \\pX", 1),
  RejectionCase("\\p{Greek}",
    "unsupported Unicode class: \\p{Greek} (scripts are not supported; use a general category such as \\pL or \\p{Lu})",
    0),
  // Repetition.
  RejectionCase("*a", "no argument for repetition operator: *", 0),
  RejectionCase("a|+", "no argument for repetition operator: +", 2),
  RejectionCase("(*)", "no argument for repetition operator: *", 1),
  RejectionCase("{2}", "no argument for repetition operator: {2}", 0),
  RejectionCase("a**", "bad repetition operator: **", 1),
  RejectionCase("a*+", "bad repetition operator: *+", 1),
  RejectionCase("a++", "bad repetition operator: ++", 1),
  RejectionCase("a?+", "bad repetition operator: ?+", 1),
  RejectionCase("a{2}+", "bad repetition operator: {2}+", 1),
  RejectionCase("a*?+", "bad repetition operator: *?+", 1),
  RejectionCase("a{2}{3}", "bad repetition operator: {2}{3}", 1),
  RejectionCase("a{1001}", "invalid repetition size: {1001}", 1),
  RejectionCase("a{2,1001}", "invalid repetition size: {2,1001}", 1),
  RejectionCase("a{3,2}", "invalid repetition size: {3,2}", 1),
  RejectionCase("a{3,2}?", "invalid repetition size: {3,2}", 1),
  RejectionCase("{2,1}", "invalid repetition size: {2,1}", 0),
  RejectionCase("a*{1001}", "bad repetition operator: *{1001}", 1),
  RejectionCase("a**{1001}", "bad repetition operator: **", 1),
  RejectionCase("(?i)*", "no argument for repetition operator: *", 4),
  RejectionCase("a{99999999999999999999}", "invalid repetition size: {99999999999999999999}", 1),
  // Offsets count code points, not bytes or UTF-16 units.
  RejectionCase("😀😀(abc", "missing ): (abc", 2),
  RejectionCase("日本\\1", "invalid escape sequence: \\1", 2),
  RejectionCase("e\u{301}\u{1F1EB}\u{1F1F7}[b-a]", "invalid character class range: b-a", 5),
  // Long fragments are cut in messages.
  RejectionCase(
    "(" + String(repeating: "a", count: 100), "missing ): (" + String(repeating: "a", count: 59) + "...", 0),
  // Size.
  RejectionCase("(a{1000}){1000}", "pattern too large - compile failed", 0),
  RejectionCase("x((ab{1000}){1000}){1000}", "pattern too large - compile failed", 1),
  RejectionCase("(((a{100}){100}){100}){100}", "pattern too large - compile failed", 0),
  RejectionCase("[a-z]{1000}[a-z]{1000}" + String(repeating: "(x{1000})", count: 49),
    "pattern too large - compile failed", 455),
]

@Suite struct RegexSyntaxTests {
  @Test(arguments: rejectionCases)
  func rejectsLikeRE2(_ testCase: RejectionCase) {
    #expect(throws: RE2Error(testCase.message, offset: testCase.offset)) {
      _ = try RE2Regex(testCase.pattern)
    }
  }

  @Test func errorDescriptionNamesTheOffset() {
    #expect(RE2Error("trailing \\", offset: 2).description == "trailing \\ (at offset 2)")
  }

  /// Patterns RE2 accepts that look like errors.
  @Test(arguments: [
    "a{,2}", "a{", "{", "a{1,x}", "]", "}", "\\_", "(?i)", "(?)", "(?i-s:a)", "(?U)a*?", "a*?",
    "[[:alpha:]-z]", "\\Q", "\\Qab", "\\pL", "\\p{^L}", "(?P<n1>a)(?P<n2>b)", "(?P<n>a)(?P<n>b)", "[\\d-z]",
    "\\Qab\\", "[[=a=]]", "\\08", "a(?i)*", "(?<名前>a)",
    String(repeating: "(", count: 1000) + String(repeating: ")", count: 1000), "a{1000}", "(a{1000}){49}",
    "\\x{0}", "[\\x{10FFFF}]", "\\0\\07\\077\\0777",
  ])
  func accepts(_ pattern: String) throws {
    _ = try RE2Regex(pattern)
  }
}
