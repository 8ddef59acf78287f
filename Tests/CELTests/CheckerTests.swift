import Testing

@testable import CEL

@Suite struct CheckerTests {
  @Test func unknownNamesHaveDidYouMean() {
    let env = personEnv()
    #expect(compileErrors("persn.name", env: env) == "1:1: undeclared reference to 'persn'; did you mean 'person'?")
    #expect(
      compileErrors("person.nmae == 'x'", env: env)
        == "1:7: undefined field 'nmae' on type 'Person'; did you mean 'name'?")
    #expect(
      compileErrors("person.friends.all(f, f.bset.age > 1)", env: env)
        == "1:24: undefined field 'bset' on type 'Person'; did you mean 'best'?")
    #expect(
      compileErrors("person.name.sze()", env: env)
        == "1:13: undeclared reference to function 'sze'; did you mean 'size'?")
    #expect(compileErrors("person.zzz", env: env) == "1:7: undefined field 'zzz' on type 'Person'")
  }

  @Test func operandTypes() {
    let env = personEnv()
    #expect(
      compileErrors("person.age + 'x'", env: env)
        == "1:12: no matching overload for '+' applied to (int, string)")
    #expect(
      compileErrors("person.name > 1", env: env) == "1:13: no matching overload for '>' applied to (string, int)")
    #expect(compileErrors("person.age && true", env: env) == "1:7: an operand of '&&' must be a bool, not 'int'")
    #expect(
      compileErrors("person.friends.filter(f, f.name)", env: env)
        == "1:27: the predicate of filter() must be a bool, not 'string'")
    #expect(compileErrors("n.name", env: env) == "1:2: type 'int' has no fields (selecting 'name')")
    #expect(compileErrors("person == 1", env: env) == "1:8: no matching overload for '==' applied to (Person, int)")
    // Several errors are all reported, in order.
    #expect(
      compileErrors("persn + nn", env: env) == """
        1:1: undeclared reference to 'persn'; did you mean 'person'?
        1:9: undeclared reference to 'nn'; did you mean 'n'?
        """)
  }

  @Test func dynAndNullStayPermissive() {
    let env = personEnv()
    #expect(compileErrors("d.anything + 1 > d[0]", env: env) == "ok")
    #expect(compileErrors("person.best == null && person.born != null", env: env) == "ok")
    #expect(compileErrors("1 == 1u && 1.0 < 2", env: env) == "ok")
    #expect(compileErrors("[person, null][0]", env: env) == "ok")
    #expect(try! env.compile("person.friends.map(f, f.age)").resultType == .list(.int))
    #expect(try! env.compile("person.best.friends[0].name").resultType == .string)
    #expect(try! env.compile("d.x").resultType == .dyn)
  }
}
