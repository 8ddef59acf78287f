// LoadBench PATH [--phases]: loads a config set (read + parse + decode + link) once and prints the wall time in
// seconds; with --phases, also the YAML-only time of the same files. Peak memory is measured from outside
// (`/usr/bin/time -f %M`), so one process loads once.
import Diagnostics
import LocatedYAML
import OrgModel

#if canImport(Glibc)
  import Glibc
#endif

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first(where: { !$0.hasPrefix("--") }) else {
  print("usage: LoadBench PATH [--phases]")
  exit(2)
}
let clock = ContinuousClock()
if arguments.contains("--yaml-only") {
  let yaml = YAMLReader.read(try SourceFile.read(path: path))
  print("documents=\(yaml.documents.count) nodes=\(yaml.documents.reduce(0) { $0 + $1.nodeCount })")
  exit(0)
}
let start = clock.now
let set = OrgSetLoader.load(paths: [path])
let elapsed = clock.now - start
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print(
  "load=\(seconds) accounts=\(set.accounts.count) tasks=\(set.tasks.count) findings=\(set.findings.count)")
withExtendedLifetime(set) {}
if arguments.contains("--phases") {
  let t0 = clock.now
  let source = try SourceFile.read(path: path)
  let t1 = clock.now
  let yaml = YAMLReader.read(source)
  let t2 = clock.now
  print("read=\(t1 - t0) yaml=\(t2 - t1) documents=\(yaml.documents.count)")
}
