import Diagnostics
import LocatedYAML
import RuleEngine

extension OrglintConfig {
  /// The rule settings checked against the rules in force: each names a rule by id (any case) or name (CONFIG003
  /// otherwise, with a did-you-mean), is given once, and overrides only declared parameters with values of their
  /// type (CONFIG004). Returns the effective configuration of every configured rule, by rule id.
  public func resolve(against rules: [Rule]) -> (configurations: [String: RuleConfiguration], findings: [Finding]) {
    let lookup = RuleLookup(rules: rules)
    var configurations: [String: RuleConfiguration] = [:]
    var firstSetting: [String: RuleSetting] = [:]
    var findings: [Finding] = []
    for setting in self.rules {
      guard let rule = lookup.rule(setting.rule) else {
        findings.append(
          Finding(AdoptionRules.unknownRule, "unknown rule '\(setting.rule)'" + lookup.hint(for: setting.rule),
            path: setting.path, range: setting.range))
        continue
      }
      if let first = firstSetting[rule.id] {
        findings.append(
          Finding(AdoptionRules.invalidValue, "rule \(rule.id) is already configured at line \(first.range.start.line)"
            + (first.rule == setting.rule ? "" : " (as '\(first.rule)')"), path: setting.path, range: setting.range))
        continue
      }
      firstSetting[rule.id] = setting
      var configuration = RuleConfiguration(ruleId: rule.id, enabled: setting.enabled, severity: setting.severity)
      for param in setting.params {
        guard let declared = rule.params.first(where: { $0.name == param.name }) else {
          let names = rule.params.map(\.name)
          let message = names.isEmpty
            ? "rule \(rule.id) has no parameters"
            : "rule \(rule.id) has no parameter '\(param.name)'" + DidYouMean.hint(for: param.name, among: names)
          findings.append(Finding(AdoptionRules.invalidParam, message, path: setting.path,
            range: param.doc.range(param.key)))
          continue
        }
        guard let value = ParamsParser.typed(param.value, as: declared.kind, param.doc) else {
          let written = param.doc.kind(param.value) == .scalar ? "'\(param.doc.scalar(param.value))'" : "a collection"
          findings.append(
            Finding(AdoptionRules.invalidParam,
              "parameter '\(param.name)' of \(rule.id) must be a \(declared.kind.rawValue), not \(written)",
              path: setting.path, range: param.doc.range(param.value)))
          continue
        }
        configuration.params[param.name] = value
      }
      configurations[rule.id] = configuration
    }
    return (configurations, findings)
  }

  /// Only the findings of `resolve(against:)`.
  public func validate(against rules: [Rule]) -> [Finding] { resolve(against: rules).findings }
}

/// Finds rules by id (any case) or name, and suggests the closest for a miss.
public struct RuleLookup: Sendable {
  /// A rule's id and how it may be suppressed.
  public struct Entry: Hashable, Sendable {
    public var id: String
    public var suppressible: Suppressibility
    public init(id: String, suppressible: Suppressibility) {
      self.id = id
      self.suppressible = suppressible
    }
  }

  private var byKey: [String: Entry] = [:]
  private var rulesById: [String: Rule] = [:]
  private var names: [String] = []

  /// The rules in force, and other ids that findings can carry (the loader's YAML001, SCHEMA001...), which are
  /// suppressible.
  public init(rules: [Rule], others: [RuleDescriptor] = []) {
    for rule in rules {
      rulesById[rule.id.uppercased()] = rule
      add(Entry(id: rule.id, suppressible: rule.suppressible), id: rule.id, name: rule.name)
    }
    for d in others where byKey[d.id.uppercased()] == nil {
      add(Entry(id: d.id, suppressible: .true), id: d.id, name: d.name)
    }
  }

  private mutating func add(_ entry: Entry, id: String, name: String) {
    byKey[id.uppercased()] = entry
    byKey[name] = entry
    names += [id, name]
  }

  /// The entry for an id (any case) or a name.
  public func entry(_ idOrName: String) -> Entry? { byKey[idOrName] ?? byKey[idOrName.uppercased()] }

  func rule(_ idOrName: String) -> Rule? { entry(idOrName).flatMap { rulesById[$0.id.uppercased()] } }

  /// `; did you mean 'x'?` among every id and name, or "".
  public func hint(for word: String) -> String { DidYouMean.hint(for: word, among: names) }
}
