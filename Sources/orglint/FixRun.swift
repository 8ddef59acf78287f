import Adoption
import Diagnostics
import RuleEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `orglint lint --fix`: the fixes of a run's findings, file by file, applied in place or shown as a diff.
///
/// Only findings that count (not suppressed, not in the baseline) of the reported files are fixed, so a file named on
/// the command line is fixed and the rest of its set, read for context, is not. Each finding's first fix is taken;
/// a fix that overlaps another one of its file is left out and named (a second run applies it). A file is written
/// only when it is still the file read: a regular file (a symlink is followed, the link stays, as for `--output`),
/// the same device and inode, the same bytes, and writable (a read-only file is left alone); then atomically, all of
/// its fixes or none.
struct FixRun {
  /// One file's fixes.
  struct FileFixes {
    let source: SourceFile
    let findings: [Finding]
    let result: AppliedFixes
    var changes: Bool { !result.edits.isEmpty }
  }

  let files: [FileFixes]

  /// The fixes of `result`'s findings, grouped by file in path order. `recordingBaseline`: the run records a new
  /// baseline (`--write-baseline`), which marks every finding as in it; they are fixed all the same (unless
  /// suppressed), and the baseline records what remains.
  init(_ result: LintResult, recordingBaseline: Bool) {
    var byPath: [String: [Finding]] = [:]
    for finding in result.findings where !finding.fixes.isEmpty {
      guard finding.isActive || (recordingBaseline && finding.suppression == nil) else { continue }
      guard let path = finding.path, result.sources[path] != nil else { continue }
      byPath[path, default: []].append(finding)
    }
    files = byPath.keys.sorted().map { path in
      let findings = byPath[path]!.sorted(by: Finding.reportOrder)
      let source = result.sources[path]!
      return FileFixes(source: source, findings: findings, result: Fix.apply(findings.map { $0.fixes[0] }, to: source.bytes))
    }
  }

  /// Findings fixed (or that would be) and the files they are in.
  var counts: (findings: Int, files: Int) {
    let changed = files.filter(\.changes)
    return (changed.reduce(0) { $0 + $1.result.applied.count }, changed.count)
  }

  /// The unified diff of every file that would change.
  var diff: String {
    files.filter(\.changes).map { UnifiedDiff.render($0.source, edits: $0.result.edits) }.joined()
  }

  /// Notes on standard error for the fixes left out because they overlap another one.
  func reportConflicts() {
    for file in files {
      for i in file.result.conflicting {
        let f = file.findings[i]
        let at = f.range.map { ":\($0.start)" } ?? ""
        standardError(
          "orglint: note: \(file.source.path)\(at): \(f.ruleId) not fixed: '\(f.fixes[0].description)' overlaps "
            + "another fix; run --fix again")
      }
    }
  }

  /// Writes every file that changes, each said on standard error; the findings fixed and files written, and whether
  /// a file could not be written.
  func write() -> (findings: Int, files: Int, failed: Bool) {
    var findings = 0
    var written = 0
    var failed = false
    for file in files where file.changes {
      do {
        try Self.write(file.result.bytes, over: file.source)
        let fixed = file.result.applied.map { file.findings[$0] }
        let what = fixed.map { f in f.ruleId + (f.range.map { " at \($0.start)" } ?? "") }.joined(separator: ", ")
        standardError("orglint: fixed \(file.source.path): \(what)")
        findings += fixed.count
        written += 1
      } catch {
        standardError("orglint: error: cannot fix \(file.source.path): \(error.reason)")
        failed = true
      }
    }
    return (findings, written, failed)
  }

  /// `3 findings in 2 files`.
  static func summary(findings: Int, files: Int) -> String {
    "\(findings) finding\(findings == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
  }

  /// Why a file was not written.
  struct NotWritten: Error {
    let reason: String
  }

  /// Replaces `source`'s file with `bytes` if it is still the file that was read (see the type's comment).
  static func write(_ bytes: [UInt8], over source: SourceFile) throws(NotWritten) {
    guard let identity = source.identity else { throw NotWritten(reason: "it was not read from a file") }
    let target: OutputTarget
    do { target = try OutputTarget(source.path) } catch { throw NotWritten(reason: error.reason) }
    guard target.kind == .replaced, let existing = target.existing else {
      throw NotWritten(reason: "it is not a regular file")
    }
    guard target.identity == identity else { throw NotWritten(reason: "it was replaced since orglint read it") }
    let writable = FilePath.withSystemPath(target.resolvedPath) { access($0, W_OK) } == 0
    guard existing.st_mode & 0o222 != 0, writable else {
      throw NotWritten(reason: "it is read-only; orglint changes only files it may write")
    }
    guard let now = try? SourceFile.read(path: source.path), now.bytes == source.bytes else {
      throw NotWritten(reason: "it changed since orglint read it")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw NotWritten(reason: "the fixed text would not be UTF-8")
    }
    do { try AtomicFileWriter.write(text, to: source.path) } catch { throw NotWritten(reason: error.reason) }
  }
}
