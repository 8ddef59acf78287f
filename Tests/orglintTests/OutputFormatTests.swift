import Foundation
import Testing

/// The machine formats as the binary writes them: documented keys, files written atomically, exit codes unchanged.
@Suite struct OutputFormatTests {
  @Test func jsonHasTheDocumentedShape() throws {
    let run = try OrglintProcess.lint(["--format", "json", "Examples/insecure-org"])
    #expect(run.status == 1)
    #expect(run.stderr == "")
    let report = try JSONReport(run)
    #expect(Set(report.object.keys) == ["findings", "invocation", "notJudged", "summary", "version"])
    #expect((report.object["notJudged"] as? [Any])?.isEmpty == true)
    #expect(report.object["version"] as? Int == 1)
    let invocation = try #require(report.object["invocation"] as? [String: Any])
    #expect(invocation["exitCode"] as? Int == 1)
    #expect(invocation["toolVersion"] as? String == "0.1.0")
    #expect((invocation["configurationProblems"] as? [Any])?.isEmpty == true)
    let summary = try #require(report.object["summary"] as? [String: Int])
    #expect(
      summary == [
        "errors": 18, "warnings": 12, "notes": 1, "suppressed": 0, "baselined": 0, "filesScanned": 7,
        "checks": 145, "notJudged": 0, "coverage": 1,
      ])
    #expect(report.findings.count == 31)
    let documented: Set<String> = [
      "ruleId", "ruleName", "severity", "message", "path", "line", "column", "endLine", "endColumn", "fingerprint",
      "suppressed", "logicalLocation", "related", "suppression", "baselineState", "fixes",
    ]
    for finding in try #require(report.object["findings"] as? [[String: Any]]) {
      let keys = Set(finding.keys)
      #expect(keys.isSubset(of: documented), "\(keys.subtracting(documented))")
      #expect(
        keys.isSuperset(of: ["ruleId", "ruleName", "severity", "message", "fingerprint", "suppressed"]), "\(finding)")
    }
    let root002 = try #require(report.findings.first { $0.ruleId == "ROOT002" })
    #expect(root002.place == "Examples/insecure-org/accounts/workloads.yaml:12:3")
    #expect(root002.severity == "error")
    #expect(root002.ruleName == "no-root-access-keys")
    // Byte-equal output for equal runs (sorted keys, stable order).
    #expect(try OrglintProcess.lint(["--format", "json", "Examples/insecure-org"]).stdoutData == run.stdoutData)
  }

  @Test func sarifOutputFileIsWrittenAtomically() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("orglint.sarif", "an older report\n")
    let target = folder.path + "/orglint.sarif"
    let run = try OrglintProcess.lint(["--format", "sarif", "--output", target, "Examples/insecure-org"])
    #expect(run.status == 1)
    #expect(run.stdout == "")
    #expect(run.stderr == "")
    #expect(try folder.contents() == ["orglint.sarif"])  // replaced in place, no temporary file left behind
    let data = try Data(contentsOf: URL(fileURLWithPath: target))
    let sarif = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(sarif["version"] as? String == "2.1.0")
    let sarifRun = try #require((sarif["runs"] as? [[String: Any]])?.first)
    let driver = try #require((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "orglint")
    #expect(driver["semanticVersion"] as? String == "0.1.0")
    let results = try #require(sarifRun["results"] as? [[String: Any]])
    #expect(results.count == 31)
    let invocation = try #require((sarifRun["invocations"] as? [[String: Any]])?.first)
    #expect(invocation["exitCode"] as? Int == 1)
    #expect(invocation["executionSuccessful"] as? Bool == true)
    let first = try #require(results.first)
    let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    let artifact = try #require(location["artifactLocation"] as? [String: Any])
    #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
    #expect((artifact["uri"] as? String)?.hasPrefix("Examples/insecure-org/") == true)
  }

  @Test func sarifOnStdoutEqualsTheFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let target = folder.path + "/out.sarif"
    let args = ["--format", "sarif", "--category", "globex", "Examples/insecure-org"]
    _ = try OrglintProcess.lint(args + ["--output", target])
    let stdout = try OrglintProcess.lint(args)
    #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == stdout.stdoutData)
    #expect(String(decoding: stdout.stdoutData, as: UTF8.self).contains("\"id\" : \"globex\""))
  }

  @Test func sarifIsWrittenWhenTheRunCannotBeDone() throws {
    // A CI step that uploads the SARIF after a failed run finds a report that says why, with exit code 2.
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let target = folder.path + "/orglint.sarif"
    let run = try OrglintProcess.lint(
      ["--format", "sarif", "--output", target, "--only", "ROOT02", "Examples/insecure-org"])
    #expect(run.status == 2)
    #expect(run.stdout == "")
    #expect(run.stderr.hasPrefix("orglint: error: --only: no rule 'ROOT02'; did you mean 'ROOT002'?"))
    let data = try Data(contentsOf: URL(fileURLWithPath: target))
    let sarif = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let sarifRun = try #require((sarif["runs"] as? [[String: Any]])?.first)
    let invocation = try #require((sarifRun["invocations"] as? [[String: Any]])?.first)
    #expect(invocation["exitCode"] as? Int == 2)
    #expect(invocation["executionSuccessful"] as? Bool == false)
    let notes = try #require(invocation["toolConfigurationNotifications"] as? [[String: Any]])
    #expect(notes.count == 1)
    #expect(
      (notes.first?["message"] as? [String: Any])?["text"] as? String
        == "--only: no rule 'ROOT02'; did you mean 'ROOT002'?")
    #expect((sarifRun["results"] as? [Any])?.isEmpty == true)
  }

  @Test func jsonOnStdoutWhenTheRunCannotBeDone() throws {
    let run = try OrglintProcess.lint(["--format", "json", "--disable", "NOPE", "Examples/insecure-org"])
    #expect(run.status == 2)
    #expect(run.stderr == "orglint: error: --disable: no rule 'NOPE' [CLI001 unknown-rule]\norglint could not lint: 1 problem (exit code 2)\n")
    let report = try JSONReport(run)
    #expect(report.findings.isEmpty)
    let invocation = try #require(report.object["invocation"] as? [String: Any])
    #expect(invocation["exitCode"] as? Int == 2)
    let problems = try #require(invocation["configurationProblems"] as? [[String: Any]])
    #expect(problems.map { $0["ruleId"] as? String } == ["CLI001"])
  }

  @Test func githubAnnotations() throws {
    let run = try OrglintProcess.lint(
      ["--format", "github", "--only", "ORG001,ORG002", "Examples/insecure-org-legacy"])
    #expect(run.status == 1)
    #expect(
      run.stdout == """
        ::error file=Examples/insecure-org-legacy/organization.yaml,line=14,col=3,endLine=14,endColumn=35,\
        title=ORG001 root-credentials-management-enabled::organization o-initech4n8w2p does not have centralized \
        root credentials management (RootCredentialsManagement) enabled: member accounts keep their own root \
        passwords and keys
        ::warning file=Examples/insecure-org-legacy/organization.yaml,line=15,col=3,endLine=15,endColumn=22,\
        title=ORG002 root-sessions-enabled::organization o-initech4n8w2p does not have privileged root actions \
        (RootSessions) enabled: locked S3 bucket and SQS queue policies cannot be removed centrally, and member root \
        password recovery cannot be allowed

        """)
  }

  @Test func gitlabCodeQuality() throws {
    let run = try OrglintProcess.lint(["--format", "gitlab", "--only", "ORG002", "Examples/insecure-org-legacy"])
    #expect(run.status == 0)
    let issues = try #require(try JSONSerialization.jsonObject(with: run.stdoutData) as? [[String: Any]])
    #expect(issues.count == 1)
    #expect(issues.first?["check_name"] as? String == "ORG002")
    #expect(issues.first?["severity"] as? String == "minor")
    let location = try #require(issues.first?["location"] as? [String: Any])
    #expect(location["path"] as? String == "Examples/insecure-org-legacy/organization.yaml")
    #expect((location["lines"] as? [String: Any])?["begin"] as? Int == 15)
  }

  @Test func junitReport() throws {
    let run = try OrglintProcess.lint(["--format", "junit", "--only", "ORG001", "Examples/insecure-org-legacy"])
    #expect(run.status == 1)
    #expect(run.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"))
    #expect(run.stdout.contains("<testcase classname=\"Examples/insecure-org-legacy/organization.yaml\""))
    #expect(run.stdout.contains("ORG001 root-credentials-management-enabled"))
    #expect(run.stdout.hasSuffix("</testsuites>\n"))
  }
}
