import Diagnostics

/// The findings of the YAML layer: problems in a file's YAML itself, before any orglint meaning is given to it.
public enum YAMLRules {
  public static let syntaxError = RuleDescriptor(
    id: "YAML001", name: "yaml-syntax-error", title: "The file is valid YAML", severity: .error,
    description: "libyaml could not parse the file. Nothing after the error is read, so the rest of the document is "
      + "not checked.",
    remediation: "Fix the YAML at the reported position; the message is libyaml's own description of the problem.")
  public static let duplicateKey = RuleDescriptor(
    id: "YAML002", name: "yaml-duplicate-key", title: "Mapping keys are unique", severity: .error,
    description: "A key appears twice in one mapping. YAML forbids it, and tools disagree on which value wins; "
      + "orglint keeps the first and reports the second.",
    remediation: "Remove or rename one of the two keys.")
  public static let invalidEncoding = RuleDescriptor(
    id: "YAML003", name: "yaml-invalid-encoding", title: "The file is valid UTF-8 text", severity: .error,
    description: "The file has bytes that are not valid UTF-8, or control characters (such as NUL) that YAML does not "
      + "allow.",
    remediation: "Save the file as UTF-8 and remove control characters.")
  public static let nestingTooDeep = RuleDescriptor(
    id: "YAML004", name: "yaml-nesting-too-deep", title: "Nesting stays within the limit", severity: .error,
    description: "Collections are nested deeper than the limit (512 levels by default). No orglint document needs "
      + "that; such input is hostile or broken, and libyaml's cost grows quadratically with depth, so reading stops.",
    remediation: "Flatten the structure.")
  public static let aliasLimit = RuleDescriptor(
    id: "YAML005", name: "yaml-alias-limit", title: "Aliases expand to a bounded size", severity: .error,
    description: "Aliases would expand to more nodes than the limit, or an alias refers to the collection that "
      + "contains it. A few lines can expand to billions of nodes (the \"billion laughs\" attack); orglint refuses "
      + "such aliases and reads them as null.",
    remediation: "Write the values out, or use fewer levels of aliases.")
  public static let undefinedAlias = RuleDescriptor(
    id: "YAML006", name: "yaml-undefined-alias", title: "Aliases name an anchor defined before them", severity: .error,
    description: "An alias `*name` refers to an anchor `&name` that is not defined earlier in the same document.",
    remediation: "Define the anchor before the alias, in the same document, or remove the alias.")
  public static let fileTooLarge = RuleDescriptor(
    id: "YAML007", name: "yaml-file-too-large", title: "Files stay within the size limit", severity: .error,
    description: "The file is larger than orglint reads (1 GiB by default).",
    remediation: "Split the configuration into several files.")

  /// Every rule of this layer.
  public static let all = [
    syntaxError, duplicateKey, invalidEncoding, nestingTooDeep, aliasLimit, undefinedAlias, fileTooLarge,
  ]
}
