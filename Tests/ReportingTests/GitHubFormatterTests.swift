import Diagnostics
import Testing

@testable import Reporting

@Suite struct GitHubFormatterTests {
  @Test func fixtureAsWorkflowCommands() {
    #expect(
      GitHubFormatter().render(Fixture.report) == """
        ::warning file=.orglint.yaml,line=3,col=9,endLine=3,endColumn=17,title=CONFIG003 deprecated-config::\
        'failOn: warnings' is deprecated; use 'failOn: warning'
        ::notice title=ORG004 iam-delegated-administrator::no IAM delegated administrator is registered
        ::warning file=org/accounts.yaml,line=4,col=7,endLine=4,endColumn=16,title=ROOT008 root-not-used-recently::\
        root of "Prod café" was used 3 days ago, 100%25 <too> recent
        ::error file=org/accounts.yaml,line=6,col=3,endLine=6,endColumn=17,\
        title=ROOT001 member-root-password-removed::\
        account Prod café (333333333333) still has a root password
        ::warning file=org/organization.yaml,line=4,col=1,endLine=4,endColumn=11,title=ORG002 root-sessions-enabled::\
        RootSessions is off, so the management account cannot run privileged tasks
        ::error file=org/with space#1.yaml,title=YAML001 yaml-syntax::the file is empty

        """)
    #expect(GitHubFormatter().render(Fixture.clean) == "")
  }

  @Test func escaping() {
    #expect(GitHubFormatter.escapeData("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
    #expect(GitHubFormatter.escapeProperty("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae")
    var report = Fixture.clean
    report.findings = [
      Finding(
        ruleId: "ROOT001", ruleName: "r", severity: .note, message: "line 1\nline 2: 50%",
        path: "dir,x/a:b.yaml", range: Fixture.range(2, 1, 1))
    ]
    #expect(
      GitHubFormatter().render(report)
        == "::notice file=dir%2Cx/a%3Ab.yaml,line=2,col=1,title=ROOT001 r::line 1%0Aline 2: 50%25\n")
  }
}
