import Diagnostics
import LocatedYAML

/// The loader's own findings: schema problems of orglint documents (SCHEMA…), problems of the set as a whole
/// (MODEL…) and references to things the set does not have (REF…). Documented in Docs/diagnostics.md.
public enum ModelRules {
  public static let unknownField = RuleDescriptor(
    id: "SCHEMA001", name: "schema-unknown-field", title: "Every field is one the format defines", severity: .error,
    description: "A mapping has a field the orglint format does not define for it, usually a typo. The field is "
      + "ignored, so a misspelled setting silently falls back to its default.",
    remediation: "Fix the spelling (the message suggests the closest field) or remove the field.")
  public static let wrongType = RuleDescriptor(
    id: "SCHEMA002", name: "schema-wrong-type", title: "Every value has the type the format expects",
    severity: .error,
    description: "A value is of the wrong YAML type, such as a sequence where a mapping is expected. The value is "
      + "ignored.",
    remediation: "Write the value in the expected form; docs/format.md shows each kind with an example.")
  public static let missingField = RuleDescriptor(
    id: "SCHEMA003", name: "schema-missing-field", title: "Required fields are present", severity: .error,
    description: "A required field (an account's `id`, `name` or `email`, a task's `account`, ...) is absent or "
      + "null. Rules then see an empty value.",
    remediation: "Add the field.")
  public static let badEnumValue = RuleDescriptor(
    id: "SCHEMA004", name: "schema-bad-enum-value", title: "Enumerated fields use one of their values",
    severity: .error,
    description: "A field that takes one of a fixed set of values (`state`, `featureSet`, `task`, an MFA "
      + "device's `type`, a statement's `Effect`) has another value. The field is treated as unset.",
    remediation: "Use one of the values the message lists (they are case-sensitive).")
  public static let malformedValue = RuleDescriptor(
    id: "SCHEMA005", name: "schema-malformed-value", title: "Values are well-formed", severity: .error,
    description: "A value does not have the required form: a timestamp that is not RFC 3339, an account id that is "
      + "not a 12-digit string (an unquoted number loses its leading zeros in YAML), an Organization id that is "
      + "not `o-` and 10 to 32 lowercase letters or digits.",
    remediation: "Write timestamps as `2026-10-01T10:00:00Z` and account ids quoted: `\"012345678901\"`.")
  public static let yaml11Boolean = RuleDescriptor(
    id: "SCHEMA006", name: "schema-yaml11-boolean", title: "Booleans are written true or false", severity: .error,
    description: "A boolean field holds `yes`, `no`, `on`, `off`, `y` or `n`. YAML 1.1 tools read these as "
      + "booleans, YAML 1.2 tools as strings; orglint reads them as the boolean they suggest but reports them, "
      + "since other tools in the pipeline may not agree.",
    remediation: "Write `true` or `false`.")
  public static let apiVersion = RuleDescriptor(
    id: "SCHEMA007", name: "schema-api-version", title: "orglint documents declare apiVersion: orglint/v1",
    severity: .warning,
    description: "A document has an orglint `kind` but no `apiVersion`, or another one. orglint reads it as "
      + "`orglint/v1`; a later version of the format may read it differently.",
    remediation: "Add `apiVersion: orglint/v1` at the top of the document.")
  public static let unknownKind = RuleDescriptor(
    id: "SCHEMA008", name: "schema-unknown-kind", title: "orglint documents have a known kind", severity: .error,
    description: "A document with `apiVersion: orglint/v1` has a `kind` that is not `Organization`, `Account` or "
      + "`PrivilegedTask`, or none. The document is skipped.",
    remediation: "Fix the kind (the message suggests the closest one).")
  public static let unsupportedInclude = RuleDescriptor(
    id: "SCHEMA009", name: "schema-unsupported-include", title: "Documents do not use !include", severity: .error,
    description: "A value is tagged `!include`. orglint does not include files: it already reads every document "
      + "under the set's root, so the included content can live in documents of its own. The value is ignored.",
    remediation: "Move the included content into its own orglint document (for accounts, one `kind: Account` "
      + "file each).")
  public static let givenAndUnknown = RuleDescriptor(
    id: "SCHEMA010", name: "schema-given-and-unknown", title: "A field is either given or listed as unknown",
    severity: .error,
    description: "An object's `unknown:` lists a field that the same object also gives a value. The value is "
      + "used and the entry is ignored, so rules judge a fact its author (or the importer) said was unknown.",
    remediation: "Remove the `unknown:` entry when the value is known, or the value when it is not.")
  public static let duplicateAccount = RuleDescriptor(
    id: "MODEL001", name: "model-duplicate-account", title: "Each account id is described once", severity: .error,
    description: "Two accounts (documents or inline items) have the same id. The first is used; the second is "
      + "left out of the set.",
    remediation: "Merge the two descriptions or fix the id of one of them.")
  public static let duplicateOrganization = RuleDescriptor(
    id: "MODEL002", name: "model-duplicate-organization", title: "A set has at most one Organization",
    severity: .error,
    description: "The set has a second `kind: Organization` document. The first (in path order) is used; the "
      + "second, with its inline accounts and tasks, is left out.",
    remediation: "Keep one Organization document per set, or lint the organizations as separate sets.")
  public static let duplicateOU = RuleDescriptor(
    id: "MODEL003", name: "model-duplicate-ou", title: "Organizational unit paths are unique", severity: .error,
    description: "Two organizational units have the same path (two siblings with the same name). Accounts that "
      + "name the path are linked to the first.",
    remediation: "Rename or merge the two units.")
  public static let duplicatePolicy = RuleDescriptor(
    id: "MODEL004", name: "model-duplicate-policy", title: "Policy names are unique", severity: .error,
    description: "Two service control policies have the same name, so references by name are ambiguous. The first "
      + "is used for references.",
    remediation: "Rename one of the policies.")
  public static let unknownOU = RuleDescriptor(
    id: "REF001", name: "ref-unknown-ou", title: "OU paths name an organizational unit of the Organization",
    severity: .error,
    description: "An account's `organizationalUnit`, or a policy's `attachedTo`, names an OU path that the "
      + "Organization's `organizationalUnits` tree does not have. Checked only when the set has an Organization.",
    remediation: "Fix the path (`Parent/Child`, names as in the tree) or add the unit to the tree.")
  public static let unknownAccount = RuleDescriptor(
    id: "REF002", name: "ref-unknown-account", title: "Referenced accounts are described in the set",
    severity: .warning,
    description: "A delegated administrator or a policy attachment names an account id that no Account in the "
      + "set has. A warning, because a set may describe only some accounts; rules that need the account see "
      + "null. A privileged task's unknown target is rule TASK002's business, not a loader finding.",
    remediation: "Add the account's description to the set, or fix the id.")
  public static let unknownPolicy = RuleDescriptor(
    id: "REF003", name: "ref-unknown-policy", title: "OU policy lists name policies of the Organization",
    severity: .error,
    description: "An organizational unit's `policies:` names a policy that the Organization's `policies:` does not "
      + "define, so the unit has fewer policies in effect than its author meant.",
    remediation: "Fix the name or define the policy.")
  public static let missingPolicyFile = RuleDescriptor(
    id: "REF004", name: "ref-missing-policy-file", title: "Policy files named by a dialect's configuration exist",
    severity: .error,
    description: "An LZA `serviceControlPolicies` entry names a `policy:` JSON file (relative to the config "
      + "folder) that cannot be read, or whose path holds a placeholder replacements-config.yaml does not define. "
      + "The policy is kept without its document, so rules on its statements see none.",
    remediation: "Fix the path or add the file; define the placeholder in replacements-config.yaml.")
  public static let ouDrift = RuleDescriptor(
    id: "DRIFT001", name: "drift-ou-differs", title: "Accounts are in the OU their configuration declares",
    severity: .warning,
    description: "A set holds a declared organization (an LZA folder or an org-formation template) and observed "
      + "documents (`orglint import aws`), and an account's declared OU is not the OU it was observed in: the "
      + "configuration and the organization have drifted apart. Reported at the declaration.",
    remediation: "Move the account in AWS Organizations, or change the declaration, whichever is the intent.")
  public static let declaredNotObserved = RuleDescriptor(
    id: "DRIFT002", name: "drift-declared-not-observed", title: "Declared accounts are in the observed organization",
    severity: .warning,
    description: "An account of the declared organization has no observed counterpart (by id, or by root email where "
      + "the declaration has no id): not created yet, closed, or in another organization. Not reported when the "
      + "observed Organization lists `accounts` as unknown. The declared account stays in the set.",
    remediation: "Create the account (or let the pipeline run), or remove the declaration; re-export if the import is old.")
  public static let observedNotDeclared = RuleDescriptor(
    id: "DRIFT003", name: "drift-observed-not-declared", title: "Observed accounts are declared",
    severity: .warning,
    description: "An observed account (from `orglint import aws`) is not in the declared organization: created or "
      + "invited outside the configuration, so the configuration's guardrails may not reach it.",
    remediation: "Add the account to the configuration (with its id), or close or remove it from the organization.")

  public static let skippedSpecialFile = RuleDescriptor(
    id: "IO002", name: "skipped-special-file", title: "Folders hold regular files only", severity: .note,
    description: "A folder orglint walks (a organization set, a --rules folder) has an entry named like a YAML file that "
      + "is not a regular file: a FIFO, a socket or a device. Reading it could block forever or never end, so it is "
      + "skipped. Named on the command line, a FIFO is read like `cat` would read it; a device is refused (IO001).",
    remediation: "Remove the entry, or name the FIFO on the command line if it is meant to be read.")

  /// Every rule of the model layer.
  public static let all: [RuleDescriptor] = [
    unknownField, wrongType, missingField, badEnumValue, malformedValue, yaml11Boolean, apiVersion, unknownKind,
    unsupportedInclude, givenAndUnknown, duplicateAccount, duplicateOrganization, duplicateOU, duplicatePolicy, unknownOU,
    unknownAccount, unknownPolicy, missingPolicyFile, ouDrift, declaredNotObserved, observedNotDeclared,
    skippedSpecialFile,
  ]

  /// Every id the loader can emit: the YAML layer's and this layer's.
  public static let loaderRules: [RuleDescriptor] = YAMLRules.all + all
}
