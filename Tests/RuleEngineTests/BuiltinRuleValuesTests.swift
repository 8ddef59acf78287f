import Diagnostics
import Foundation
import Testing

@testable import RuleEngine

/// The built-in rules compiled in as values (BuiltinRules+Values.swift) are what the parser reads from their texts.
/// With ORGLINT_WRITE_BUILTIN_VALUES=1 (scripts/embed-rules.py sets it), the test writes the file instead.
@Suite struct BuiltinRuleValuesTests {
  static let fileURL = repositoryRoot.appendingPathComponent(BuiltinRuleValuesWriter.path)

  @Test func valuesFileIsWrittenFromTheCurrentTexts() throws {
    let (parsed, problems) = BuiltinRules.parseTexts()
    #expect(problems.map(findingLine) == [])
    let expected = BuiltinRuleValuesWriter.file(parsed, fingerprint: BuiltinRules.textsFingerprint)
    if ProcessInfo.processInfo.environment["ORGLINT_WRITE_BUILTIN_VALUES"] == "1" {
      try expected.write(to: Self.fileURL, atomically: true, encoding: .utf8)
      return
    }
    let committed = try String(contentsOf: Self.fileURL, encoding: .utf8)
    #expect(
      BuiltinRules.valuesFingerprint == BuiltinRules.textsFingerprint,
      "\(BuiltinRuleValuesWriter.path) was not written from the current rule texts: run python3 scripts/embed-rules.py")
    #expect(committed == expected, "\(BuiltinRuleValuesWriter.path) is out of date: run python3 scripts/embed-rules.py")
  }

  @Test func compiledInValuesAreTheParsedRules() {
    let fingerprint = BuiltinRules.textsFingerprint
    let values = BuiltinRules.load(useValues: true)
    let parsed = BuiltinRules.load(useValues: false)
    #expect(values.findings.isEmpty && parsed.findings.isEmpty)
    #expect(values.rules.count == 22)
    #expect(
      BuiltinRuleValuesWriter.file(values.rules, fingerprint: fingerprint)
        == BuiltinRuleValuesWriter.file(parsed.rules, fingerprint: fingerprint))
    // The loader uses the values while they are current.
    #expect(BuiltinRules.load().rules.count == values.rules.count)
  }

  @Test func rulesAreWrittenWithEveryField() {
    let rule = builtinRule("ROOT001")
    let source = BuiltinRuleValuesWriter.value(rule)
    #expect(source.hasPrefix("Rule(descriptor: RuleDescriptor(id: \"ROOT001\", "))
    #expect(source.contains("path: \"Rules/ROOT001-"))
    #expect(source.hasSuffix("isBuiltin: true)"))
    var changed = rule
    changed.examples[0].expect.append(.init(at: .lineColumn(3, 4), message: "m"))
    #expect(BuiltinRuleValuesWriter.value(changed) != source)
    changed = rule
    changed.assert.lineStarts[0].offset += 1
    #expect(BuiltinRuleValuesWriter.value(changed) != source)
  }

  @Test func stringLiteralsEscapeQuotesBackslashesAndControlCharacters() {
    #expect(BuiltinRuleValuesWriter.literal("plain") == #""plain""#)
    #expect(BuiltinRuleValuesWriter.literal(#"a "q" \ b"#) == #""a \"q\" \\ b""#)
    #expect(BuiltinRuleValuesWriter.literal("t\tc\r\nn") == #""t\tc\r\nn""#)
    #expect(BuiltinRuleValuesWriter.literal("\u{1}\u{7F}é🙂") == #""\u{1}\u{7f}é🙂""#)
    // What the compiler reads back from such a literal is the string itself.
    #expect("a \"q\" \\ b\t\r\n\u{1}\u{7f}é🙂" == #"a "q" \ b"# + "\t\r\n\u{1}\u{7F}é🙂")
  }
}
