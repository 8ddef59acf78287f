import Diagnostics
import OrgModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Today's findings recorded by fingerprint (rule id + entity path, never a line), so that a later run reports only
/// new findings. The file is JSON, one entry per line, sorted by fingerprint: stable and diff-friendly.
///
/// Matching keys only on the fingerprint and is count-aware: with 2 entries of a fingerprint and 3 findings, one
/// finding is new. Entries that match nothing are stale (BASE001 notes, SARIF `absent`).
public struct Baseline: Hashable, Sendable {
  /// One fingerprint and how many findings had it.
  public struct Entry: Hashable, Sendable {
    public var fingerprint: String
    public var ruleId: String
    /// The entity path (`account/333333333333/root.password`).
    public var entity: String
    /// The first finding's message, for people reading the file.
    public var message: String
    public var count: Int
    /// Where the entry is in the baseline file, when parsed from one.
    public var location: SourceLocation?

    public init(
      fingerprint: String, ruleId: String, entity: String, message: String, count: Int,
      location: SourceLocation? = nil
    ) {
      self.fingerprint = fingerprint
      self.ruleId = ruleId
      self.entity = entity
      self.message = message
      self.count = count
      self.location = location
    }
  }

  public static let version = 1
  /// Sorted by fingerprint.
  public var entries: [Entry]
  /// The file it was read from, for the stale notes.
  public var path: String?

  public init(entries: [Entry], path: String? = nil) {
    self.entries = entries
    self.path = path
  }

  /// The baseline of `findings`: those with a fingerprint that are not suppressed and not about suppressions or
  /// baselines themselves (those stay governed), grouped by fingerprint.
  public init(recording findings: [Finding]) {
    let adoptionIds = Set(AdoptionRules.all.map(\.id))
    var byFingerprint: [String: Entry] = [:]
    var first: [String: Finding] = [:]
    for f in findings {
      guard let fp = f.fingerprint, f.suppression == nil, !adoptionIds.contains(f.ruleId) else { continue }
      if let known = first[fp] {
        byFingerprint[fp]!.count += 1
        // The message of the first finding in report order, whatever the input order.
        if Finding.reportOrder(f, known) {
          first[fp] = f
          byFingerprint[fp]!.message = f.message
        }
        continue
      }
      first[fp] = f
      let prefix = f.ruleId + ":"
      let entity = fp.hasPrefix(prefix) ? String(fp.dropFirst(prefix.count)) : (f.logicalLocation ?? "")
      byFingerprint[fp] = Entry(fingerprint: fp, ruleId: f.ruleId, entity: entity, message: f.message, count: 1)
    }
    self.init(entries: byFingerprint.values.sorted { $0.fingerprint < $1.fingerprint })
  }

  /// `findings` with a fingerprint on each format and model finding (SCHEMA…, MODEL…, REF…), which the loader reports
  /// without one: `SCHEMA002:file/accounts/prod.yaml:<message>`, the file relative to `root` (the config file's
  /// folder, else the set's root, so the folder orglint runs from does not matter) and the message, never a line.
  /// YAML… findings keep none: a file that is not valid YAML is not read, so it cannot be baselined.
  public static func fingerprintLoaderFindings(_ findings: [Finding], root: String?, cwd: String) -> [Finding] {
    let ids = Set(ModelRules.all.map(\.id)).subtracting([ModelRules.skippedSpecialFile.id])
    return findings.map { f in
      guard f.fingerprint == nil, ids.contains(f.ruleId), let path = f.path else { return f }
      var file = path
      if let root {
        let absolute = FilePath.absolute(path, cwd: cwd)
        if absolute.hasPrefix(root + "/") { file = String(absolute.dropFirst(root.count + 1)) }
      }
      var out = f
      out.fingerprint = "\(f.ruleId):file/\(file):\(f.message)"
      return out
    }
  }

  /// True when something exists at `path` (a configured baseline that is missing is not an error).
  public static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  /// The baseline file's text for `findings` (`--write-baseline`); the CLI writes it atomically.
  public static func render(_ findings: [Finding]) -> String {
    Baseline(recording: findings).rendered
  }

  /// This baseline as file text: fixed key order, one entry per line, a trailing newline.
  public var rendered: String {
    var out = "{\n  \"version\": \(Self.version),\n  \"findings\": ["
    for (i, e) in entries.enumerated() {
      out += i == 0 ? "\n" : ",\n"
      out += "    {\"fingerprint\": \(JSONText.quoted(e.fingerprint)), "
        + "\"ruleId\": \(JSONText.quoted(e.ruleId)), "
        + "\"entity\": \(JSONText.quoted(e.entity)), \"message\": \(JSONText.quoted(e.message)), "
        + "\"count\": \(e.count)}"
    }
    out += entries.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
    return out
  }

  /// `findings` with `baselineState` set (`unchanged` for those the baseline covers, `new` otherwise; same order),
  /// and one BASE001 note (`absent`) per entry whose count was not used up.
  public func apply(to findings: [Finding]) -> (findings: [Finding], stale: [Finding]) {
    var remaining: [String: Int] = [:]
    for e in entries { remaining[e.fingerprint, default: 0] += e.count }
    let totals = remaining
    // Where there are more findings of a fingerprint than entries, unsuppressed findings claim entries first, then
    // report order decides which are new; elsewhere every finding is covered and no order is needed.
    let adoptionIds = Set(AdoptionRules.all.map(\.id))
    var seen: [String: Int] = [:]
    for f in findings { if let fp = f.fingerprint, !adoptionIds.contains(f.ruleId) { seen[fp, default: 0] += 1 } }
    var out = findings
    var contested: [String: [Int]] = [:]
    for (i, f) in findings.enumerated() {
      guard let fp = f.fingerprint, !adoptionIds.contains(f.ruleId), let left = remaining[fp], left > 0 else {
        out[i].baselineState = .new
        continue
      }
      if seen[fp]! <= left {
        out[i].baselineState = .unchanged
      } else {
        contested[fp, default: []].append(i)
      }
    }
    for (fp, indices) in contested {
      let order = indices.sorted { a, b in
        let (fa, fb) = (findings[a], findings[b])
        if (fa.suppression == nil) != (fb.suppression == nil) { return fa.suppression == nil }
        return Finding.reportOrder(fa, fb)
      }
      let covered = remaining[fp]!
      for (rank, i) in order.enumerated() { out[i].baselineState = rank < covered ? .unchanged : .new }
    }
    for (fp, count) in seen where remaining[fp] != nil { remaining[fp] = max(0, remaining[fp]! - count) }
    var stale: [Finding] = []
    var reported = Set<String>()
    for e in entries where !reported.contains(e.fingerprint) {
      reported.insert(e.fingerprint)
      guard let left = remaining[e.fingerprint], left > 0 else { continue }
      let total = totals[e.fingerprint] ?? left
      let how = left == total
        ? "no longer matches a finding; rewrite the baseline with --write-baseline to drop it"
        : "matches \(total - left) finding(s) now, not \(total); rewrite the baseline with --write-baseline"
      var note = Finding(
        AdoptionRules.staleBaseline, "baseline entry \(e.fingerprint) \(how)",
        path: path, range: e.location.map { SourceRange(at: $0) })
      note.fingerprint = "\(AdoptionRules.staleBaseline.id):\(e.fingerprint)"
      note.baselineState = .absent
      stale.append(note)
    }
    return (out, stale)
  }
}
