import Diagnostics

/// The findings about rule files and rule evaluation. Problems in rule files stop orglint before any input is read
/// (exit code 2); an evaluation error is reported as a finding of the input.
public enum RuleFileRules {
  public static let unknownField = RuleDescriptor(
    id: "RULE001", name: "rule-unknown-field", title: "Rule files use only the documented fields", severity: .error,
    description: "A rule file has a field the rule format does not define; it is probably misspelled.",
    remediation: "Use one of the fields listed in Docs/writing-rules.md.")
  public static let missingField = RuleDescriptor(
    id: "RULE002", name: "rule-missing-field", title: "Rule files have every required field", severity: .error,
    description: "A rule needs `id`, `name`, `title`, `severity`, `scope`, `assert` and `message`.",
    remediation: "Add the missing field.")
  public static let invalidValue = RuleDescriptor(
    id: "RULE003", name: "rule-invalid-value", title: "Rule fields have valid values", severity: .error,
    description: "A rule field has a value of the wrong type or outside its allowed values (an id that is not "
      + "letters and digits, a name that is not kebab-case, an unknown severity or scope...).",
    remediation: "Fix the value as the message says.")
  public static let duplicateRule = RuleDescriptor(
    id: "RULE004", name: "rule-duplicate-id", title: "Rule ids and names are unique", severity: .error,
    description: "Two rules share an id or a name. User rules may not reuse built-in ids or names.",
    remediation: "Rename one of the rules.")
  public static let expressionError = RuleDescriptor(
    id: "RULE005", name: "rule-expression-error", title: "Rule expressions parse and type-check", severity: .error,
    description: "A `when`, `assert` or `{{ }}` expression does not parse, or does not type-check against the "
      + "model (Docs/model.md): an unknown variable or field, or operands of the wrong type.",
    remediation: "Fix the expression; `orglint eval` helps to try it against a organization set.")
  public static let badLocation = RuleDescriptor(
    id: "RULE006", name: "rule-unknown-location", title: "Rule locations are model paths", severity: .error,
    description: "A rule's `location` must be a path of the model starting at the scope's variable, such as "
      + "`account.root.passwordRecovery`.",
    remediation: "Use a path from Docs/model.md.")
  public static let badExample = RuleDescriptor(
    id: "RULE007", name: "rule-invalid-example", title: "Rule examples are well formed", severity: .error,
    description: "A rule example needs a `config` and an `expect` (`pass`, or a list of findings with `at` and "
      + "`message`).",
    remediation: "Fix the example as the message says.")
  public static let evaluationError = RuleDescriptor(
    id: "RULE009", name: "rule-evaluation-error", title: "Rules evaluate without errors", severity: .error,
    description: "A rule's expression failed at run time for one item (for example a missing map key, or a value "
      + "of an unexpected type behind `dyn`). The item was neither passed nor failed by the rule.",
    remediation: "Fix the rule (use `has()` for optional fields), or the input it tripped on.")

  public static let costBudgetExceeded = RuleDescriptor(
    id: "RULE010", name: "rule-cost-budget-exceeded", title: "Rules stay within their evaluation budget",
    severity: .error,
    description: "A rule spent more than its evaluation budget for the whole run (10,000,000 CEL steps over all its "
      + "items; one item may spend 1,000,000). A rule that scans every account for every account, such as "
      + "`accounts.exists(a, a.email == account.email)` in account scope, is quadratic: on 20,000 accounts it would "
      + "take minutes. The rule was stopped and its findings are incomplete, so the run fails.",
    remediation: "Make the rule linear: narrow it with `when`, compare against a precomputed value, or check the "
      + "whole set once in organization scope instead of once per item.")

  /// Every id this layer reports.
  public static let all = [
    unknownField, missingField, invalidValue, duplicateRule, expressionError, badLocation, badExample,
    evaluationError, costBudgetExceeded,
  ]
}
