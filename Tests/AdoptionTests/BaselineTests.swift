import Diagnostics
import Testing

@testable import Adoption

private let a = finding("ROOT001", line: 5, entity: "account/333333333333/root.password")
private let b = finding("ROOT008", line: 9, entity: "account/444444444444/root.recovery")

@Suite struct BaselineTests {
  @Test func rendersSortedStableJSON() {
    let text = Baseline.render([b, a, a])
    #expect(text == """
      {
        "version": 1,
        "findings": [
          {"fingerprint": "ROOT001:account/333333333333/root.password", "ruleId": "ROOT001", \
      "entity": "account/333333333333/root.password", \
      "message": "ROOT001 failed for account/333333333333/root.password", \
      "count": 2},
          {"fingerprint": "ROOT008:account/444444444444/root.recovery", "ruleId": "ROOT008", \
      "entity": "account/444444444444/root.recovery", \
      "message": "ROOT008 failed for account/444444444444/root.recovery", \
      "count": 1}
        ]
      }

      """)
    #expect(Baseline.render([a, a, b]) == text)
    #expect(Baseline.render([]) == "{\n  \"version\": 1,\n  \"findings\": []\n}\n")
  }

  @Test func recordsOnlyUnsuppressedFingerprintedRuleFindings() {
    var suppressed = b
    suppressed.suppression = Suppression(kind: .inSource, justification: "x")
    var unfingerprinted = a
    unfingerprinted.fingerprint = nil
    var sup = Finding(AdoptionRules.unused, "unused", path: "org/a.yaml", range: nil)
    sup.fingerprint = "SUP003:org/a.yaml:ROOT001"
    #expect(Baseline(recording: [suppressed, unfingerprinted, sup, a]).entries.map(\.fingerprint) == [a.fingerprint!])
  }

  @Test func parseRoundTripsWithLocations() throws {
    var odd = a
    odd.fingerprint = "ROOT001:account/\"q\"\n\\x"
    odd.message = "tab\there é 🚀 \u{1}"
    let text = Baseline.render([b, odd])
    let parsed = try Baseline.parse(text, path: ".orglint-baseline.json")
    #expect(parsed.rendered == text)
    #expect(parsed.path == ".orglint-baseline.json")
    #expect(parsed.entries.map(\.fingerprint) == [odd.fingerprint!, b.fingerprint!])
    #expect(parsed.entries.map { $0.location?.description } == ["4:5", "5:5"])
    #expect(parsed.entries[0].message == odd.message)
    #expect(parsed.entries[0].entity == "account/\"q\"\n\\x")
  }

  @Test func hostileInputIsAnError() {
    let cases: [(String, String)] = [
      ("not json", "not JSON"),
      ("[]", "the top level must be an object"),
      ("{\"version\": 2, \"findings\": []}", "'version' must be 1"),
      ("{\"version\": 1}", "'findings' must be a list"),
      ("{\"version\": 1, \"findings\": [{\"ruleId\": \"X\"}]}", "entry 1 has no 'fingerprint'"),
      ("{\"version\": 1, \"findings\": [{\"fingerprint\": \"X:y\", \"count\": 0}]}",
        "entry 1: 'count' must be at least 1"),
      ("{\"version\": 1, \"findings\": [{\"fingerprint\": \"X:y\", \"count\": true}]}", "entry 1: 'count' must be at"),
      ("{\"version\": 1, \"findings\": [{\"fingerprint\": 7}]}", "entry 1: 'fingerprint' has the wrong type"),
      ("{\"version\": 1, \"findings\": [3]}", "entry 1: must be an object"),
      ("{\"version\": \"1\", \"findings\": []}", "'version' must be 1"),
      ("{\"version\": 1, \"findings\": {}}", "'findings' must be a list"),
    ]
    for (text, reason) in cases {
      do {
        _ = try Baseline.parse(text, path: "b.json")
        Issue.record("expected an error for \(text)")
      } catch {
        #expect(error.reason.hasPrefix(reason), "\(error.reason)")
        #expect(error.path == "b.json")
      }
    }
    // Hand-written entries without optional keys are accepted.
    let minimal = try? Baseline.parse("{\"version\":1,\"findings\":[{\"fingerprint\":\"ROOT001:x\"}]}", path: "b.json")
    #expect(minimal?.entries == [Baseline.Entry(fingerprint: "ROOT001:x", ruleId: "ROOT001", entity: "", message: "",
      count: 1)])
  }

  @Test func countAwareMatching() throws {
    let baseline = try Baseline.parse(Baseline.render([a, a, b]), path: "base.json")
    let a3 = finding("ROOT001", line: 40, entity: "account/333333333333/root.password")
    let a7 = finding("ROOT001", line: 7, entity: "account/333333333333/root.password")
    let (out, stale) = baseline.apply(to: [a3, a, a7])
    // Report order decides which one is new: lines 5 and 7 are covered, line 40 is new.
    #expect(out.map(\.baselineState) == [.new, .unchanged, .unchanged])
    #expect(out.map(\.isActive) == [true, false, false])
    #expect(stale.map(described) == [
      "BASE001 5:5 baseline entry ROOT008:account/444444444444/root.recovery no longer matches a finding; rewrite the "
        + "baseline with --write-baseline to drop it",
    ])
    #expect(stale[0].baselineState == .absent)
    #expect(stale[0].severity == .note)
    #expect(stale[0].path == "base.json")
    #expect(stale[0].fingerprint == "BASE001:ROOT008:account/444444444444/root.recovery")
  }

  @Test func partlyStaleEntries() throws {
    let baseline = try Baseline.parse(Baseline.render([a, a, a]), path: "base.json")
    let (out, stale) = baseline.apply(to: [a])
    #expect(out.map(\.baselineState) == [.unchanged])
    #expect(stale.map(\.message) == [
      "baseline entry ROOT001:account/333333333333/root.password matches 1 finding(s) now, not 3; rewrite the "
        + "baseline with --write-baseline",
    ])
  }

  @Test func matchingKeysOnlyOnTheFingerprint() throws {
    let baseline = Baseline(recording: [a, b])
    // The same entities after reformatting, reordering and moving to another file: new lines, paths, messages.
    var moved = a
    moved.path = "org/prod/333333333333.yaml"
    moved.range = SourceRange(at: SourceLocation(line: 120, column: 9, offset: 4_000))
    moved.message = "reworded"
    moved.logicalLocation = nil
    var reformatted = b
    reformatted.range = SourceRange(at: SourceLocation(line: 2, column: 1, offset: 0))
    let (out, stale) = baseline.apply(to: [reformatted, moved])
    #expect(out.map(\.baselineState) == [.unchanged, .unchanged])
    #expect(stale.isEmpty)
    // A different entity at the very same place is new.
    let other = finding("ROOT001", line: 5, entity: "account/999999999999/root.password")
    let (out2, stale2) = baseline.apply(to: [other])
    #expect(out2.map(\.baselineState) == [.new])
    #expect(stale2.count == 2)
    #expect(stale2.allSatisfy { $0.range == nil && $0.path == nil })
  }

  @Test func suppressedFindingsClaimEntriesLast() throws {
    var suppressed = a
    suppressed.range = SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0))
    suppressed.suppression = Suppression(kind: .external, justification: "x")
    let baseline = Baseline(recording: [a])
    let (out, _) = baseline.apply(to: [suppressed, a])
    #expect(out.map(\.baselineState) == [.new, .unchanged])
    var unfingerprinted = a
    unfingerprinted.fingerprint = nil
    #expect(baseline.apply(to: [unfingerprinted]).findings.map(\.baselineState) == [.new])
  }

  @Test func findingsAboutSuppressionsAreNeverBaselined() throws {
    var sup = Finding(AdoptionRules.missingReason, "no reason", path: "org/a.yaml", range: nil)
    sup.fingerprint = "SUP001:org/a.yaml:ROOT001"
    // Even a hand-edited baseline that lists one does not cover it.
    let text = "{\"version\": 1, \"findings\": [{\"fingerprint\": \"SUP001:org/a.yaml:ROOT001\"}]}"
    let (out, stale) = try Baseline.parse(text, path: "b.json").apply(to: [sup])
    #expect(out.map(\.baselineState) == [.new])
    #expect(stale.map(\.ruleId) == ["BASE001"])
  }
}
