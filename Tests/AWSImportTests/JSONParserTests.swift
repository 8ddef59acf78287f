import Testing

@testable import AWSImport

@Suite struct JSONParserTests {
  private func parse(_ text: String) throws(JSONParser.SyntaxError) -> [JSONValue] {
    var parser = JSONParser(bytes: Array(text.utf8))
    return try parser.parseAll()
  }

  @Test func keepsMemberOrderAndOffsets() throws {
    let values = try parse(#"{"b": 1, "a": [true, null, "x"]}"#)
    #expect(values.count == 1)
    guard case .object(let members) = values[0].kind else {
      Issue.record("not an object")
      return
    }
    #expect(members.map(\.key) == ["b", "a"])
    #expect(members[0].value == JSONValue(.number("1"), offset: 6))
    guard case .array(let items) = members[1].value.kind else {
      Issue.record("not an array")
      return
    }
    #expect(items.map(\.offset) == [15, 21, 27])
  }

  @Test func decodesEscapesAndSurrogatePairs() throws {
    let values = try parse(#""a\"b\\c\/\n\u00e9\ud83d\ude00\ud800x""#)
    #expect(values[0].kind == .string("a\"b\\c/\né😀\u{FFFD}x"))
  }

  @Test func appendedPagesAreSeveralValues() throws {
    let values = try parse("{\"A\": [1], \"NextToken\": \"t\"}\n{\"A\": [2]}\n")
    #expect(values.count == 2)
    #expect(values[1].offset == 29)
  }

  @Test func emptyInputHasNoValues() throws {
    #expect(try parse(" \n").isEmpty)
  }

  static let duplicateA = "duplicate key \"a\" in an object (which one counts is ambiguous)"

  @Test(arguments: [
    ("{\"a\" 1}", "expected ':' after key", 5),
    ("[1,]", "unexpected character ']', expected a value", 3),
    ("{\"a\": tru}", "invalid literal, expected 'true'", 6),
    ("\"abc", "unterminated string", 0),
    ("01", "invalid number: leading zero", 0),
    ("\"a\u{01}\"", "control character in a string (escape it)", 2),
    ("\"\\q\"", "invalid escape '\\q'", 1),
    ("[1 2]", "expected ',' or ']' in an array", 3),
    ("{\"a\": 1, \"b\": {\"a\": 2}, \"a\": 3}", Self.duplicateA, 24),
    ("{\"\\u0061\": 1, \"a\": 2}", Self.duplicateA, 14),
  ])
  func syntaxErrorsSayWhatAndWhere(input: String, message: String, offset: Int) {
    #expect(throws: JSONParser.SyntaxError(message: message, offset: offset)) { try parse(input) }
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "[", count: 100_000)
    #expect(throws: JSONParser.SyntaxError(message: "nesting deeper than 256 levels", offset: 256)) { try parse(deep) }
  }
}
