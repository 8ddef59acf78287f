import Adoption
import CEL
import Diagnostics
import Foundation
import OrgModel

@testable import AWSImport

/// Test helpers: the fixture folders and scratch copies of them.
enum Fixtures {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let full = root.appendingPathComponent("export-full")
  static let fullExpected = root.appendingPathComponent("export-full.expected")
  /// Examples/well-run-export: a well-run organization's export (its make_export.py and README are not export files).
  static let wellRun = root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Examples/well-run-export")

  /// A fresh temporary folder (removed by the caller with `cleanUp`).
  static func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("orglint-awsimport-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A scratch copy of export-full.
  static func copyOfFull() throws -> URL {
    let url = try scratch()
    try FileManager.default.removeItem(at: url)
    try FileManager.default.copyItem(at: full, to: url)
    return url
  }

  static func write(_ text: String, to relative: String, in folder: URL) throws {
    let url = folder.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  static func cleanUp(_ url: URL) {
    try? FileManager.default.removeItem(at: url)
  }

  /// Every regular file under `folder`, relative paths sorted.
  static func files(in folder: URL) -> [String] {
    let base = folder.standardizedFileURL.path
    let walker = FileManager.default.enumerator(atPath: base)
    var found: [String] = []
    while let path = walker?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
        found.append(path)
      }
    }
    return found.sorted()
  }
}

/// A finding as tests compare it: `IMPORT002 path:line:col message`.
func summary(_ result: AWSImportResult) -> [String] {
  result.findings.map { f in
    let place = f.range.map { ":\($0.start.line):\($0.start.column)" } ?? ""
    return "\(f.ruleId) \(f.path ?? "")\(place) \(f.message)"
  }
}

/// Loads an import's documents with OrgModel, as `orglint lint` would read them from `--out`.
func loadIntoOrgModel(_ result: AWSImportResult) -> LoadedSet {
  OrgSetLoader.load(sources: result.documents.map { SourceFile(path: $0.path, bytes: Array($0.text.utf8)) })
}

/// Writes an import's documents to a scratch folder and lints them with the built-in rules at export-full's export
/// time; each finding as `RULE path:line:col message`, paths relative to the folder.
func lintFindings(_ result: AWSImportResult, atLeast minimum: Severity = .note) throws -> [String] {
  let folder = try Fixtures.scratch()
  defer { Fixtures.cleanUp(folder) }
  try result.write(to: folder.path)
  let now = CELTimestamp.parse("2026-11-25T12:00:00Z")!
  let lint = Linter.lint(LintRequest(paths: [folder.path], now: now))
  let prefix = folder.standardizedFileURL.path + "/"
  return (lint.problems + lint.findings).filter { $0.severity >= minimum }.sorted(by: Finding.reportOrder).map { f in
    let path = (f.path ?? "").replacingOccurrences(of: prefix, with: "")
    return "\(f.ruleId) \(path):\(f.range?.start.description ?? "") \(f.message)"
  }
}

/// The checks an import's documents leave not judged at export-full's export time: `RULE entity`, sorted.
func notJudgedChecks(_ result: AWSImportResult) throws -> [String] {
  let folder = try Fixtures.scratch()
  defer { Fixtures.cleanUp(folder) }
  try result.write(to: folder.path)
  let lint = Linter.lint(LintRequest(paths: [folder.path], now: CELTimestamp.parse("2026-11-25T12:00:00Z")!))
  return lint.notJudged.map { "\($0.ruleId) \($0.entity)" }.sorted()
}
