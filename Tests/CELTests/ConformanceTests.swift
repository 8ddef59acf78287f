import Foundation
import Testing

@testable import CEL

/// Runs the official CEL conformance files (google/cel-spec `tests/simple/testdata`, vendored in Tests/Vendored/cel-spec).
@Suite struct ConformanceTests {
  /// Cases out of scope, by "file/section" or "file/section/test", each with its reason. Nothing else is skipped.
  static let skipped: [String: String] = [
    "comparisons/eq_wrapper": "protobuf wrapper types and messages (out of scope: orglint's CEL has no protobuf types)",
    "comparisons/eq_literal/eq_dyn_json_null": "protobuf google.protobuf.Value message construction",
    "comparisons/eq_literal/not_eq_dyn_proto2_msg_null": "protobuf message construction",
    "comparisons/eq_literal/not_eq_dyn_proto3_msg_null": "protobuf message construction",
    "comparisons/ne_literal/ne_proto2": "protobuf messages",
    "comparisons/ne_literal/ne_proto3": "protobuf messages",
    "comparisons/ne_literal/ne_proto2_missing_fields_neq": "protobuf messages",
    "comparisons/ne_literal/ne_proto3_missing_fields_neq": "protobuf messages",
    "comparisons/ne_literal/ne_proto_nan_not_equal": "protobuf messages",
    "comparisons/ne_literal/ne_proto_different_types": "protobuf messages",
    "comparisons/ne_literal/ne_proto2_any_unpack": "protobuf messages",
    "comparisons/ne_literal/ne_proto2_any_unpack_bytewise_fallback": "protobuf messages",
    "comparisons/ne_literal/ne_proto3_any_unpack": "protobuf messages",
    "comparisons/ne_literal/ne_proto3_any_unpack_bytewise_fallback": "protobuf messages",
  ]
  /// The applicable-case count must not fall below this (guards against silently skipping more).
  static let applicableFloor = 770

  /// The vendored conformance files (Tests/Vendored/cel-spec, Apache-2.0, see Tests/Vendored/README.md).
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Vendored/cel-spec").path

  static let files = [
    "basic", "comparisons", "fields", "fp_math", "integer_math", "lists", "logic", "macros", "plumbing", "string",
    "timestamps",
  ]

  enum Outcome {
    case pass
    case fail(String)
    case skip(String)
  }

  static func run(_ test: TPMessage) -> Outcome {
    guard let expr = test.scalar("expr") else { return .skip("no expression") }
    if test.scalar("container") != nil { return .skip("container (protobuf packages)") }
    var env = CELEnvironment()
    var bindings: [String: CELValue] = [:]
    for decl in test.messages("type_env") {
      guard let name = decl.scalar("name") else { return .skip("function declaration") }
      guard let t = decl.message("ident")?.message("type").flatMap(ConformanceValues.type) else {
        return .skip("declared type out of scope")
      }
      env.declareVariable(name, t)
    }
    for b in test.messages("bindings") {
      guard let key = b.scalar("key"), let v = b.message("value")?.message("value").flatMap(ConformanceValues.value)
      else { return .skip("binding value out of scope") }
      bindings[key] = v
      if !env.variables.contains(where: { $0.name == key }) { env.declareVariable(key, .dyn) }
    }
    let expectsError = test.message("eval_error") != nil
    var expected: CELValue?
    if let v = test.message("value") {
      guard let x = ConformanceValues.value(v) else { return .skip("expected value out of scope") }
      expected = x
    } else if !expectsError {
      return .skip("no value or eval_error expectation")
    }
    let program: CELProgram
    do {
      program = try env.compile(expr, checked: test.scalar("disable_check") != "true")
    } catch {
      return expectsError ? .pass : .fail("compile error: \(error)")
    }
    let values = env.variables.map { bindings[$0.name] ?? .error(CELError("unbound variable '\($0.name)'")) }
    let result = program.evaluate(values)
    if expectsError {
      if case .error = result { return .pass }
      return .fail("expected an error, got \(Format.display(result))")
    }
    if case .error(let e) = result { return .fail("error: \(e.message)") }
    if ConformanceValues.same(result, expected!) { return .pass }
    return .fail("got \(Format.display(result)) (\(result.celType)), want \(Format.display(expected!))")
  }

  @Test func conformance() throws {
    let dir = Self.directory
    var passed = 0
    var applicable = 0
    var failures: [String] = []
    for file in Self.files {
      let path = "\(dir)/\(file).textproto"
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        Issue.record("conformance file missing: \(path)")
        return
      }
      let root = try TextProtoReader.parse(text)
      var filePassed = 0
      var fileApplicable = 0
      for section in root.messages("section") {
        let sname = section.scalar("name") ?? "?"
        for test in section.messages("test") {
          let tname = test.scalar("name") ?? "?"
          if Self.skipped["\(file)/\(sname)"] != nil || Self.skipped["\(file)/\(sname)/\(tname)"] != nil { continue }
          switch Self.run(test) {
          case .pass:
            filePassed += 1
            fileApplicable += 1
          case .fail(let why):
            fileApplicable += 1
            failures.append("\(file)/\(sname)/\(tname): \(test.scalar("expr") ?? ""): \(why)")
          case .skip(let why):
            failures.append("UNLISTED SKIP \(file)/\(sname)/\(tname): \(why)")
          }
        }
      }
      print("\(file): \(filePassed)/\(fileApplicable)")
      passed += filePassed
      applicable += fileApplicable
    }
    print("conformance total: \(passed)/\(applicable)")
    for f in failures { print("  FAIL \(f)") }
    #expect(applicable >= Self.applicableFloor)
    #expect(Double(passed) >= 0.99 * Double(applicable), "conformance \(passed)/\(applicable) below 99%")
    #expect(!failures.contains { $0.hasPrefix("UNLISTED") }, "cases skipped without an entry in `skipped`")
  }
}
