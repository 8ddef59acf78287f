// swift-tools-version:6.0
import PackageDescription

/// orglint: a declarative policy-as-code linter for AWS Organizations root-user configuration.
/// Layers (each imports only those above it): CYAML → Diagnostics → LocatedYAML → OrgModel → CEL → RuleEngine
/// → Adoption → LanguageServer → orglint; AWSImport and Reporting need only Diagnostics. See Docs/architecture.md.
/// Every `dependencies:` list is exactly what the target's files import (a test checks it).
let package = Package(
  name: "orglint",
  // macOS 15: LocatedYAML hands event batches between threads through `Mutex` (Synchronization).
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "orglint", targets: ["orglint"]),
    // The layers as a library, for Benchmarks/ and for tools that embed orglint.
    .library(
      name: "OrglintKit",
      targets: [
        "Diagnostics", "LocatedYAML", "OrgModel", "CEL", "RuleEngine", "Adoption", "AWSImport", "Reporting",
      ]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .systemLibrary(
      name: "CYAML", pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
    .target(name: "Diagnostics"),
    .target(name: "LocatedYAML", dependencies: ["CYAML", "Diagnostics"]),
    .target(name: "OrgModel", dependencies: ["LocatedYAML", "Diagnostics"]),
    .target(name: "CEL", dependencies: ["Diagnostics"]),
    .target(name: "RuleEngine", dependencies: ["OrgModel", "CEL", "LocatedYAML", "Diagnostics"]),
    // `.orglint.yaml`, suppressions, the baseline and the lint pipeline that applies them to the rules' findings.
    .target(name: "Adoption", dependencies: ["RuleEngine", "OrgModel", "CEL", "LocatedYAML", "Diagnostics"]),
    .target(name: "AWSImport", dependencies: ["Diagnostics"]),
    .target(name: "Reporting", dependencies: ["Diagnostics"]),
    // `orglint server`: the language server (JSON-RPC over stdio) on top of the lint pipeline.
    .target(
      name: "LanguageServer",
      dependencies: ["Adoption", "RuleEngine", "OrgModel", "CEL", "LocatedYAML", "Reporting", "Diagnostics"]),
    .executableTarget(
      name: "orglint",
      dependencies: [
        "Diagnostics", "OrgModel", "CEL", "RuleEngine", "Adoption", "AWSImport", "Reporting", "LanguageServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Test-only: the checks for tools some tests need besides Swift and libyaml (python3 modules, the AWS CLI), as
    // a `.requires(...)` trait that skips with the tool named or, with ORGLINT_REQUIRE_TOOLS=1, fails. A plain
    // target under Tests/ that no product lists, so it never ships; test targets depend on it directly.
    .target(name: "OrglintTestSupport", path: "Tests/OrglintTestSupport"),

    .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
    .testTarget(name: "LocatedYAMLTests", dependencies: ["LocatedYAML", "Diagnostics"]),
    .testTarget(name: "OrgModelTests", dependencies: ["OrgModel", "LocatedYAML", "Diagnostics", "OrglintTestSupport"]),
    .testTarget(name: "CELTests", dependencies: ["CEL", "Diagnostics"]),
    .testTarget(name: "RuleEngineTests", dependencies: ["RuleEngine", "OrgModel", "CEL", "LocatedYAML", "Diagnostics"]),
    .testTarget(
      name: "AdoptionTests", dependencies: ["Adoption", "RuleEngine", "OrgModel", "CEL", "LocatedYAML", "Diagnostics"]),
    .testTarget(
      name: "AWSImportTests",
      dependencies: ["AWSImport", "OrgModel", "Adoption", "CEL", "Diagnostics", "OrglintTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "ReportingTests", dependencies: ["Reporting", "Diagnostics", "OrglintTestSupport"], exclude: ["Golden"]),
    .testTarget(name: "orglintTests", dependencies: ["orglint", "LocatedYAML", "Diagnostics", "OrglintTestSupport"]),
  ]
)
