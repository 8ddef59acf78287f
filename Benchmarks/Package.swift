// swift-tools-version:6.0
import PackageDescription

/// orglint's benchmarks: a package of its own, so that users of orglint never build them.
/// Run them with the scripts beside this file (release builds, compared with libyaml's own cost in the same run),
/// `swift run -c release CELBench` for the CEL evaluator (Benchmarks/python/cel_peer.py is the Python peer), and
/// `swift run -c release JSONBench FILE...` for AWSImport's JSON parser against LocatedYAML (Docs/architecture.md).
let package = Package(
  name: "orglint-benchmarks",
  dependencies: [.package(name: "orglint", path: "..")],
  targets: [
    .executableTarget(
      name: "LoadBench",
      dependencies: [.product(name: "OrglintKit", package: "orglint")]
    ),
    .executableTarget(
      name: "JSONBench",
      dependencies: [.product(name: "OrglintKit", package: "orglint")]
    ),
    .executableTarget(
      name: "CELBench",
      dependencies: [.product(name: "OrglintKit", package: "orglint")]
    ),
  ]
)
