import Foundation
import OrglintTestSupport
import Testing

@testable import AWSImport

@Suite struct YAMLWriterTests {
  @Test(arguments: [
    ("plain", "plain"), ("Sec Team", "Sec Team"), ("aws+prod@example.com", "aws+prod@example.com"),
    ("arn:aws:iam::111111111111:role/Admin", "arn:aws:iam::111111111111:role/Admin"),
    ("111111111111", "\"111111111111\""), ("012345678901", "\"012345678901\""), ("2012-10-17", "\"2012-10-17\""),
    ("yes", "\"yes\""), ("No", "\"No\""), ("ON", "\"ON\""), ("Null", "\"Null\""), ("~", "\"~\""), ("", "\"\""),
    ("*", "\"*\""), ("-x", "\"-x\""), ("a: b", "\"a: b\""), ("a #b", "\"a #b\""), ("a:", "\"a:\""),
    ("+1 555 0100", "\"+1 555 0100\""), (".inf", "\".inf\""), ("say \"hi\"", "\"say \\\"hi\\\"\""),
    ("line\nbreak\t", "\"line\\nbreak\\t\""), ("nel\u{85}", "\"nel\\u0085\""), ("Zoë", "Zoë"),
    ("trailing ", "\"trailing \""),
  ])
  func quotesOnlyWhatYAMLWouldMisread(input: String, expected: String) {
    #expect(YAMLWriter.scalar(input) == expected)
  }

  @Test func writesBlockStyleWithComments() {
    let text = YAMLWriter.document(
      [
        YAMLEntry("id", .string("111111111111"), comments: ["source: a.json"]),
        YAMLEntry(
          "list",
          .sequence([
            .mapping([YAMLEntry("name", .string("a"), comments: ["first"]), YAMLEntry("tags", .sequence([]))]),
            .string("b"),
          ])),
        YAMLEntry("map", .mapping([YAMLEntry("on", .bool(true)), YAMLEntry("empty", .mapping([]))])),
      ], comments: ["header", "two\nlines"])
    #expect(
      text == """
        # header
        # two
        # lines
        # source: a.json
        id: "111111111111"
        list:
          # first
          - name: a
            tags: []
          - b
        map:
          "on": true
          empty: {}

        """)
  }

  /// Every tricky string survives a round trip through PyYAML (a YAML 1.1 reader, the strictest about plain scalars).
  @Test(.requires(.python("yaml"), for: "imported YAML read back by PyYAML"))
  func pyyamlReadsBackEveryString() throws {
    let strings = [
      "yes", "no", "y", "n", "off", "null", "~", "true", "0x1F", "0o17", "1_000", "1:20", "3.5e3", ".nan", "-.inf",
      "2026-10-01", "2026-10-01T10:00:00Z", "@at", "`tick", "!tag", "&anchor", "*alias", "%pct", "|bar", ">gt",
      "'q'", "\"dq\"", "[x]", "{y}", "a, b", "a #b", "a: b", "?q", "- dash", "tab\there", "ü", "\u{2028}", "\\back",
      "=", "<<", "$HOME", "a  b", "a:b", "http://x/y?z=1#f", "汉字",
    ]
    let entries = strings.enumerated().map { YAMLEntry("k\($0.offset)", .string($0.element)) }
    let yaml = YAMLWriter.document(entries)
    let json = try runPython(
      "import sys, yaml, json; print(json.dumps(yaml.safe_load(sys.stdin.read()), default=str))", input: yaml)
    let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
    for (i, s) in strings.enumerated() {
      #expect(decoded?["k\(i)"] == s, "\(s) came back as \(decoded?["k\(i)"] ?? "nil")")
    }
  }
}

/// Runs `python3 -c script` with `input` on stdin and returns stdout; a failed script is a test issue.
func runPython(_ script: String, input: String) throws -> String {
  let outcome = try PythonScript.run(script, input: input)
  #expect(outcome.status == 0, "python3 failed: \(outcome.stderr)")
  return outcome.stdout
}
