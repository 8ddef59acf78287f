// swift-tools-version:6.0
import PackageDescription

/// orglint: a declarative policy-as-code linter for AWS Organizations root-user configuration.
/// Layers (each imports only those above it): CYAML → Diagnostics → LocatedYAML → OrgModel → CEL → RuleEngine
/// → AWSImport / Reporting → orglint. See Docs/architecture.md.
let package = Package(
  name: "orglint",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "orglint", targets: ["orglint"]),
    // The layers as a library, for Benchmarks/ and for tools that embed orglint.
    .library(
      name: "OrglintKit",
      targets: ["Diagnostics", "LocatedYAML", "OrgModel", "CEL", "RuleEngine", "AWSImport", "Reporting"]),
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
    .target(name: "AWSImport", dependencies: ["OrgModel", "Diagnostics"]),
    .target(name: "Reporting", dependencies: ["RuleEngine", "Diagnostics"]),
    .executableTarget(
      name: "orglint",
      dependencies: [
        "Diagnostics", "LocatedYAML", "OrgModel", "CEL", "RuleEngine", "AWSImport", "Reporting",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
    .testTarget(name: "LocatedYAMLTests", dependencies: ["LocatedYAML"]),
    .testTarget(name: "OrgModelTests", dependencies: ["OrgModel"]),
    .testTarget(name: "CELTests", dependencies: ["CEL"]),
    .testTarget(name: "RuleEngineTests", dependencies: ["RuleEngine"]),
    .testTarget(
      name: "AWSImportTests", dependencies: ["AWSImport", "OrgModel", "RuleEngine", "CEL"], exclude: ["Fixtures"]),
    .testTarget(name: "ReportingTests", dependencies: ["Reporting"], exclude: ["Golden"]),
    .testTarget(name: "orglintTests", dependencies: ["orglint"]),
  ]
)
