import Foundation
import OrglintTestSupport

/// Validates YAML documents against the config schema with python3's `jsonschema` (Draft202012Validator), as an
/// editor would: YAML is read with PyYAML, timestamps kept as their text (yaml-language-server hands unquoted
/// timestamps to the validator as strings), only YAML 1.2's `true`/`false` read as booleans, and every plain run of
/// digits read as a number, as YAML 1.2 does.
enum SchemaValidator {
  /// The package root (this file is `Tests/OrgModelTests/SchemaValidator.swift`).
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let schemaPath = packageRoot.appendingPathComponent("Docs/orglint-v1.schema.json").path

  /// One orglint document of a validated text: its position among the text's documents (from 0, counting
  /// non-orglint ones) and the schema's errors, `path: message` each (none when valid).
  struct Result: Decodable, Equatable {
    var name: String
    var index: Int
    var errors: [String]
  }

  /// A python3 failure: python3 or one of its modules missing, or the script failed.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static let preamble = """
    import json, re, sys
    try:
        import yaml
        import jsonschema
    except ImportError as e:
        sys.exit(f"python3 module missing ({e}): run python3 -m pip install jsonschema pyyaml")

    class Loader(yaml.SafeLoader):
        pass

    def text(loader, node):
        return loader.construct_scalar(node)

    def boolean(loader, node):
        value = loader.construct_scalar(node)
        if value in ("true", "True", "TRUE"):
            return True
        if value in ("false", "False", "FALSE"):
            return False
        return value

    def integer(loader, node):
        # YAML 1.2 reads `089012345678` as a number too (YAML 1.1 only as a string: not octal, not decimal).
        try:
            return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)
        except ValueError:
            return int(loader.construct_scalar(node))

    Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
    Loader.add_constructor("tag:yaml.org,2002:int", integer)
    Loader.add_constructor("tag:yaml.org,2002:timestamp", text)
    Loader.add_constructor("tag:yaml.org,2002:bool", boolean)
    KINDS = ("Organization", "Account", "PrivilegedTask")

    def leaf(error):
        # Within anyOf/oneOf (a nullable field, the password shorthand), the deepest error says what is wrong.
        while error.context:
            error = max(error.context, key=lambda e: len(e.absolute_path))
        return "/".join(str(p) for p in error.absolute_path) + ": " + error.message

    def is_orglint(doc):
        return isinstance(doc, dict) and (doc.get("apiVersion") == "orglint/v1" or doc.get("kind") in KINDS)

    """

  static let validateScript =
    preamble + """
      request = json.load(sys.stdin)
      with open(request["schema"]) as f:
          schema = json.load(f)
      validator = jsonschema.Draft202012Validator(schema)
      # yaml-language-server implements draft-07: the schema keeps to keywords both drafts read alike.
      draft7 = jsonschema.Draft7Validator(schema)
      out = []
      for source in request["documents"]:
          for index, doc in enumerate(yaml.load_all(source["text"], Loader=Loader)):
              if not is_orglint(doc):
                  continue
              errors = sorted(leaf(e) for e in validator.iter_errors(doc))
              if draft7.is_valid(doc) != (not errors):
                  errors.append("draft-07 gives another verdict")
              out.append({"name": source["name"], "index": index, "errors": errors})
      print(json.dumps(out))
      """

  static let checkSchemaScript =
    preamble + """
      with open(sys.argv[1]) as f:
          schema = json.load(f)
      try:
          jsonschema.Draft202012Validator.check_schema(schema)
      except jsonschema.exceptions.SchemaError as e:
          sys.exit(f"not a valid draft 2020-12 schema: {e.message} at {list(e.absolute_path)}")
      print("ok")
      """

  /// Validates the orglint documents of each (name, YAML text) against the committed schema.
  static func validate(_ sources: [(name: String, text: String)]) throws -> [Result] {
    let request: [String: Any] = [
      "schema": schemaPath, "documents": sources.map { ["name": $0.name, "text": $0.text] },
    ]
    let input = String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self)
    let stdout = try python(validateScript, input: input)
    return try JSONDecoder().decode([Result].self, from: Data(stdout.utf8))
  }

  /// Runs `python3 -c script arguments...` with `input` on stdin; returns its output, or throws with its stderr.
  static func python(_ script: String, _ arguments: [String] = [], input: String = "") throws -> String {
    let outcome: PythonScript.Outcome
    do {
      outcome = try PythonScript.run(script, arguments, input: input)
    } catch {
      throw Failure(description: "cannot run python3 (\(error)): install python3 with jsonschema and pyyaml")
    }
    guard outcome.status == 0 else { throw Failure(description: "python3 failed: " + outcome.stderr) }
    return outcome.stdout
  }

  /// The tools `validate` and `python` need: tests that call them carry `.requires(SchemaValidator.tools, for:)`.
  static let tools = ExternalTool.python("jsonschema", "yaml")
}
