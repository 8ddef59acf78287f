// swift-tools-version:6.0
import PackageDescription

/// Benchmarks, outside the main package so users of orglint never build them. Run in release mode:
/// `swift run -c release CELBench` (from this directory).
let package = Package(
  name: "orglint-benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "orglint", path: "..")
  ],
  targets: [
    .executableTarget(
      name: "CELBench",
      dependencies: [.product(name: "OrglintKit", package: "orglint")],
      path: "CELBench")
  ]
)
