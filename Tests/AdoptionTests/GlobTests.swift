import Testing

@testable import Adoption

private func matches(_ pattern: String, _ path: String) throws -> Bool {
  try Glob.compile(pattern).get().matches(path)
}

@Suite struct GlobTests {
  @Test(arguments: [
    ("*.yaml", "a.yaml", true), ("*.yaml", "org/a.yaml", false), ("org/*.yaml", "org/a.yaml", true),
    ("org/*.yaml", "org/x/a.yaml", false), ("org/**/*.yaml", "org/a.yaml", true),
    ("org/**/*.yaml", "org/x/y/a.yaml", true), ("org/**/*.yaml", "orgx/a.yaml", false), ("**/*.yaml", "a.yaml", true),
    ("**/*.yaml", "a/b/c.yaml", true), ("**", "a/b", true), ("org/**", "org/a/b.yaml", true),
    ("a?c.yaml", "abc.yaml", true), ("a?c.yaml", "a/c.yaml", false), ("[ab]*.yaml", "b1.yaml", true),
    ("[ab]*.yaml", "c1.yaml", false), ("[!ab]*.yaml", "c1.yaml", true), ("[^ab]*.yaml", "a1.yaml", false),
    ("acct-[0-9][0-9].yaml", "acct-42.yaml", true), ("acct-[0-9][0-9].yaml", "acct-4x.yaml", false),
    ("[]]x", "]x", true), ("a\\*b", "a*b", true), ("a\\*b", "axb", false),
    ("org/archive", "org/archive/old.yaml", true),
    ("org/archive", "org/archived.yaml", false), ("org/archive/", "org/archive/a/b.yaml", true),
    ("./org/*.yaml", "org/a.yaml", true), ("org/*.yaml", "./org/a.yaml", true), ("a**b", "a/x/b", true),
    ("é*.yaml", "été.yaml", true), ("", "", true), ("", "a", false),
  ])
  func matching(pattern: String, path: String, expected: Bool) throws {
    #expect(try matches(pattern, path) == expected)
  }

  @Test func unclosedSetIsAnError() {
    #expect(throws: GlobError(pattern: "a[b", reason: "'[' at character 2 is never closed with ']'")) {
      try Glob.compile("a[b").get()
    }
  }

  @Test func hostilePatternsStayLinear() throws {
    // Backtracking matchers take exponential time here; the automaton takes pattern × path steps.
    let pattern = String(repeating: "*a", count: 40) + "b"
    let path = String(repeating: "a", count: 5_000)
    let glob = try Glob.compile(pattern).get()
    let clock = ContinuousClock()
    let elapsed = clock.measure { #expect(glob.matches(path) == false) }
    #expect(elapsed < .seconds(2))
    let deep = String(repeating: "**/", count: 30) + "x"
    #expect(try matches(deep, String(repeating: "d/", count: 200) + "x"))
  }
}
