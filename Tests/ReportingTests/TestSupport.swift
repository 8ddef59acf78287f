import Foundation
import Testing

/// Paths of the package and its vendored SARIF schema, and the golden-file comparison.
enum TestSupport {
  /// The package root (this file is `Tests/ReportingTests/TestSupport.swift`).
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The SARIF 2.1.0 schema, vendored with its notice in Tests/Vendored/sarif.
  static let sarifSchemaPath = packageRoot.appendingPathComponent("Tests/Vendored/sarif/sarif-schema-2.1.0.json").path

  /// Compares `actual` with `Golden/<name>`; with `ORGLINT_UPDATE_GOLDEN=1` rewrites the file and fails, so the new
  /// file is reviewed before the test passes again.
  static func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = packageRoot.appendingPathComponent("Tests/ReportingTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["ORGLINT_UPDATE_GOLDEN"] == "1" {
      try? Data(actual.utf8).write(to: url)
      Issue.record(
        "rewrote \(url.path); review it and run again without ORGLINT_UPDATE_GOLDEN", sourceLocation: sourceLocation)
      return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      Issue.record("missing golden file \(url.path)", sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    #expect(actual == expected, "differs from Golden/\(name)", sourceLocation: sourceLocation)
  }
}
