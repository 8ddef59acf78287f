import Diagnostics
import Dispatch
import LocatedYAML

/// Loads an organization set (the orglint/v1 documents under a root; `.orglint.yaml` is the *configuration*, read by `ConfigLoader`): finds its files, reads and parses them in parallel, decodes the orglint documents and links
/// the model.
public enum OrgSetLoader {
  /// Loads the set under `paths` (folders walked for `*.yaml` / `*.yml`; see `Discovery`). When some paths are
  /// files, the whole set under their root is loaded for context and only the named files are reported.
  /// Never throws: unreadable paths are listed in `unreadable`.
  /// `include`, when given, keeps only the files whose absolute path it accepts (the config file's include/exclude).
  /// `overrides` maps absolute paths to bytes read in their place (an editor's unsaved buffers, `orglint server`).
  public static func load(
    paths: [String], limits: YAMLLimits = YAMLLimits(), include: (@Sendable (String) -> Bool)? = nil,
    overrides: [String: [UInt8]] = [:], dialect: DialectChoice = .auto
  ) -> LoadedSet {
    var found = Discovery.find(paths: paths)
    if let include {
      found.files = found.files.filter { include($0.absolutePath) }
      let kept = Set(found.files.map(\.displayPath))
      found.namedFiles = found.namedFiles?.filter { kept.contains($0) }
    }
    let results = parallelMap(found.files) { file -> Result<FileResult, SourceFileError> in
      do {
        if let bytes = overrides[file.absolutePath] {
          return .success(FileResult(YAMLReader.read(SourceFile(path: file.displayPath, bytes: bytes), limits: limits)))
        }
        let source = try SourceFile.read(path: file.absolutePath, displayPath: file.displayPath)
        return .success(FileResult(YAMLReader.read(source, limits: limits)))
      } catch let error as SourceFileError {
        return .failure(error)
      } catch {
        return .failure(SourceFileError(path: file.displayPath, reason: "\(error)"))
      }
    }
    var files: [FileResult] = []
    var unreadable = found.unreadable
    /// The files with a dialect's fixed names, by folder (absolute) and name, for finding a dialect's folder (only
    /// those: a set of one file per account would hold every file here a second time).
    var byFolder: [String: [String: (File: Discovery.File, yaml: YAMLFile)]] = [:]
    let readsLZA = dialect.reads(.lza)
    for (file, r) in zip(found.files, results) {
      switch r {
      case .success(let f):
        files.append(f)
        // Every LZA file name ends in `-config.yaml`: a cheap test before splitting the path.
        guard readsLZA, file.absolutePath.hasSuffix("-config.yaml") else { continue }
        let (folder, name) = Self.split(file.absolutePath)
        if LZADialect.fileNames.contains(name) { byFolder[folder, default: [:]][name] = (file, f.yaml) }
      case .failure(let e): unreadable.append(e)
      }
    }
    var lza: DialectResult?
    // The first LZA config folder in path order (a set is one organization).
    if readsLZA, let (folder, named) = byFolder.filter({ LZADialect.isConfigFolder(Set($0.value.keys)) })
      .min(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
    {
      let any = named.first!.value
      let shown = String(any.File.displayPath.dropLast(Self.split(any.File.absolutePath).name.utf8.count))
      lza = LZADialect.decode(
        files: named.mapValues(\.yaml), folder: shown.hasSuffix("/") ? String(shown.dropLast()) : shown,
        absoluteFolder: folder, limits: limits)
    }
    return merge(
      files, root: found.root, unreadable: unreadable, skipped: found.skipped,
      reportedPaths: found.namedFiles.map { Set($0) }, dialect: lza, choice: dialect)
  }

  /// A path's folder and file name.
  static func split(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[..<slash]), String(path[path.index(after: slash)...]))
  }

  /// Loads a set from files already in memory (rule examples, tests, stdin), in the order given.
  public static func load(sources: [SourceFile], limits: YAMLLimits = YAMLLimits()) -> LoadedSet {
    let files = parallelMap(sources) { source in FileResult(YAMLReader.read(source, limits: limits)) }
    return merge(files, root: nil, unreadable: [], reportedPaths: nil)
  }

  /// IO002 for a folder entry that is not a regular file.
  public static func skippedFinding(_ entry: SourceFileError) -> Finding {
    Finding(ModelRules.skippedSpecialFile, "skipped: \(entry.reason)", path: entry.path, range: nil)
  }

  /// Merges the files' documents in order and links the model.
  static func merge(
    _ perFile: [FileResult], root: String?, unreadable: [SourceFileError], skipped: [SourceFileError] = [],
    reportedPaths: Set<String>?, dialect: DialectResult? = nil, choice: DialectChoice = .auto
  ) -> LoadedSet {
    var findings: [Finding] = skipped.map(Self.skippedFinding) + (dialect?.findings ?? [])
    // Declared (a dialect's folder or template) and observed (orglint/v1 documents, as `orglint import aws` writes).
    var declaredOrg: Organization? = dialect?.organization
    var declared: [Account] = dialect?.accounts ?? []
    var observedOrg: Organization?
    var observed: [Account] = []
    var documents = dialect == nil ? 0 : 1
    var dialectName: String? = dialect == nil ? nil : "lza"
    var tasks: [PrivilegedTask] = []
    observed.reserveCapacity(perFile.reduce(0) { $0 + $1.accountCount })
    tasks.reserveCapacity(perFile.reduce(0) { $0 + $1.taskCount })
    func second(_ first: Organization, _ org: Organization, _ what: String) -> Finding {
      let at = first.origin.location
      let here = org.origin.location
      return Finding(
        ModelRules.duplicateOrganization,
        "a second \(what); the set's Organization is defined at \(at.path):\(at.range.start.line), so this one "
          + "(with its \(what == "Organization document" ? "inline accounts and tasks" : "accounts")) is left out",
        path: here.path, range: SourceRange(at: here.range.start))
    }
    for file in perFile {
      findings.append(contentsOf: file.yaml.findings)
      for document in file.yaml.documents where choice.reads(.orgFormation) && OrgFormationDialect.isTemplate(document) {
        let template = OrgFormationDialect.decode(document)
        documents += 1
        findings += template.findings
        if let org = template.organization {
          if let first = declaredOrg {
            findings.append(second(first, org, "organization (an org-formation template)"))
            continue
          }
          declaredOrg = org
        }
        declared += template.accounts
        dialectName = dialectName ?? "org-formation"
      }
      for doc in file.decoders where choice.reads(.orglint) {
        documents += 1
        findings.append(contentsOf: doc.findings)
        if let org = doc.organizations.first {
          if let first = observedOrg {
            findings.append(second(first, org, "Organization document"))
            continue
          }
          observedOrg = org
        }
        observed.append(contentsOf: doc.accounts)
        tasks.append(contentsOf: doc.tasks)
      }
    }
    let organization: Organization?
    let accounts: [Account]
    if declaredOrg != nil || !declared.isEmpty, observedOrg != nil || !observed.isEmpty {
      var drift = DeclaredObserved(declared: declared, observed: observed, observedOrg: observedOrg)
      accounts = drift.combine()
      findings += drift.findings
      organization = observedOrg ?? declaredOrg
    } else {
      organization = declaredOrg ?? observedOrg
      accounts = declared + observed
    }
    var linker = Linker()
    linker.link(organization: organization, accounts: accounts, tasks: tasks)
    findings.append(contentsOf: linker.findings)
    return LoadedSet(
      root: root, files: perFile.map(\.yaml) + (dialect?.extraFiles ?? []), dialect: dialectName,
      organizationDocuments: documents, organization: organization, accounts: linker.accounts,
      byId: linker.accountsById, tasks: tasks, findings: findings, unreadable: unreadable + (dialect?.unreadable ?? []),
      reportedPaths: reportedPaths)
  }
}

