import Foundation
import Testing

@testable import OrgModel

/// A fresh folder under the system's temporary folder, removed at the end of the test.
final class TempTree {
  let root: String

  init() throws {
    root = NSTemporaryDirectory() + "orglint-model-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  func write(_ path: String, _ text: String) throws {
    let full = root + "/" + path
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: full, atomically: true, encoding: .utf8)
  }

  func mkdir(_ path: String) throws {
    try FileManager.default.createDirectory(atPath: root + "/" + path, withIntermediateDirectories: true)
  }

  func symlink(_ path: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(atPath: root + "/" + path, withDestinationPath: target)
  }
}

func accountDoc(_ id: String, ou: String? = nil, extra: String = "") -> String {
  header + "kind: Account\nid: \"\(id)\"\nname: n\(id)\nemail: e\(id)@example.com\n"
    + (ou.map { "organizationalUnit: \($0)\n" } ?? "") + extra
}

@Suite struct DiscoveryTests {
  @Test func foldersAreWalkedSortedSkippingHiddenAndForeignFiles() throws {
    let t = try TempTree()
    try t.write("b/z.yaml", accountDoc("222222222222"))
    try t.write("a.yml", accountDoc("111111111111"))
    try t.write("b/c/deep.yaml", accountDoc("333333333333"))
    try t.write(".hidden/x.yaml", accountDoc("444444444444"))
    try t.write("b/.secret.yaml", accountDoc("555555555555"))
    try t.write("notes.txt", "not yaml")
    try t.write("ci/workflow.yaml", "on: push\njobs: { build: { runs-on: ubuntu } }\n")
    try t.symlink("b/c/loop", to: t.root + "/b")
    let set = OrgSetLoader.load(paths: [t.root])
    #expect(set.unreadable.isEmpty)
    #expect(
      set.files.map(\.source.path) == [
        t.root + "/a.yml", t.root + "/b/c/deep.yaml", t.root + "/b/z.yaml", t.root + "/ci/workflow.yaml",
      ])
    #expect(set.accounts.map(\.id) == ["111111111111", "333333333333", "222222222222"])
    #expect(set.findings.isEmpty)
    #expect(set.reportedPaths == nil)
    #expect(set.isReported(t.root + "/a.yml"))
  }

  /// The walk visits folder `a` before file `a-b.yaml`, but byte order puts `-` (0x2D) before `/` (0x2F); UTF-8
  /// names sort by their bytes (`é` after `z`).
  @Test func filesAreInByteOrderOfTheirPathsWhateverTheWalkOrder() throws {
    let t = try TempTree()
    try t.write("a/x.yaml", accountDoc("111111111111"))
    try t.write("a-b.yaml", accountDoc("222222222222"))
    try t.write("é.yaml", accountDoc("333333333333"))
    try t.write("z.yaml", accountDoc("444444444444"))
    let found = Discovery.find(paths: [t.root]).files.map(\.displayPath)
    #expect(found == ["a-b.yaml", "a/x.yaml", "z.yaml", "é.yaml"].map { t.root + "/" + $0 })
  }

  @Test func utf8PrecedesIsByteOrder() {
    let words = ["", "a", "a-b", "a/", "ab", "abc", "b", "z", "é", "éa", "\u{1F600}", "Z", "a\u{0}"]
    for x in words {
      for y in words {
        #expect(utf8Precedes(x, y) == x.utf8.lexicographicallyPrecedes(y.utf8), "\(x) < \(y)")
      }
    }
  }

  @Test func namedFilesLoadTheSetUnderTheConfigFileButReportOnlyThemselves() throws {
    let t = try TempTree()
    try t.write("repo/.orglint.yaml", "rules: {}\n")
    try t.write(
      "repo/org.yaml",
      header + "kind: Organization\nid: o-a1b2c3d4e5\nmanagementAccount: \"111111111111\"\n"
        + "organizationalUnits: [{ name: Prod }]\n")
    try t.write("repo/accounts/a.yaml", accountDoc("111111111111", ou: "Prod"))
    try t.write("repo/accounts/b.yaml", accountDoc("222222222222", ou: "Prdo"))
    try t.write("repo/accounts/c.yaml", accountDoc("333333333333", ou: "Nope"))
    let named = t.root + "/repo/accounts/b.yaml"
    let set = OrgSetLoader.load(paths: [named])
    #expect(set.root == t.root + "/repo")
    #expect(set.accounts.count == 3)
    #expect(set.organization?.id == "o-a1b2c3d4e5")
    #expect(set.account(id: "222222222222")?.ou == nil)
    #expect(set.account(id: "111111111111")?.ou?.path == "Prod")
    #expect(set.findings.count == 2)
    #expect(set.reportedPaths == [named])
    #expect(
      set.reportedFindings.map(show) == [
        "REF001 6:1 organizationalUnit 'Prdo' is not an OU of the Organization; did you mean 'Prod'?"
      ])
    #expect(set.reportedFindings.map(\.path) == [named])
    #expect(!set.isReported(set.files.first { $0.source.path.hasSuffix("c.yaml") }!.source.path))
  }

  @Test func theGitWorkTreeIsTheRootWithoutAConfigFile() throws {
    let t = try TempTree()
    try t.mkdir("repo/.git")
    try t.write("repo/org/accounts.yaml", accountDoc("111111111111"))
    try t.write("repo/other/more.yaml", accountDoc("222222222222"))
    let named = t.root + "/repo/org/accounts.yaml"
    let set = OrgSetLoader.load(paths: [named])
    #expect(set.root == t.root + "/repo")
    #expect(set.accounts.map(\.id) == ["111111111111", "222222222222"])
    #expect(set.files.first?.source.path == named)
  }

  @Test func withoutAMarkerTheNamedFilesAloneAreTheSet() throws {
    let t = try TempTree()
    try t.write("x/a.yaml", accountDoc("111111111111"))
    try t.write("x/b.yaml", accountDoc("222222222222"))
    let set = OrgSetLoader.load(paths: [t.root + "/x/a.yaml"])
    #expect(set.root == nil)
    #expect(set.accounts.map(\.id) == ["111111111111"])
  }

  @Test func unreadablePathsAreListed() throws {
    let t = try TempTree()
    try t.write("ok.yaml", accountDoc("111111111111"))
    try t.symlink("dangling.yaml", to: t.root + "/nowhere.yaml")
    let set = OrgSetLoader.load(paths: [t.root + "/ok.yaml", t.root + "/missing", t.root + "/dangling.yaml"])
    #expect(
      set.unreadable.map(\.description) == [
        t.root + "/missing: cannot read: No such file or directory",
        t.root + "/dangling.yaml: cannot read: No such file or directory",
      ])
    #expect(set.accounts.map(\.id) == ["111111111111"])
  }

  @Test func manyFilesLoadInParallelInPathOrder() throws {
    let t = try TempTree()
    for i in 0..<40 {
      let id: String = String(100_000_000_000 + i)
      try t.write("accounts/a\(i / 10)\(i % 10).yaml", accountDoc(id))
    }
    try t.write("accounts/a05.yaml", accountDoc("100000000001"))  // a duplicate of a01
    let set = OrgSetLoader.load(paths: [t.root])
    #expect(set.accounts.count == 39)
    let expected: [String] = (0..<40).filter { $0 != 5 }.map { (i: Int) -> String in String(100_000_000_000 + i) }
    #expect(set.accounts.map(\.id) == expected)
    #expect(
      set.findings.map(show) == [
        "MODEL001 3:1 duplicate account id '100000000001'; it is first defined at \(t.root)/accounts/a01.yaml:3; "
          + "this description is left out"
      ])
  }
}
