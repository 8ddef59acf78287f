import Diagnostics
import LocatedYAML
import OrgModel
import RuleEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds and reads `.orglint.yaml`. Every problem is a located finding (CONFIG001–CONFIG004, exit code 2).
public enum ConfigLoader {
  public static let fileName = ".orglint.yaml"
  static let keys = ["include", "exclude", "rules", "rulePaths", "failOn", "minCoverage", "baseline", "suppressions", "dialect"]

  /// The nearest `.orglint.yaml` in the folder of the first linted path (the path itself when it is a folder) or
  /// any folder above it, up to the file system root; nil when there is none.
  public static func discover(from paths: [String], cwd: String? = nil) -> String? {
    let base = cwd ?? FilePath.currentDirectory()
    var folder = FilePath.absolute(paths.first ?? ".", cwd: base)
    if !isDirectory(folder) { folder = FilePath.parent(of: folder) }
    while true {
      let candidate = folder == "/" ? "/" + fileName : folder + "/" + fileName
      if isRegularFile(candidate) { return candidate }
      if folder == "/" { return nil }
      folder = FilePath.parent(of: folder)
    }
  }

  /// Reads and parses the config file at `path`; nil (with an IO001 or CONFIG002 finding) when it cannot be read.
  public static func load(path: String, cwd: String? = nil) -> (config: OrglintConfig?, findings: [Finding]) {
    do {
      return parse(try SourceFile.read(path: path), cwd: cwd)
    } catch let error as SourceFileError {
      return (nil, [RuleLoader.ioFinding(error)])
    } catch {
      return (nil, [Finding(AdoptionRules.invalidValue, "cannot read the config file", path: path, range: nil)])
    }
  }

  /// Parses a config file's text. The config is nil only when the file is not YAML or not one mapping; otherwise it
  /// holds every valid part, and `findings` lists the rest (the CLI stops with exit code 2 on any of them).
  public static func parse(_ source: SourceFile, cwd: String? = nil) -> (config: OrglintConfig?, findings: [Finding]) {
    let directory = FilePath.parent(of: FilePath.absolute(source.path, cwd: cwd ?? FilePath.currentDirectory()))
    var config = OrglintConfig(path: source.path, directory: directory)
    let yaml = YAMLReader.read(source)
    let start = SourceRange(at: source.location(atByteOffset: 0))
    guard yaml.findings.isEmpty else {
      let problems = yaml.findings.map {
        Finding(AdoptionRules.invalidValue, $0.message, path: $0.path, range: $0.range)
      }
      return (nil, problems)
    }
    guard yaml.documents.count <= 1 else {
      return (nil, [Finding(AdoptionRules.invalidValue, "the config file holds one YAML document", path: source.path,
        range: start)])
    }
    guard let doc = yaml.documents.first, let root = doc.root, !doc.isNull(root) else { return (config, []) }
    guard doc.kind(root) == .mapping else {
      return (nil, [Finding(AdoptionRules.invalidValue, "the config file must be a mapping of keys (include, rules, "
        + "failOn, ...)", path: source.path, range: doc.range(root))])
    }
    var findings: [Finding] = []
    let m = ConfigReader(doc, root, known: keys, context: "the config file", &findings)
    config.include = m.globs("include", &findings)
    config.exclude = m.globs("exclude", &findings)
    config.rulePaths = m.strings("rulePaths", &findings).map { FilePath.beside(source.path, $0) }
    config.baseline = m.string("baseline", &findings).map { FilePath.beside(source.path, $0) }
    if let text = m.string("failOn", &findings) {
      config.failOn = FailOn(rawValue: text)
      if config.failOn == nil {
        m.report(AdoptionRules.invalidValue, "failOn '\(text)' is not one of error, warning, note, never"
          + DidYouMean.hint(for: text, among: FailOn.allCases.map(\.rawValue)), at: m.value("failOn")!, &findings)
      }
    }
    if let text = m.string("dialect", &findings) {
      config.dialect = DialectChoice(rawValue: text)
      if config.dialect == nil {
        let names = DialectChoice.allCases.map(\.rawValue)
        m.report(AdoptionRules.invalidValue, "dialect '\(text)' is not one of \(names.joined(separator: ", "))"
          + DidYouMean.hint(for: text, among: names), at: m.value("dialect")!, &findings)
      }
    }
    if let text = m.string("minCoverage", &findings) {
      if let percent = MinCoverage.parse(text) {
        config.minCoverage = MinCoverage(
          percent: percent, path: source.path, range: doc.range(m.anchor("minCoverage")))
      } else {
        m.report(
          AdoptionRules.invalidValue, "minCoverage '\(text)' is not a percentage from 0 to 100, such as 90",
          at: m.value("minCoverage")!, &findings)
      }
    }
    config.rules = RuleSettingsParser.parse(m, &findings)
    config.suppressions = CentralSuppressionsParser.parse(m, &findings)
    return (config, findings)
  }

  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }

  static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
  }
}
