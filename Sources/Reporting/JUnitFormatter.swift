import Diagnostics

/// JUnit XML for CI test tabs: a test suite per file, a test case per rule per file (`classname` = path, `name` =
/// rule id and name) that fails when the rule has active findings there, and is skipped when all of them are
/// suppressed or baselined; a file without findings has one passing test case, `orglint`.
public struct JUnitFormatter: ReportFormatter {
  public init() {}

  /// A file's test cases, before they are written.
  struct Case {
    var name: String
    var findings: [Finding]
  }

  public func render(_ report: Report) -> String {
    var byPath: [String: [Finding]] = [:]
    for finding in report.diagnostics { byPath[finding.path ?? "orglint", default: []].append(finding) }
    for path in report.sources.keys where byPath[path] == nil { byPath[path] = [] }

    var suites = ""
    var (tests, failures, skipped) = (0, 0, 0)
    for path in byPath.keys.sorted() {
      let findings = byPath[path]!
      var cases: [Case] = []
      if findings.isEmpty { cases.append(Case(name: "orglint", findings: [])) }
      var byRule: [String: [Finding]] = [:]
      for finding in findings { byRule[finding.ruleId, default: []].append(finding) }
      for id in byRule.keys.sorted() {
        let list = byRule[id]!
        cases.append(Case(name: "\(id) \(list[0].ruleName)", findings: list))
      }
      let suiteFailures = cases.filter { $0.findings.contains(where: \.isActive) }.count
      let suiteSkipped = cases.filter { !$0.findings.isEmpty && !$0.findings.contains(where: \.isActive) }.count
      tests += cases.count
      failures += suiteFailures
      skipped += suiteSkipped
      suites +=
        "  <testsuite name=\"\(XMLEscaping.attribute(path))\" tests=\"\(cases.count)\" "
        + "failures=\"\(suiteFailures)\" errors=\"0\" skipped=\"\(suiteSkipped)\">\n"
      for testCase in cases { suites += element(testCase, path: path) }
      suites += "  </testsuite>\n"
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<testsuites name=\"orglint\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" "
      + "skipped=\"\(skipped)\">\n"
      + suites + "</testsuites>\n"
  }

  /// One `<testcase>`: empty when it passes, with a `<failure>` or `<skipped>` otherwise.
  func element(_ testCase: Case, path: String) -> String {
    let open =
      "    <testcase classname=\"\(XMLEscaping.attribute(path))\" name=\"\(XMLEscaping.attribute(testCase.name))\""
    let active = testCase.findings.filter(\.isActive)
    if testCase.findings.isEmpty { return open + "/>\n" }
    if active.isEmpty {
      let first = testCase.findings[0]
      let reason = first.suppression.map { "suppressed: \($0.justification)" } ?? "in baseline"
      return open + ">\n      <skipped message=\"\(XMLEscaping.attribute(reason))\"/>\n    </testcase>\n"
    }
    let message = active.count == 1 ? active[0].message : "\(active.count) findings"
    let severity = active.map(\.severity).max()!
    let body = active.map { f in
      var location = f.path ?? "orglint"
      if f.path != nil, let start = f.range?.start { location += ":\(start.line):\(start.column)" }
      return "\(location): \(f.severity.rawValue): \(f.message)"
    }.joined(separator: "\n")
    return open + ">\n      <failure message=\"\(XMLEscaping.attribute(message))\" type=\"\(severity.rawValue)\">"
      + XMLEscaping.text(body) + "</failure>\n    </testcase>\n"
  }
}