/// One file, read and decoded.
struct FileResult: Sendable {
  let yaml: YAMLFile
  let decoders: [DecodedDocument]

  init(_ yaml: YAMLFile) {
    self.yaml = yaml
    var out: [DecodedDocument] = []
    for (i, document) in yaml.documents.enumerated() {
      let decoder = ModelDecoder(document: ModelDocument(document, index: i))
      if decoder.decodeDocument() { out.append(DecodedDocument(decoder)) }
    }
    decoders = out
  }

  var accountCount: Int { decoders.reduce(0) { $0 + $1.accounts.count } }
  var taskCount: Int { decoders.reduce(0) { $0 + $1.tasks.count } }
}

/// The output of decoding one document.
struct DecodedDocument: Sendable {
  let organizations: [Organization]
  let accounts: [Account]
  let tasks: [PrivilegedTask]
  let findings: [Finding]

  init(_ d: ModelDecoder) {
    organizations = d.organizations
    accounts = d.accounts
    tasks = d.tasks
    findings = d.findings
  }
}

/// `transform` over `items` on all cores (`DispatchQueue.concurrentPerform`), results in the items' order.
func parallelMap<T, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] where T: Sendable {
  if items.count <= 1 { return items.map(transform) }
  let slots = Slots<R>(count: items.count)
  DispatchQueue.concurrentPerform(iterations: items.count) { i in
    slots.set(i, transform(items[i]))
  }
  return slots.values()
}

/// Result slots written by concurrent iterations, each to its own index.
private final class Slots<R>: @unchecked Sendable {
  private var storage: UnsafeMutableBufferPointer<R?>

  init(count: Int) {
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil)
  }

  deinit {
    storage.deinitialize()
    storage.deallocate()
  }

  func set(_ i: Int, _ value: R) { storage[i] = value }

  func values() -> [R] { storage.map { $0! } }
}
