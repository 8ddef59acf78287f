import Foundation
import OrglintTestSupport
import Testing

/// Checks SARIF text against the OASIS 2.1.0 JSON Schema (python3 + jsonschema) and against the rules GitHub code
/// scanning adds on top of the schema.
enum SARIFValidator {
  /// Prints one line per schema violation, exits 1 on any; exits 2 with a clear reason when jsonschema is missing.
  static let script = """
    import json, sys
    try:
        import jsonschema
    except ImportError:
        sys.exit("python3 module 'jsonschema' is missing: run python3 -m pip install jsonschema (.ci/run does)")
    schema = json.load(open(sys.argv[1]))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    doc = json.loads(sys.stdin.read())
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    for e in errors:
        print("/".join(map(str, e.absolute_path)) + ": " + e.message)
    sys.exit(1 if errors else 0)
    """

  /// The schema violations of `sarif`; a failure to run the check is recorded as a test issue. Tests that call it
  /// carry `.requires(.python("jsonschema"), for:)`.
  static func schemaErrors(_ sarif: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    do {
      let outcome = try PythonScript.run(script, [TestSupport.sarifSchemaPath], input: sarif)
      if outcome.status != 0 && outcome.status != 1 {
        Issue.record("schema check could not run: \(outcome.stderr)", sourceLocation: sourceLocation)
        return ["check failed"]
      }
      return outcome.stdout.split(separator: "\n").map(String.init)
    } catch {
      Issue.record("python3 could not be started: \(error)", sourceLocation: sourceLocation)
      return ["python3 missing"]
    }
  }

  /// What GitHub code scanning requires beyond the schema: a driver name, rules with ids, every result with a
  /// `ruleId` that names a rule at `ruleIndex`, a physical location with a relative URI, `startLine` ≥ 1, and
  /// partial fingerprints; security severities must be numeric strings.
  static func codeScanningProblems(_ sarif: String) -> [String] {
    guard let log = try? JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any],
      let runs = log["runs"] as? [[String: Any]], runs.count == 1,
      let tool = runs[0]["tool"] as? [String: Any], let driver = tool["driver"] as? [String: Any]
    else { return ["not a SARIF log with one run and a driver"] }
    var problems: [String] = []
    if driver["name"] as? String != "orglint" { problems.append("driver name") }
    let rules = driver["rules"] as? [[String: Any]] ?? []
    let ids = rules.compactMap { $0["id"] as? String }
    if ids.count != rules.count || Set(ids).count != ids.count { problems.append("rule ids missing or repeated") }
    for rule in rules {
      let props = rule["properties"] as? [String: Any]
      if let severity = props?["security-severity"] {
        if !(severity is String) || Double(severity as! String) == nil {
          problems.append("security-severity \(severity)")
        }
      }
      if (rule["shortDescription"] as? [String: Any])?["text"] == nil { problems.append("rule without description") }
    }
    for (n, result) in (runs[0]["results"] as? [[String: Any]] ?? []).enumerated() {
      guard let ruleId = result["ruleId"] as? String, let index = result["ruleIndex"] as? Int,
        index < ids.count, ids[index] == ruleId
      else {
        problems.append("result \(n): ruleId/ruleIndex")
        continue
      }
      let fingerprints = result["partialFingerprints"] as? [String: String] ?? [:]
      if fingerprints.isEmpty || fingerprints.values.contains("") { problems.append("result \(n): fingerprints") }
      let locations =
        (result["locations"] as? [[String: Any]] ?? []) + (result["relatedLocations"] as? [[String: Any]] ?? [])
      if (result["locations"] as? [Any])?.isEmpty ?? true { problems.append("result \(n): no location") }
      for location in locations {
        guard let physical = location["physicalLocation"] as? [String: Any],
          let artifact = physical["artifactLocation"] as? [String: Any], let uri = artifact["uri"] as? String
        else {
          problems.append("result \(n): location without a file")
          continue
        }
        if uri.isEmpty || uri.hasPrefix("/") || uri.contains(":") || uri.contains("\\") {
          problems.append("result \(n): uri \(uri) is not relative")
        }
        if let region = physical["region"] as? [String: Any], (region["startLine"] as? Int ?? 0) < 1 {
          problems.append("result \(n): startLine")
        }
      }
    }
    return problems
  }
}
