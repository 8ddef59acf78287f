import Testing

@testable import OrgModel

@Suite struct LocationTests {
  static let text = """
    apiVersion: orglint/v1
    kind: Account
    id: "333333333333"
    name: n
    email: e@example.com
    root:
      password: { enabled: true }
      accessKeys:
        - id: AKIA1
        - { id: AKIA2, active: false }

    """

  @Test func fieldsPointAtTheirKeyUpToTheEndOfTheValue() throws {
    let a = try #require(load(Self.text).accounts.first)
    #expect(show(a.location(of: ["email"])) == "a.yaml:5:1-5:21")
    #expect(show(a.location(of: ["root", "password"])) == "a.yaml:7:3-7:30")
    #expect(show(a.location(of: ["root", "password", "enabled"])) == "a.yaml:7:15-7:28")
    #expect(show(a.location(of: ["root", "accessKeys", "1", "active"])) == "a.yaml:10:20-10:33")
    #expect(show(a.location(of: ["root", "accessKeys", "0"])) == "a.yaml:9:7-9:16")
  }

  @Test func absentPartsFallBackToTheNearestParent() throws {
    let a = try #require(load(Self.text).accounts.first)
    #expect(show(a.location(of: ["root", "passwordRecovery"])) == "a.yaml:6:1-10:35")
    #expect(show(a.location(of: ["root", "accessKeys", "7"])) == "a.yaml:8:3-10:35")
    #expect(show(a.location(of: ["alternateContacts", "security"])) == "a.yaml:1:1-10:35")
    #expect(show(a.location()) == "a.yaml:1:1-10:35")
  }

  @Test func inlineItemsStartAtTheirFirstKey() throws {
    let set = load(
      header + "kind: Organization\nid: o-a1b2c3d4e5\nmanagementAccount: \"111111111111\"\naccounts:\n"
        + "  - { id: \"333333333333\", name: n, email: e@x.com }\n  - id: \"444444444444\"\n    name: m\n"
        + "    email: f@x.com\n")
    #expect(show(set.accounts[0].location()) == "a.yaml:6:7-6:52")
    #expect(show(set.accounts[1].location()) == "a.yaml:7:5-9:19")
    #expect(show(set.accounts[1].location(of: ["name"])) == "a.yaml:8:5-8:12")
    #expect(show(set.organization!.location(of: ["rootAccess", "rootSessions"])) == "a.yaml:1:1-9:19")
  }

  @Test func columnsCountCodePointsAfterMultiByteCharacters() throws {
    let text =
      header + "kind: Account\nid: \"333333333333\"\nname: \"日本語\"\nemail: e@x.com\n"
      + "tags: { ключ: значение, owner: x }\nroot: { mfaDevices: [{ serial: é, type: hardwar }] }\n"
    let set = load(text)
    #expect(
      shown(set) == [
        "SCHEMA004 7:35 'type' is 'hardwar', not one of hardware, virtual, passkey; did you mean 'hardware'?"
      ])
    let a = try #require(set.accounts.first)
    #expect(a.name == "日本語")
    #expect(a.tags?[tag: "ключ"] == "значение")
    #expect(show(a.location(of: ["tags", "owner"])) == "a.yaml:6:25-6:33")
    #expect(show(a.location(of: ["root", "mfaDevices", "0", "type"])) == "a.yaml:7:35-7:48")
  }
}
