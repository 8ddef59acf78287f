import Testing

/// `orglint eval` is run again and again while a rule is written: the set's loader findings are one brief line on
/// standard error, not the whole report each time (issue 16).
@Suite struct EvalLoaderNoteTests {
  @Test func loaderFindingsAreOneLine() throws {
    let run = try OrglintProcess.run(["eval", "1 + 2", "Examples/insecure-org"])
    #expect(run.status == 0)
    #expect(run.stdout == "3\n")
    #expect(
      run.stderr
        == "orglint: note: the set has 4 errors from loading 1 file, so the model may be incomplete; "
        + "'orglint lint Examples/insecure-org' shows them\n")
  }

  @Test func aCleanSetSaysNothing() throws {
    let run = try OrglintProcess.run(["eval", "1 + 2", "Examples/secure-org"])
    #expect(run.stdout == "3\n")
    #expect(run.stderr == "")
  }
}
