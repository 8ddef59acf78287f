import Diagnostics

/// The ids of problems that stop a run before or around the rules: a path that cannot be read, an unknown rule on
/// the command line, a baseline file that is not one. Each exits with 2; Docs/diagnostics.md documents them.
public enum RunRules {
  public static let unreadablePath = RuleDescriptor(
    id: "IO001", name: "unreadable-path", title: "Every path orglint is given can be read", severity: .error,
    tags: ["io"],
    description: "A file or folder named on the command line, in the config file or found in a walked folder cannot "
      + "be read: it does not exist, permission is denied, it is a device, a dangling symlink, a name that is not "
      + "UTF-8 or a path longer than the system allows. The run stops with exit code 2; nothing is skipped silently.",
    remediation: "Fix the path or the permissions as the message says.")
  public static let unknownRule = RuleDescriptor(
    id: "CLI001", name: "unknown-rule", title: "--only and --disable name rules that exist", severity: .error,
    tags: ["cli"],
    description: "`--only` or `--disable` names no rule, by id or by name. The run stops with exit code 2, so a "
      + "misspelled id never silently runs everything or nothing.",
    remediation: "Use an id or name from `orglint rules list` (the message suggests the closest one).")
  public static let invalidBaseline = RuleDescriptor(
    id: "BASE000", name: "invalid-baseline", title: "The baseline file is one --write-baseline wrote",
    severity: .error, tags: ["baseline"],
    description: "The baseline file is not the JSON `orglint lint --write-baseline` writes (or has a newer "
      + "`version`). The run stops with exit code 2.",
    remediation: "Rewrite it with `orglint lint --write-baseline FILE`, or restore it from version control.")

  public static let noOrganizationDocuments = RuleDescriptor(
    id: "IO003", name: "no-organization-documents", title: "The linted paths hold organization documents",
    severity: .error, tags: ["io"],
    description: "The paths hold YAML files, but none is an organization document orglint reads: no orglint/v1 "
      + "document, no LZA config folder and no org-formation template (Docs/dialects.md). Saying \"no problems found\" "
      + "would be a silent all-clear on files that were not read, so the run stops with exit code 2.",
    remediation: "Lint the folder that holds the organization documents, or the top of the LZA config folder "
      + "(where accounts-config.yaml and organization-config.yaml are).")
  public static let all = [unreadablePath, unknownRule, invalidBaseline, noOrganizationDocuments]
}
