import Diagnostics
import Testing

@testable import OrgModel

/// The fixes the decoders attach to schema findings, applied to files with comments, CRLF, a BOM and flow style:
/// each result pinned byte for byte.
@Suite struct DecoderFixTests {
  /// The file after every fix of its findings, and `ID line:col [description]` of each finding.
  func fixed(_ text: String) -> (text: String, findings: [String]) {
    let set = load(text)
    let fixes = set.findings.flatMap(\.fixes)
    let result = Fix.apply(fixes, to: Array(text.utf8))
    #expect(result.conflicting.isEmpty)
    let shown = set.findings.map { f in show(f) + (f.fixes.map { " [\($0.description)]" }.joined()) }
    return (String(decoding: result.bytes, as: UTF8.self), shown)
  }

  @Test func quotesAnUnquotedAccountIdKeepingTheComment() {
    let text = "\u{FEFF}apiVersion: orglint/v1\r\nkind: Account\r\nid: 012345678901   # prod\r\nname: n\r\nemail: e@x.com\r\n"
    let (out, findings) = fixed(text)
    #expect(
      out == "\u{FEFF}apiVersion: orglint/v1\r\nkind: Account\r\nid: \"012345678901\"   # prod\r\nname: n\r\nemail: e@x.com\r\n")
    #expect(
      findings == [
        "SCHEMA005 3:1 account id 012345678901 is an unquoted number; quote it: YAML reads unquoted numbers as "
          + "integers and drops leading zeros [Quote the account id]"
      ])
  }

  @Test func yaml11BooleansBecomeTrueAndFalseInBlockAndFlowStyle() {
    let text = header + "kind: Account\nid: \"333333333333\"\nname: n\nemail: e@x.com\n"
      + "root:\n  passwordRecovery: Yes  # keep\n  password: {enabled: off, lastUsed: null}\n"
    let (out, findings) = fixed(text)
    #expect(
      out == header + "kind: Account\nid: \"333333333333\"\nname: n\nemail: e@x.com\n"
        + "root:\n  passwordRecovery: true  # keep\n  password: {enabled: false, lastUsed: null}\n")
    #expect(
      findings == [
        "SCHEMA006 7:3 'passwordRecovery: Yes' is a YAML 1.1 boolean that YAML 1.2 tools read as a string; write true "
          + "instead [Write true]",
        "SCHEMA006 8:14 'enabled: off' is a YAML 1.1 boolean that YAML 1.2 tools read as a string; write false "
          + "instead [Write false]",
      ])
  }

  @Test func unknownFieldWithOneSuggestionIsRenamed() {
    let text = header + "kind: Account\nid: \"333333333333\"\nnmae: n   # typo\nemail: e@x.com\nroot: { pasword: {enabled: true} }\n"
    let (out, findings) = fixed(text)
    #expect(
      out == header
        + "kind: Account\nid: \"333333333333\"\nname: n   # typo\nemail: e@x.com\nroot: { password: {enabled: true} }\n")
    #expect(
      findings == [
        "SCHEMA001 4:1 unknown field 'nmae' in Account; did you mean 'name'? [Rename the field to 'name']",
        "SCHEMA001 6:9 unknown field 'pasword' in root; did you mean 'password'? [Rename the field to 'password']",
        "SCHEMA003 1:1 Account is missing the required field 'name'",
      ])
  }

  @Test func noRenameOntoAnExistingFieldNorAnAnchoredOrQuotedValue() {
    let text = header + "kind: Account\nid: &i 012345678901\nname: n\nnmae: m\nemail: e@x.com\n"
      + "root: { passwordRecovery: 'yes' }\n"
    let (out, findings) = fixed(text)
    #expect(out == text)
    #expect(
      findings == [
        "SCHEMA005 3:1 account id 012345678901 is an unquoted number; quote it: YAML reads unquoted numbers as "
          + "integers and drops leading zeros",
        "SCHEMA001 5:1 unknown field 'nmae' in Account; did you mean 'name'?",
        "SCHEMA002 7:9 'passwordRecovery' expects a boolean (true or false), found a string",
      ])
  }

  @Test func missingAPIVersionIsInsertedBeforeTheFirstKey() {
    let account = "kind: Account\r\nid: \"333333333333\"\r\nname: n\r\nemail: e@x.com\r\n"
    let (out, findings) = fixed("# prod account\r\n" + account)
    #expect(out == "# prod account\r\napiVersion: orglint/v1\r\n" + account)
    #expect(
      findings == [
        "SCHEMA007 2:1 this Account document has no apiVersion; add 'apiVersion: orglint/v1' "
          + "[Add apiVersion: orglint/v1]"
      ])
    let flow = "--- {kind: Account, id: \"333333333333\", name: n, email: e@x.com}\n"
    #expect(fixed(flow).text == "--- {apiVersion: orglint/v1, kind: Account, id: \"333333333333\", name: n, email: e@x.com}\n")
    let second = header + "kind: PrivilegedTask\naccount: \"333333333333\"\ntask: AuditRootUserCredentials\n"
      + "principal: p\nstartedAt: 2026-01-01T00:00:00Z\n---\n  kind: Account\n  id: \"333333333333\"\n  name: n\n"
      + "  email: e@x.com"
    #expect(
      fixed(second).text == header + "kind: PrivilegedTask\naccount: \"333333333333\"\ntask: AuditRootUserCredentials\n"
        + "principal: p\nstartedAt: 2026-01-01T00:00:00Z\n---\n  apiVersion: orglint/v1\n  kind: Account\n"
        + "  id: \"333333333333\"\n  name: n\n  email: e@x.com")
  }

  @Test func aUTF16FileGetsNoFix() {
    // libyaml reads UTF-16 too, with positions in characters: a byte edit would corrupt the file.
    let text = "kind: Account\nid: 012345678901\nname: n\nemail: e@x.com\n"
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let set = OrgSetLoader.load(sources: [SourceFile(path: "a.yaml", bytes: utf16)])
    #expect(set.findings.map { $0.ruleId } == ["SCHEMA007", "SCHEMA005"])
    #expect(set.findings.allSatisfy { $0.fixes.isEmpty })
  }
}
