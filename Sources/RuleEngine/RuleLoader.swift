import Diagnostics
import OrgModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds and parses rule files: the built-ins, then user rule folders. Ids and names must be unique across all.
public enum RuleLoader {
  /// The rules in force and the problems found; any problem means the rules cannot be used (exit code 2).
  public static func load(userRuleDirectories: [String], includeBuiltins: Bool = true) -> (
    rules: [Rule], findings: [Finding]
  ) {
    var (rules, findings) = includeBuiltins ? BuiltinRules.load() : ([], [])
    var sources: [SourceFile] = []
    for dir in userRuleDirectories {
      do {
        var skipped: [SourceFileError] = []
        let paths = try ruleFiles(in: dir, skipped: &skipped)
        findings += skipped.map(OrgSetLoader.skippedFinding)
        for path in paths {
          do {
            sources.append(try SourceFile.read(path: path))
          } catch let error as SourceFileError {
            findings.append(ioFinding(error))
          }
        }
      } catch let error as SourceFileError {
        findings.append(ioFinding(error))
      } catch {}
    }
    for source in sources {
      let (rule, problems) = RuleFileParser.parse(source, isBuiltin: false)
      findings += problems
      if let rule { rules.append(rule) }
    }
    findings += duplicates(rules)
    return (rules, findings)
  }

  /// Ids and names used twice (user rules may not reuse built-in ones), reported at the later rule.
  static func duplicates(_ rules: [Rule]) -> [Finding] {
    var seen: [String: Rule] = [:]
    var findings: [Finding] = []
    for rule in rules {
      for key in Set([rule.id.uppercased(), rule.name]) {
        if let first = seen[key] {
          let what = key == rule.name ? "name '\(rule.name)'" : "id '\(rule.id)'"
          findings.append(
            Finding(RuleFileRules.duplicateRule, "rule \(what) is already used by \(first.path)", path: rule.path,
              range: SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0))))
        } else {
          seen[key] = rule
        }
      }
    }
    return findings
  }

  /// `*.yaml` / `*.yml` files in a folder and its subfolders (hidden ones skipped), sorted; a file path is itself.
  /// YAML-named entries that are not regular files (FIFOs, devices, sockets) go to `skipped`, dangling symlinks and
  /// entries that cannot be examined throw.
  static func ruleFiles(in path: String, skipped: inout [SourceFileError]) throws -> [String] {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw SourceFileError(path: path, reason: String(cString: strerror(errno)))
    }
    guard info.st_mode & S_IFMT == S_IFDIR else { return [path] }
    guard let dir = opendir(path) else {
      throw SourceFileError(path: path, reason: String(cString: strerror(errno)))
    }
    defer { closedir(dir) }
    var out: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if name.hasPrefix(".") { continue }
      let full = path.hasSuffix("/") ? path + name : path + "/" + name
      let isYAMLName = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
      var sub = stat()
      guard stat(full, &sub) == 0 else {
        if isYAMLName { throw SourceFileError(path: full, reason: String(cString: strerror(errno))) }
        continue
      }
      switch sub.st_mode & S_IFMT {
      case S_IFDIR: out += try ruleFiles(in: full, skipped: &skipped)
      case S_IFREG where isYAMLName: out.append(full)
      default:
        if isYAMLName {
          skipped.append(SourceFileError(path: full, reason: "is \(FileKind.describe(sub)), not a regular file"))
        }
      }
    }
    return out.sorted()
  }

  package static func ioFinding(_ error: SourceFileError) -> Finding {
    Finding(RunRules.unreadablePath, "cannot read: \(error.reason)", path: error.path, range: nil)
  }
}
