import Foundation
import Testing

/// Package.swift is the truth about the layers: every target's `dependencies:` lists exactly the modules its files
/// import (a dependency on an executable target only builds it, for tests that run the binary), and the resolved
/// dependency versions are committed.
@Suite struct PackageGraphTests {
  /// Modules of the toolchain, imported without a declared dependency.
  static let systemModules: Set<String> = [
    "Foundation", "FoundationXML", "Dispatch", "Synchronization", "Testing", "XCTest", "Glibc", "Darwin", "Musl",
  ]

  /// One target of the manifest: its name, kind, folder and declared dependencies (product dependencies by name).
  struct Target {
    var name: String
    var kind: String
    var folder: String
    var dependencies: Set<String>
  }

  /// The targets of Package.swift, read from its text: each `.target(`, `.testTarget(`, `.executableTarget(` call's
  /// `name:`, `path:` and `dependencies: [...]`.
  static func targets(in manifest: String) -> [Target] {
    var found: [Target] = []
    let calls = manifest.matches(of: /\.(target|testTarget|executableTarget)\(/)
    for (index, call) in calls.enumerated() {
      let end = index + 1 < calls.count ? calls[index + 1].range.lowerBound : manifest.endIndex
      let body = manifest[call.range.upperBound..<end]
      guard let name = body.firstMatch(of: /name: "([^"]+)"/)?.1 else { continue }
      let kind = String(call.1)
      let folder =
        body.firstMatch(of: /path: "([^"]+)"/).map { String($0.1) }
        ?? (kind == "testTarget" ? "Tests/\(name)" : "Sources/\(name)")
      var dependencies: Set<String> = []
      if let list = body.firstMatch(of: /dependencies: \[((?:[^\[\]]|\[[^\]]*\])*)\]/)?.1 {
        var rest = list
        for product in list.matches(of: /\.product\(name: "([^"]+)"[^)]*\)/) {
          dependencies.insert(String(product.1))
          rest = rest.replacingOccurrences(of: product.0, with: "")[...]
        }
        for plain in rest.matches(of: /"([^"]+)"/) { dependencies.insert(String(plain.1)) }
      }
      found.append(Target(name: String(name), kind: kind, folder: folder, dependencies: dependencies))
    }
    return found
  }

  /// The modules the Swift files under `folder` import: lines that start with `import X`, `@testable import X`,
  /// `internal import X`... (indented ones are inside `#if canImport` for system modules, or Python in a string).
  static func imports(under folder: String) -> Set<String> {
    let ignoredWords: Set<Substring> = [
      "@testable", "@_implementationOnly", "public", "package", "internal", "private", "fileprivate",
    ]
    var modules: Set<String> = []
    let root = OrglintProcess.packageRoot + "/" + folder
    let walker = FileManager.default.enumerator(atPath: root)
    while let path = walker?.nextObject() as? String {
      guard path.hasSuffix(".swift"), let text = try? String(contentsOfFile: root + "/" + path, encoding: .utf8)
      else { continue }
      for line in text.split(separator: "\n") where line.first == "i" || line.first == "@" {
        let words = line.split(separator: " ").drop { ignoredWords.contains($0) }
        if words.first == "import", words.count >= 2 { modules.insert(String(words[words.startIndex + 1])) }
      }
    }
    return modules.subtracting(systemModules)
  }

  @Test func dependenciesAreExactlyTheImports() throws {
    let manifest = try String(contentsOfFile: OrglintProcess.packageRoot + "/Package.swift", encoding: .utf8)
    let targets = Self.targets(in: manifest)
    #expect(targets.count >= 16, "read \(targets.map(\.name))")
    let executables = Set(targets.filter { $0.kind == "executableTarget" }.map(\.name))
    for target in targets where target.kind != "systemLibrary" {
      let imported = Self.imports(under: target.folder)
      // A test target may depend on an executable only to have it built (and may also import it, @testable).
      let declared = target.dependencies
      #expect(imported.subtracting(declared).sorted() == [], "\(target.name) imports modules it does not declare")
      #expect(
        declared.subtracting(imported).subtracting(executables).sorted() == [],
        "\(target.name) declares modules it does not import")
    }
  }

  /// The reader must be able to fail: a declared but unused dependency and an undeclared import are both seen.
  @Test func theCheckSeesBothDirections() {
    let manifest = """
      .target(name: "AWSImport", dependencies: ["OrgModel", "Diagnostics"]),
      .executableTarget(name: "orglint", dependencies: [
          "Diagnostics", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
      .testTarget(name: "X", dependencies: ["orglint"], exclude: ["Golden"]),
      """
    let targets = Self.targets(in: manifest)
    #expect(targets.map(\.name) == ["AWSImport", "orglint", "X"])
    #expect(targets[0].dependencies == ["OrgModel", "Diagnostics"])
    #expect(targets[1].dependencies == ["Diagnostics", "ArgumentParser"])
    #expect(targets[2].folder == "Tests/X")
    #expect(Self.imports(under: "Sources/AWSImport").contains("Diagnostics"))
    #expect(!Self.imports(under: "Sources/AWSImport").contains("OrgModel"))
    #expect(Self.imports(under: "Sources/orglint").contains("ArgumentParser"))
  }

  /// An executable pins its dependencies: Package.resolved is in the repository, pinning every remote package.
  @Test func packageResolvedIsCommitted() throws {
    let root = OrglintProcess.packageRoot
    let text = try String(contentsOfFile: root + "/Package.resolved", encoding: .utf8)
    let resolved = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let pins = resolved["pins"] as? [[String: Any]] ?? []
    #expect(pins.compactMap { $0["identity"] as? String } == ["swift-argument-parser"])
    let ignore = (try? String(contentsOfFile: root + "/.gitignore", encoding: .utf8)) ?? ""
    #expect(!ignore.split(separator: "\n").contains("Package.resolved"))
  }
}
