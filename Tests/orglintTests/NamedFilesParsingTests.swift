import Testing

@testable import orglint

/// Many named files (the pre-commit case) are parsed in linear time: ArgumentParser removes parsed arguments from an
/// array one at a time (quadratic: 20,000 names took 21 s), so a long run of trailing paths is split off before the
/// parser sees it and appended to the command's `paths`. These tests pin the split, which is what makes the work
/// linear: the parser never sees more than a handful of arguments. Benchmarks/named-files.sh measures the time.
@Suite struct NamedFilesParsingTests {
  static let names = (0..<20_000).map { "org/accounts/a\($0).yaml" }

  @Test func namesAfterDashDashAreSplitOffAndKeptInOrder() throws {
    let arguments = ["lint", "--fail-on", "warning", "--"] + Self.names
    #expect(Orglint.trailingPathsStart(arguments) == 4)
    let lint = try #require(try Orglint.parse(arguments) as? Lint)
    #expect(lint.paths == Self.names)
    #expect(lint.failOn == .warning)
  }

  @Test func namesAfterTheLastOptionAndItsValueAreSplitOff() throws {
    let arguments = ["lint", "--format", "json"] + Self.names
    #expect(Orglint.trailingPathsStart(arguments) == 3)
    let lint = try #require(try Orglint.parse(arguments) as? Lint)
    #expect(lint.paths == Self.names)
    #expect(lint.format == .json)
    // After a flag, the first name is parsed as a path: the order stays.
    let quiet = try #require(try Orglint.parse(["lint", "--quiet"] + Self.names) as? Lint)
    #expect(quiet.paths == Self.names)
    #expect(quiet.quiet)
  }

  @Test func namesWithoutOptionsAreSplitOff() throws {
    let arguments = ["lint"] + Self.names
    #expect(Orglint.trailingPathsStart(arguments) == 2)
    let lint = try #require(try Orglint.parse(arguments) as? Lint)
    #expect(lint.paths == Self.names)
  }

  @Test func aNameThatLooksLikeAnOptionAfterDashDashStaysAPath() throws {
    let arguments = ["lint", "--"] + ["-help.yaml"] + Self.names
    let lint = try #require(try Orglint.parse(arguments) as? Lint)
    #expect(lint.paths == ["-help.yaml"] + Self.names)
  }

  @Test func shortListsAndUnsplittableOnesAreParsedWhole() throws {
    #expect(Orglint.trailingPathsStart(["lint", "a.yaml", "b.yaml"]) == nil)
    // eval's first positional is the expression: the short head does not parse, so the whole list is parsed.
    let eval = try #require(try Orglint.parse(["eval", "--scope", "account", "true"] + Self.names.prefix(100)) as? Eval)
    #expect(eval.expression == "true")
    #expect(eval.paths == Array(Self.names.prefix(100)))
  }
}
