import Diagnostics
import LocatedYAML

@testable import Adoption
@testable import RuleEngine

/// `RULE line:column message`, the exact form the adoption tests compare findings in.
func described(_ f: Finding) -> String {
  "\(f.ruleId) \(f.range.map { "\($0.start)" } ?? "-") \(f.message)"
}

/// A rule with only what the adoption layer reads: id, name, suppressibility and parameters.
func makeRule(
  _ id: String, _ name: String, suppressible: Suppressibility = .true, params: [RuleParam] = []
) -> Rule {
  let expression = RuleExpression(text: "true", path: "r.yaml", lineStarts: [])
  return Rule(
    descriptor: RuleDescriptor(id: id, name: name, title: "t", severity: .error), scope: .account, when: nil,
    assert: expression, params: params, message: MessageTemplate(parts: [], text: ""), location: [],
    suppressible: suppressible, examples: [], path: "Rules/\(id).yaml", isBuiltin: true)
}

/// The rules the adoption tests configure and suppress.
let testRules = [
  makeRule("ROOT001", "member-root-password-removed"),
  makeRule("ROOT007", "root-access-keys-absent", suppressible: .false),
  makeRule("ROOT008", "recovery-window", suppressible: .central, params: [
    RuleParam(name: "window", kind: .duration, defaultValue: .duration(86_400_000_000_000), description: ""),
    RuleParam(name: "exempt", kind: .stringList, defaultValue: .stringList([]), description: ""),
    RuleParam(name: "strict", kind: .bool, defaultValue: .bool(false), description: ""),
  ]),
]

/// A finding of a test rule at a line, with an engine-style fingerprint.
func finding(_ id: String, path: String = "org/accounts.yaml", line: Int, entity: String) -> Finding {
  Finding(
    ruleId: id, ruleName: "", severity: .error, message: "\(id) failed for \(entity)", path: path,
    range: SourceRange(at: SourceLocation(line: line, column: 3, offset: 0)), fingerprint: "\(id):\(entity)",
    logicalLocation: "organization/o-abc/\(entity)")
}

func source(_ path: String, _ text: String) -> SourceFile { SourceFile(path: path, bytes: Array(text.utf8)) }
