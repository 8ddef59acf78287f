import Diagnostics
import Foundation
import Testing

@testable import Reporting

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct JUnitFormatterTests {
  @Test func fixtureMatchesExpectedXML() {
    let expected = """
      <?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="orglint" tests="8" failures="6" errors="0" skipped="2">
        <testsuite name=".orglint.yaml" tests="1" failures="1" errors="0" skipped="0">
          <testcase classname=".orglint.yaml" name="CONFIG003 deprecated-config">
            <failure message="&apos;failOn: warnings&apos; is deprecated; use &apos;failOn: warning&apos;" \
      type="warning">\
      .orglint.yaml:3:9: warning: 'failOn: warnings' is deprecated; use 'failOn: warning'</failure>
          </testcase>
        </testsuite>
        <testsuite name="org/accounts.yaml" tests="4" failures="2" errors="0" skipped="2">
          <testcase classname="org/accounts.yaml" name="ROOT001 member-root-password-removed">
            <failure message="account Prod café (333333333333) still has a root password" type="error">\
      org/accounts.yaml:6:3: error: account Prod café (333333333333) still has a root password</failure>
          </testcase>
          <testcase classname="org/accounts.yaml" name="ROOT002 no-root-access-keys">
            <skipped message="suppressed: break-glass key, rotated by SEC-42"/>
          </testcase>
          <testcase classname="org/accounts.yaml" name="ROOT007 root-mfa-redundancy">
            <skipped message="in baseline"/>
          </testcase>
          <testcase classname="org/accounts.yaml" name="ROOT008 root-not-used-recently">
            <failure message="root of &quot;Prod café&quot; was used 3 days ago, 100% &lt;too&gt; recent" \
      type="warning">\
      org/accounts.yaml:4:7: warning: root of "Prod café" was used 3 days ago, 100% &lt;too&gt; recent</failure>
          </testcase>
        </testsuite>
        <testsuite name="org/organization.yaml" tests="1" failures="1" errors="0" skipped="0">
          <testcase classname="org/organization.yaml" name="ORG002 root-sessions-enabled">
            <failure message="RootSessions is off, so the management account cannot run privileged tasks" \
      type="warning">\
      org/organization.yaml:4:1: warning: RootSessions is off, so the management account cannot run privileged tasks\
      </failure>
          </testcase>
        </testsuite>
        <testsuite name="org/with space#1.yaml" tests="1" failures="1" errors="0" skipped="0">
          <testcase classname="org/with space#1.yaml" name="YAML001 yaml-syntax">
            <failure message="the file is empty" type="error">org/with space#1.yaml: error: the file is empty</failure>
          </testcase>
        </testsuite>
        <testsuite name="orglint" tests="1" failures="1" errors="0" skipped="0">
          <testcase classname="orglint" name="ORG004 iam-delegated-administrator">
            <failure message="no IAM delegated administrator is registered" type="note">\
      orglint: note: no IAM delegated administrator is registered</failure>
          </testcase>
        </testsuite>
      </testsuites>

      """
    #expect(JUnitFormatter().render(Fixture.report) == expected)
  }

  @Test func parsesBackWithConsistentCounts() throws {
    var report = Fixture.report
    // Hostile text (markup, quotes, characters XML cannot hold), and a second ROOT001 finding in its file: still one
    // test case, whose failure says "2 findings".
    report.findings.append(
      Finding(
        ruleId: "ROOT001", ruleName: "member-root-password-removed", severity: .error,
        message: "<b>\"x\" & 'y'</b>\u{1}\u{7}\ttab\nnext ]]> end", path: "org/accounts.yaml",
        range: Fixture.range(1, 1, 2)))
    report.sources["org/clean.yaml"] = SourceFile(path: "org/clean.yaml", bytes: Array("a: 1\n".utf8))
    let xml = JUnitFormatter().render(report)
    let counter = XMLCounter()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = counter
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    #expect(counter.roots == ["testsuites": [9, 6, 2]])
    #expect(counter.testcases == 9)
    #expect(counter.failures == 6)
    #expect(counter.skipped == 2)
    #expect(counter.suiteSums == [9, 6, 2])
    #expect(counter.failureMessages.contains("2 findings"))
    #expect(counter.failureTexts.contains { $0.contains("<b>\"x\" & 'y'</b>\u{FFFD}\u{FFFD}\ttab\nnext ]]> end") })
    #expect(counter.passing == ["org/clean.yaml orglint"])
  }
}

/// Counts what a JUnit consumer reads: totals on the root, per-suite totals, test cases, failures and skips.
final class XMLCounter: NSObject, XMLParserDelegate {
  var roots: [String: [Int]] = [:]
  var suiteSums = [0, 0, 0]
  var testcases = 0
  var failures = 0
  var skipped = 0
  var failureMessages: [String] = []
  var failureTexts: [String] = []
  var passing: [String] = []
  private var text = ""
  private var inFailure = false
  private var caseName = ""
  private var caseChildren = 0

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    let counts = ["tests", "failures", "skipped"].map { Int(attributes[$0] ?? "") ?? -1 }
    switch name {
    case "testsuites": roots[name] = counts
    case "testsuite": for i in 0..<3 { suiteSums[i] += counts[i] }
    case "testcase":
      testcases += 1
      caseName = "\(attributes["classname"] ?? "") \(attributes["name"] ?? "")"
      caseChildren = 0
    case "failure":
      failures += 1
      caseChildren += 1
      failureMessages.append(attributes["message"] ?? "")
      inFailure = true
      text = ""
    case "skipped":
      skipped += 1
      caseChildren += 1
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inFailure { text += string }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    if name == "failure" {
      inFailure = false
      failureTexts.append(text)
    }
    if name == "testcase", caseChildren == 0 { passing.append(caseName) }
  }
}
