import Diagnostics
import Testing

@testable import CEL

@Suite struct ParserTests {
  @Test func literals() {
    #expect(eval("0x1F + 1") == "32")
    #expect(eval("18446744073709551615u") == "18446744073709551615u")
    #expect(eval("-9223372036854775808") == "-9223372036854775808")
    #expect(eval("1.5e3") == "1500")
    #expect(eval(#"'a\tb\x41\101\u00e9\U0001F600'"#) == "\"a\tbAAé😀\"")
    #expect(eval(#"r'a\tb'"#) == #""a\tb""#)
    #expect(eval("'''two\nlines'''") == "\"two\nlines\"")
    #expect(eval(#"size(b'\xff\u00e9')"#) == "3")
    #expect(eval("[1, 2, 3,][1]") == "2")
    #expect(eval("{'a': 1, 'b': 2,}['b']") == "2")
    #expect(eval("true ? 1 : 2") == "1")
    #expect(eval("1 + 2 * 3 - 4 / 2 % 3") == "5")
    #expect(eval("!false && 1 < 2 || false") == "true")
  }

  @Test func locatedParseErrors() {
    #expect(compileErrors("1 +") == "1:4: unexpected end of expression")
    #expect(compileErrors("a.b\n  && c)") == "2:7: unexpected ')'")
    #expect(compileErrors("'é' + #") == "1:7: unexpected character '#'")
    #expect(compileErrors("'abc") == "1:1: unterminated string literal")
    #expect(compileErrors(#"'\q'"#) == #"1:2: invalid escape sequence '\q'"#)
    #expect(compileErrors("9223372036854775808") == "1:1: integer literal out of range")
    #expect(compileErrors("x.all(1, true)") == "1:7: all() needs a variable name as its first argument")
    #expect(compileErrors("has(x)") == "1:1: has() requires a field selection, e.g. has(x.field)")
    #expect(compileErrors("while") == "1:1: reserved identifier 'while'")
  }

  @Test func deepNestingIsALocatedError() {
    let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
    #expect(compileErrors(deep).hasSuffix("expression nested too deeply (limit 250)"))
    let chain = Array(repeating: "1", count: 5_000).joined(separator: " + ")
    #expect(compileErrors(chain).contains("nested too deeply"))
    let negations = String(repeating: "!", count: 5_000) + "true"
    #expect(compileErrors(negations).contains("nested too deeply"))
    let selects = "{}" + String(repeating: ".a", count: 5_000)
    #expect(compileErrors(selects).contains("nested too deeply"))
    let ok = Array(repeating: "1", count: 200).joined(separator: " + ")
    #expect(eval(ok) == "200")
  }

  @Test func expressionSourceMapsToFileLocations() throws {
    // A block scalar from file line 5, indented 4: expression 2:9 is file 6:13.
    let yaml = "a: 1\nb: 2\nc: 3\nwhen: |\n    x.y &&\n      'é' + )\n"
    let file = SourceFile(path: "r.yaml", bytes: Array(yaml.utf8))
    let text = "x.y &&\n  'é' + )"
    let src = ExpressionSource(blockScalar: text, in: file, firstLine: 5, indent: 4)
    var env = CELEnvironment()
    env.declareVariable("x", .dyn)
    var found: CELCompileError?
    do { _ = try env.compile(text) } catch { found = error.errors.first }
    let e = try #require(found)
    #expect("\(e.line):\(e.column)" == "2:9")
    let loc = src.fileLocation(of: e)
    #expect(loc.line == 6 && loc.column == 13)
    #expect(file.location(atByteOffset: loc.offset) == loc)
    let inline = ExpressionSource(text: "a + ", start: SourceLocation(line: 3, column: 10, offset: 40))
    #expect(inline.fileLocation(line: 1, column: 3) == SourceLocation(line: 3, column: 12, offset: 42))
  }
}
