// JSONBench FILE...: reads each JSON file with AWSImport's JSONParser and with LocatedYAML's reader (libyaml; JSON is
// YAML), RUNS times each (env, default 9; ONE_THREAD=1 keeps LocatedYAML on one thread), and prints the median wall
// time of each parser per file and in total, as a Markdown table. Used for the AWSImport parser decision in Docs/architecture.md. With --errors, prints instead
// what each parser says about each file (the first error, or "ok").
import AWSImport
import Diagnostics
import LocatedYAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let files = CommandLine.arguments.dropFirst().filter { $0 != "--errors" }
guard !files.isEmpty else {
  print("usage: JSONBench [--errors] FILE...")
  exit(2)
}
if CommandLine.arguments.contains("--errors") {
  for path in files {
    let source = try SourceFile.read(path: path)
    var parser = JSONParser(bytes: source.bytes)
    var json = "ok"
    do { _ = try parser.parseAll() } catch {
      json = "\(source.location(atByteOffset: error.offset)): \(error.message)"
    }
    let yaml = YAMLReader.read(source).findings.first { $0.severity == .error }
      .map { "\($0.range.map { "\($0.start)" } ?? "-"): \($0.message)" } ?? "ok"
    print("\(path.split(separator: "/").last!)\n  JSONParser:  \(json)\n  LocatedYAML: \(yaml)")
  }
  exit(0)
}
let runs = getenv("RUNS").flatMap { Int(String(cString: $0)) } ?? 9
let clock = ContinuousClock()
/// ONE_THREAD=1: LocatedYAML parses on the calling thread only (no second thread for files of 1 MiB and more).
var limits = YAMLLimits()
if getenv("ONE_THREAD") != nil { limits.pipelineThreshold = Int.max }

func median(_ body: () -> Void) -> Double {
  var times: [Double] = []
  for _ in 0..<runs {
    let start = clock.now
    body()
    let d = clock.now - start
    times.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
  }
  return times.sorted()[runs / 2]
}

var totals = (bytes: 0, json: 0.0, yaml: 0.0)
var rows: [String] = []
for path in files {
  let source = try SourceFile.read(path: path)
  var jsonOK = true
  let json = median {
    var parser = JSONParser(bytes: source.bytes)
    do { _ = try parser.parseAll() } catch { jsonOK = false }
  }
  var yamlOK = true
  let yaml = median {
    let file = YAMLReader.read(source, limits: limits)
    yamlOK = file.findings.allSatisfy { $0.severity != .error }
  }
  totals.bytes += source.bytes.count
  totals.json += json
  totals.yaml += yaml
  if files.count <= 3 {
    rows.append(
      "| \(path.split(separator: "/").last!) | \(source.bytes.count) | \(ms(json))\(jsonOK ? "" : " (error)") | "
        + "\(ms(yaml))\(yamlOK ? "" : " (error)") | \(ratio(yaml, json)) |")
  }
}

func ms(_ s: Double) -> String { String(Int((s * 1e6).rounded())) + " µs" }
func ratio(_ a: Double, _ b: Double) -> String { String(Double(Int(a / b * 10)) / 10) + "x" }

print("| files | bytes | JSONParser median | LocatedYAML median | YAML / JSON |")
print("|---|---:|---:|---:|---:|")
rows.forEach { print($0) }
print("| \(files.count) file(s) | \(totals.bytes) | \(ms(totals.json)) | \(ms(totals.yaml)) | \(ratio(totals.yaml, totals.json)) |")
